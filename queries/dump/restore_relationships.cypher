// Restore relationships from a dump between nodes restored just before, found by id: a node
// of the record (:Entity) or an item of the review queue (:ReviewItem), each a seek on its
// unique id. The type comes from the dump and was checked against the vocabulary in Python.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Entity {id: row.start}) RETURN a
  UNION
  MATCH (a:ReviewItem {id: row.start}) RETURN a
}
MATCH (b:Entity {id: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS written
