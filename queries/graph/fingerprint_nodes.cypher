// Every node with its labels and properties, for `dyad fingerprint`.
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS properties
