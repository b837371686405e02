// Whether (start)-[:$type {key: $key}]->(end) exists (a mutation never overwrites a claim).
MATCH (a:Entity {id: $start})-[r]->(b:Entity {id: $end})
WHERE type(r) = $type AND r.key = $key
RETURN count(r) AS n
