// Which of the given relationships exist, with their properties. $type comes from the vocabulary.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})-[r:$($type) {key: row.key}]->(b:Entity {id: row.end})
RETURN a.id AS start, b.id AS end, r.key AS key, properties(r) AS properties
