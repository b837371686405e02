// Relationships whose both ends are among $ids (a neighbourhood export).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $ids
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS properties
ORDER BY start, type, end, r.key
