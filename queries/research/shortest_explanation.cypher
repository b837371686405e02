// title: The shortest explanation between two nodes
// description: Every shortest path between two nodes over any relationships (either
// description: direction), strongest first (product of the links' confidences). Read a path
// description: as a candidate explanation, and check each link's sources.
// param: from string = statement:takaichi-2025-11-07-diet — where to start
// param: to string = industry:jpn-ndfeb-magnets — where to arrive
// param: limit integer = 10 — at most this many paths
// example: dyad query shortest_explanation --param from=event:senkaku-trawler-collision-2010 --param to=event:mount-weld-opening-2011
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity)
WITH p, reduce(score = 1.0, r IN relationships(p) | score * r.confidence) AS score
RETURN [n IN nodes(p) | n.name] AS steps, [r IN relationships(p) | type(r)] AS links,
       round(score, 3) AS score, length(p) AS hops, p AS path
ORDER BY score DESC, [n IN nodes(p) | n.id]
LIMIT $limit
