// Undo of a research load that failed part-way: delete the relationships it created.
// $type comes from the vocabulary.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})-[r]->(b:Entity {id: row.end})
WHERE type(r) = $type AND r.key = row.key
DELETE r
