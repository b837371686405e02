// causalChains: the $limit strongest paths from $from that follow causal relationships only
// in their causal direction (PROVOKED, RESTRICTS, TARGETS, AFFECTS, SUPPLIES forward;
// RESPONDS_TO, DEPENDS_ON backward: schema.CAUSAL_TYPES, checked by tests/test_vocabulary.py),
// each step at least $minConfidence and, with $asOf, valid on that date. What a measure
// RESTRICTS is its object: the step after it lands only in a country the measure TARGETS (or,
// aimed at none, any but its issuers'): schema.MEASURE_REACH. No node twice; at
// most $maxHops steps. A chain ends at a node of $toLabel (any kind when null), optionally
// located in country $toCountry. Score = the product of the steps' confidences; ranked by
// score, then by fewer hops, then by the nodes' ids.
//
// Branch and bound, one level of steps at a time (the reduce over levels): every chain found
// so far is kept, and once $limit of them are, the $limit-th best score is a bound. A step
// that would score below it is not taken, and a path below it is not grown further, since
// confidences are at most 1 and a longer path can only score lower. The answer is exactly
// the best $limit of all chains (the research query causal_chains_all enumerates them all;
// tests compare the two), but the work follows the strong paths instead of every path: at
// scale 1000 the exhaustive form ranks about 8,700 paths for the benchmark's question, this
// one grows about 120 and builds about 280 (docs/PERFORMANCE.md).
OPTIONAL MATCH (start:Entity {id: $from})
CALL (start) {
  WITH start WHERE start IS NOT NULL
  WITH reduce(
    state = {paths: [{nodes: [start], rels: [], score: 1.0}], chains: [], bound: 0.0},
    level IN range(1, $maxHops) |
    // grown: every path of this level, one step longer than a path that kept up the bound
    [grown IN [reduce(flat = [], more IN [p IN state.paths WHERE p.score >= state.bound |
        COLLECT {
          WITH p, last(p.nodes) AS a, state.bound AS bound
          CALL (a) {
            MATCH (a)-[r:PROVOKED|RESTRICTS|TARGETS|AFFECTS|SUPPLIES]->(b)
            RETURN r, b
            UNION ALL
            MATCH (a)<-[r:RESPONDS_TO|DEPENDS_ON]-(b)
            RETURN r, b
          }
          WITH p, r, b, bound, r.confidence AS confidence, last(p.rels) AS before
          WITH p, r, b, bound, confidence, p.score * confidence AS score, b AS reached,
               CASE WHEN before:RESTRICTS THEN startNode(before) END AS measure
          // a step below the bound cannot reach the best $limit, nor can its extensions
          WHERE confidence >= $minConfidence
            AND score >= bound
            AND ($asOf IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $asOf)
                                   AND (r.valid_to IS NULL OR r.valid_to >= $asOf)))
            AND NOT b IN p.nodes
            // the step after a measure's object lands within the measure's reach
            AND (measure IS NULL OR
              // include: fragments/_measure_reach
              )
          RETURN {
            nodes: p.nodes + b,
            rels: p.rels + r,
            score: score,
            ends: ($toLabel IS NULL OR $toLabel IN labels(b))
              AND ($toCountry IS NULL
                   OR EXISTS { (b)-[:LOCATED_IN|BASED_IN]->(:Country {id: $toCountry}) })
          }
        }] | flat + more)] |
      [chains IN [state.chains + [q IN grown WHERE q.ends]] |
        [best IN [COLLECT { UNWIND chains AS c RETURN c.score AS s ORDER BY s DESC LIMIT $limit }] |
          {paths: grown, chains: chains,
           bound: CASE WHEN size(best) = $limit THEN last(best) ELSE 0.0 END}
        ][0]
      ][0]
    ][0]
  ).chains AS found
  UNWIND found AS c
  WITH c
  ORDER BY c.score DESC, size(c.rels) ASC, [x IN c.nodes | x.id]
  LIMIT $limit
  RETURN
    collect({
      nodes: [x IN c.nodes | x.id],
      steps: [x IN c.rels | {start: startNode(x).id, end: endNode(x).id, type: type(x), key: x.key}],
      score: c.score
    }) AS chains,
    reduce(acc = [], q IN collect(c) | acc + q.nodes) AS chainNodes,
    reduce(acc = [], q IN collect(c) | acc + q.rels) AS chainRels
}
WITH CASE WHEN start IS NULL THEN [] ELSE [start] END + chainNodes AS roots,
     chainRels AS seedRels,
     {found: start IS NOT NULL, chains: chains} AS extra
