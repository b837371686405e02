// Undo of a research load that failed part-way: delete the nodes it created (by id).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
