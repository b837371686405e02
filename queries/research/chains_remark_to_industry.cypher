// title: Chains from a remark to the industries it reached
// description: Causal chains that start at a statement, run through the acts it provoked to
// description: an export control, on to the minerals that control restricts and the
// description: industries of a country that depend on them. Score is the product of the
// description: links' confidences; strongest chains first.
// param: statement string = statement:takaichi-2025-11-07-diet — the remark to start from
// param: country string = country:JPN — where the industries are (null for anywhere)
// param: minConfidence float = 0.0 — every link at least this confident
// param: limit integer = 25 — at most this many chains
// example: dyad query chains_remark_to_industry --param statement=statement:takaichi-2025-11-07-diet --param minConfidence=0.5
MATCH p = (s:Statement {id: $statement})-[:PROVOKED]->{1,3}(control:Policy)
          -[:RESTRICTS]->(m:Mineral)<-[:DEPENDS_ON]-(i:Industry)
WHERE all(r IN relationships(p) WHERE r.confidence >= $minConfidence)
  AND ($country IS NULL OR EXISTS { (i)-[:LOCATED_IN]->(:Country {id: $country}) })
WITH p, control, m, i, reduce(score = 1.0, r IN relationships(p) | score * r.confidence) AS score
RETURN control.name AS control, m.name AS mineral, i.name AS industry,
       round(score, 3) AS score, length(p) AS hops, p AS chain
ORDER BY score DESC, hops, industry, mineral
LIMIT $limit
