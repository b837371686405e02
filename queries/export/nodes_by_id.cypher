// The nodes with the given ids, with labels and properties (a neighbourhood export).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
