// Labels of the given ids that already exist (references a file makes to the graph).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels
