// Which of the given relationships exist, with their properties. $type comes from the vocabulary.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})-[r]->(b:Entity {id: row.end})
WHERE type(r) = $type AND r.key = row.key
RETURN a.id AS start, b.id AS end, r.key AS key, properties(r) AS properties
