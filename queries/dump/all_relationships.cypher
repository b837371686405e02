// Every relationship with its ends' ids, type and properties, for `dyad dump` (the review
// queue's FOUND_IN and RESOLVED_AS included).
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS properties
ORDER BY start, type, end, r.key
