// causalChains: paths from $from that follow causal relationships only in their causal
// direction (the types below must equal schema.CAUSAL_TYPES; a test checks), each step at
// least $minConfidence and, with $asOf, valid on that date; no node twice. A chain ends at
// a node of $toLabel (any kind when null), optionally located in country $toCountry.
// Score = the product of the steps' confidences; ranked by score, then by fewer hops.
OPTIONAL MATCH (start:Entity {id: $from})
CALL (start) {
  MATCH p = (start) (
      (a)-[r:PROVOKED|RESPONDS_TO|RESTRICTS|TARGETS|AFFECTS|DEPENDS_ON|SUPPLIES]-(b)
      WHERE ((type(r) IN $forwardTypes AND startNode(r) = a)
             OR (type(r) IN $backwardTypes AND endNode(r) = a))
        AND r.confidence >= $minConfidence
        AND ($asOf IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $asOf)
                               AND (r.valid_to IS NULL OR r.valid_to >= $asOf)))
    ){1,6} (end)
  WHERE size(r) <= $maxHops
    AND ($toLabel IS NULL OR $toLabel IN labels(end))
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
