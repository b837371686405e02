// title: Every causal chain from an act, strongest first
// description: All paths from a node that follow causal relationships only in the direction
// description: effect flows (PROVOKED, RESTRICTS, TARGETS, AFFECTS, SUPPLIES forward;
// description: RESPONDS_TO and DEPENDS_ON backward), no node twice, ending at a node of a kind
// description: and country you choose; score is the product of the links' confidences. It
// description: enumerates every path, so it is the plain statement of what the API's
// description: causalChains answers (by branch and bound) and slows as the graph grows.
// description: What a measure RESTRICTS is its object: the next link lands only in a country
// description: the measure TARGETS (or, aimed at none, any but the issuer's); further on,
// description: only stated dependence (DEPENDS_ON, SUPPLIES) carries the effect.
// param: from string = statement:takaichi-2025-11-07-diet — the act to start from
// param: toKind string = Industry — the kind of node a chain ends at (null for any)
// param: toCountry string = country:JPN — the country it is located in (null for anywhere)
// param: maxHops integer = 4 — longest chain (1..6)
// param: minConfidence float = 0.0 — every link at least this confident
// param: asOf date = null — only links valid on this day (null: ignore validity)
// param: limit integer = 25 — at most this many chains
// example: dyad query causal_chains_all --param toCountry=null --param maxHops=3
MATCH p = (start:Entity {id: $from}) (
    (a)-[r:PROVOKED|RESPONDS_TO|RESTRICTS|TARGETS|AFFECTS|DEPENDS_ON|SUPPLIES]-(b)
    WHERE r.confidence >= $minConfidence
      AND ((type(r) IN ['PROVOKED', 'RESTRICTS', 'TARGETS', 'AFFECTS', 'SUPPLIES'] AND startNode(r) = a)
           OR (type(r) IN ['RESPONDS_TO', 'DEPENDS_ON'] AND endNode(r) = a))
      AND ($asOf IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $asOf)
                             AND (r.valid_to IS NULL OR r.valid_to >= $asOf)))
  ){1,6} (end)
WHERE length(p) <= $maxHops
  AND ($toKind IS NULL OR $toKind IN labels(end))
  AND ($toCountry IS NULL OR EXISTS { (end)-[:LOCATED_IN|BASED_IN]->(:Country {id: $toCountry}) })
  AND all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
// the step after a measure's object lands within the measure's reach
CALL (p) {
  UNWIND range(0, length(p) - 2) AS i
  WITH relationships(p)[i] AS step, nodes(p)[i + 2] AS reached
  WITH step, reached, startNode(step) AS measure
  WHERE step:RESTRICTS AND NOT
    // include: fragments/_measure_reach
  RETURN count(*) = 0 AS withinReach
}
WITH p, end, withinReach WHERE withinReach
WITH p, end, reduce(score = 1.0, x IN relationships(p) | score * x.confidence) AS exact
RETURN end.name AS end, [l IN labels(end) WHERE l <> 'Entity'][0] AS kind, round(exact, 3) AS score,
       length(p) AS hops, [x IN nodes(p) | x.id] AS ids, p AS chain
ORDER BY exact DESC, hops ASC, ids
LIMIT $limit
