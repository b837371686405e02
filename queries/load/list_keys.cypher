// Store the list keys (fragments/_list_keys) of the nodes $ids and of every node within 4
// causal steps of them, whose date keys they narrow ($sort is 'date'): called after every
// write, in its transaction (graph/list_keys.py). A relationship's removal is covered by
// refreshing both its ends: a node whose path ran through it still reaches one of them.
UNWIND $ids AS id
MATCH (s:Entity {id: id})
OPTIONAL MATCH (s)-[:PROVOKED|RESPONDS_TO*1..4]-(o)
WITH collect(DISTINCT s) + collect(DISTINCT o) AS found
UNWIND found AS n
WITH DISTINCT n
// include: fragments/_list_keys
RETURN count(n) AS keyed
