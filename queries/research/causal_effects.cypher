// title: Everything downstream of an act
// description: Nodes reachable from a node by following causal relationships only in the
// description: direction effect flows (PROVOKED, RESTRICTS, TARGETS, AFFECTS, SUPPLIES forward;
// description: RESPONDS_TO and DEPENDS_ON backward, as schema/vocabulary.py says), nearest
// description: first, each with its strongest chain.
// description: What a measure RESTRICTS is its object: the next link lands only in a country
// description: the measure TARGETS (or, aimed at none, any but the issuer's); further on,
// description: only stated dependence (DEPENDS_ON, SUPPLIES) carries the effect.
// param: from string = statement:takaichi-2025-11-07-diet — the act to start from
// param: maxHops integer = 3 — longest chain (1..6)
// param: minConfidence float = 0.5 — every link at least this confident
// example: dyad query causal_effects --param from=policy:cn-2025-04-ree --param maxHops=2
MATCH p = (start:Entity {id: $from}) (
    (a)-[r:PROVOKED|RESPONDS_TO|RESTRICTS|TARGETS|AFFECTS|DEPENDS_ON|SUPPLIES]-(b)
    WHERE r.confidence >= $minConfidence
      AND ((type(r) IN ['PROVOKED', 'RESTRICTS', 'TARGETS', 'AFFECTS', 'SUPPLIES'] AND startNode(r) = a)
           OR (type(r) IN ['RESPONDS_TO', 'DEPENDS_ON'] AND endNode(r) = a))
  ){1,6} (effect)
WHERE length(p) <= $maxHops AND effect <> start
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
WITH effect, p, withinReach WHERE withinReach
WITH effect, p, reduce(score = 1.0, x IN relationships(p) | score * x.confidence) AS score
ORDER BY length(p), score DESC
WITH effect, collect(p)[0] AS best, min(length(p)) AS hops, max(score) AS strongest
RETURN effect.name AS effect, [l IN labels(effect) WHERE l <> 'Entity'][0] AS kind, hops,
       round(strongest, 3) AS score, best AS chain
ORDER BY hops, score DESC, effect
