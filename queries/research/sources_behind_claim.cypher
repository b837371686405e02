// title: The sources behind a claim
// description: Every relationship between two nodes (either direction), with its status,
// description: confidence and quote, and each source it rests on: title, publisher, origin, grade, date, url.
// param: from string = statement:takaichi-2025-11-07-diet — one end of the claim
// param: to string = policy:cn-2026-01-dual-use-ban-japan — the other end
// example: dyad query sources_behind_claim --param from=policy:cn-2025-04-ree --param to=mineral:Dy
MATCH (a:Entity {id: $from})-[claim]-(b:Entity {id: $to})
UNWIND claim.sources AS sourceId
MATCH (source:Source {id: sourceId})
RETURN type(claim) AS type, startNode(claim).id AS start, endNode(claim).id AS end,
       claim.status AS status, claim.confidence AS confidence, claim.quote AS quote,
       source.title AS title, source.publisher AS publisher, source.origin AS origin,
       source.reliability AS grade, source.published AS published,
       source.url AS url, claim
ORDER BY type, start, confidence DESC, published
