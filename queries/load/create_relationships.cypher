// Create relationships of one type that do not exist yet (the loader checked, in this same
// transaction). $type comes from the vocabulary. Not `MERGE (a)-[r:$($type) {key: …}]->(b)`:
// Neo4j 5.26 plans a MERGE with a dynamic type over ten times slower (docs/PERFORMANCE.md).
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
CREATE (a)-[r:$($type)]->(b)
SET r = row.properties
RETURN count(r) AS written
