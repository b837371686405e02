// Every node with its labels and properties, for `dyad export` and `dyad dump`.
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
