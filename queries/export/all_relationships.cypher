// Every relationship with its ends' ids, type and properties, for `dyad export` and `dyad dump`.
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS properties
ORDER BY start, type, end, r.key
