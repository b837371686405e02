// node(id) and nodes(ids): the nodes, in the order asked, with their relationships.
UNWIND range(0, size($ids) - 1) AS i
MATCH (n:Entity {id: $ids[i]})
WITH n ORDER BY i
WITH collect(n) AS roots
WITH roots, [] AS seedRels, {} AS extra
