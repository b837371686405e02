// Restore relationships from a dump between nodes restored just before, found by id.
// The type comes from the dump and was checked against the vocabulary in Python.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS written
