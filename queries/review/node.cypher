// The node with this id, if any, and its labels (a link target, or an id a new node would take).
MATCH (n:Entity {id: $id})
RETURN n.id AS id, labels(n) AS labels, n.name AS name
