// Every node with its labels and properties, for `dyad dump`: the record and its review queue.
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
