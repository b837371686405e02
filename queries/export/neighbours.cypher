// Ids of the nodes one hop from any of $ids, either direction: one ring of a neighbourhood.
UNWIND $ids AS id
MATCH (:Entity {id: id})--(m:Entity)
RETURN DISTINCT m.id AS id
