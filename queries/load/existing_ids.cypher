// Which of the given ids exist, with their labels and properties (to tell created from updated).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
