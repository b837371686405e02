// causalChains: paths from $from that follow causal relationships only in their causal
// direction ($forwardTypes and $backwardTypes come from schema.CAUSAL_TYPES), each step at
// least $minConfidence and, with $asOf, valid on that date; no node twice. A chain ends at
// a node of $toLabel (any kind when null), optionally located in country $toCountry.
// Score = the product of the steps' confidences; ranked by score, then by fewer hops.
OPTIONAL MATCH (start:Entity {id: $from})
CALL (start) {
  // The vocabulary gives every causal path one shape (tests/test_vocabulary.py checks it):
  // deeds lead to deeds (PROVOKED, RESPONDS_TO), then one impact step leaves the deeds
  // (RESTRICTS, TARGETS, AFFECTS) for a mineral, industry, organization, mine or state, and
  // effect then runs among minerals, industries, organizations and mines (DEPENDS_ON,
  // SUPPLIES); nothing leads back to deeds, and nothing leaves a state. Matching the three
  // parts apart means a mineral is left by its DEPENDS_ON alone: one pattern for all seven
  // types would also read, and reject, every RESTRICTS that reaches it (thousands at
  // scale, once for each path that arrives).
  CALL (start) {
    MATCH p = (start) (
        (a)-[r:PROVOKED|RESPONDS_TO]-(b)
        WHERE ((type(r) IN $forwardTypes AND startNode(r) = a)
               OR (type(r) IN $backwardTypes AND endNode(r) = a))
          AND r.confidence >= $minConfidence
          AND ($asOf IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $asOf)
                                 AND (r.valid_to IS NULL OR r.valid_to >= $asOf)))
      ){0,5} (deed)-[impact:RESTRICTS|TARGETS|AFFECTS]->(hit) (
        (c)-[s:DEPENDS_ON|SUPPLIES]-(e)
        WHERE ((type(s) IN $forwardTypes AND startNode(s) = c)
               OR (type(s) IN $backwardTypes AND endNode(s) = c))
          AND s.confidence >= $minConfidence
          AND ($asOf IS NULL OR ((s.valid_from IS NULL OR s.valid_from <= $asOf)
                                 AND (s.valid_to IS NULL OR s.valid_to >= $asOf)))
      ){0,5} (end)
    WHERE size(r) + 1 + size(s) <= $maxHops
      AND impact.confidence >= $minConfidence
      AND ($asOf IS NULL OR ((impact.valid_from IS NULL OR impact.valid_from <= $asOf)
                             AND (impact.valid_to IS NULL OR impact.valid_to >= $asOf)))
    RETURN p, end
    UNION
    MATCH p = (start) (
        (a)-[r:PROVOKED|RESPONDS_TO]-(b)
        WHERE ((type(r) IN $forwardTypes AND startNode(r) = a)
               OR (type(r) IN $backwardTypes AND endNode(r) = a))
          AND r.confidence >= $minConfidence
          AND ($asOf IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $asOf)
                                 AND (r.valid_to IS NULL OR r.valid_to >= $asOf)))
      ){1,6} (end)
    WHERE size(r) <= $maxHops
    RETURN p, end
    UNION
    MATCH p = (start) (
        (c)-[s:DEPENDS_ON|SUPPLIES]-(e)
        WHERE ((type(s) IN $forwardTypes AND startNode(s) = c)
               OR (type(s) IN $backwardTypes AND endNode(s) = c))
          AND s.confidence >= $minConfidence
          AND ($asOf IS NULL OR ((s.valid_from IS NULL OR s.valid_from <= $asOf)
                                 AND (s.valid_to IS NULL OR s.valid_to >= $asOf)))
      ){1,6} (end)
    WHERE size(s) <= $maxHops
    RETURN p, end
  }
  WITH p, end
  WHERE ($toLabel IS NULL OR $toLabel IN labels(end))
    AND ($toCountry IS NULL
         OR EXISTS { (end)-[:LOCATED_IN|BASED_IN]->(:Country {id: $toCountry}) })
    AND all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  WITH p, reduce(s = 1.0, x IN relationships(p) | s * x.confidence) AS score
  ORDER BY score DESC, size(relationships(p)) ASC, [x IN nodes(p) | x.id]
  LIMIT $limit
  RETURN
    collect({
      nodes: [x IN nodes(p) | x.id],
      steps: [x IN relationships(p) | {start: startNode(x).id, end: endNode(x).id, type: type(x), key: x.key}],
      score: score
    }) AS chains,
    reduce(acc = [], q IN collect(p) | acc + nodes(q)) AS chainNodes,
    reduce(acc = [], q IN collect(p) | acc + relationships(q)) AS chainRels
}
WITH CASE WHEN start IS NULL THEN [] ELSE [start] END + chainNodes AS roots,
     chainRels AS seedRels,
     {found: start IS NOT NULL, chains: chains} AS extra
