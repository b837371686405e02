// Every node of the record with its labels and properties, for `dyad export`: the review
// queue (schema/review.py) is not knowledge and is left out (`dyad dump` keeps it).
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
