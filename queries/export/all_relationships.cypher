// Every relationship between nodes of the record, with its ends' ids, type and properties,
// for `dyad export` (the review queue's are left out; `dyad dump` keeps them).
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS properties
ORDER BY start, type, end, r.key
