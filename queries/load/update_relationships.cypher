// Replace the properties of existing relationships whose content changed. (start, type,
// end, key) identifies one; $type comes from the vocabulary.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})-[r]->(b:Entity {id: row.end})
WHERE type(r) = $type AND r.key = row.key
SET r = row.properties
RETURN count(r) AS written
