// title: Chains from a remark to the industries it reached
// description: Causal chains that start at a statement, run through the acts it provoked to
// description: an export control, on to the minerals that control restricts and the
// description: industries that depend on them: only those in a country the control targets
// description: (or, aimed at none, any but the issuer's). Score is the product of the links'
// description: confidences; strongest chains first.
// param: statement string = statement:takaichi-2025-11-07-diet — the remark to start from
// param: country string = country:JPN — where the industries are (null for anywhere)
// param: minConfidence float = 0.0 — every link at least this confident
// param: limit integer = 25 — at most this many chains
// example: dyad query chains_remark_to_industry --param statement=statement:takaichi-2025-11-07-diet --param minConfidence=0.5
MATCH p = (s:Statement {id: $statement})-[:PROVOKED]->{1,3}(measure:Policy)
          -[:RESTRICTS]->(m:Mineral)<-[:DEPENDS_ON]-(reached:Industry)
WHERE all(r IN relationships(p) WHERE r.confidence >= $minConfidence)
  AND ($country IS NULL OR EXISTS { (reached)-[:LOCATED_IN]->(:Country {id: $country}) })
  AND
  // include: fragments/_measure_reach
WITH p, measure AS control, m, reached AS i, reduce(score = 1.0, r IN relationships(p) | score * r.confidence) AS score
RETURN control.name AS control, m.name AS mineral, i.name AS industry,
       round(score, 3) AS score, length(p) AS hops, p AS chain
ORDER BY score DESC, hops, industry, mineral
LIMIT $limit
