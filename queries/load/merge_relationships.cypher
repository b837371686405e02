// Upsert relationships of one type between existing nodes. $type comes from the vocabulary.
// (start, type, end, key) identifies a relationship; its properties are replaced whole.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
MERGE (a)-[r:$($type) {key: row.key}]->(b)
SET r = row.properties
RETURN count(r) AS written
