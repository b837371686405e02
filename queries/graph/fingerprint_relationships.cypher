// Every relationship with its ends, type and properties, for `dyad fingerprint`.
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS properties
