// Every node with its labels and properties, for `dyad dump`: the record and its review queue,
// not the listings (schema LISTING_LABEL: derived; a restore writes them again).
MATCH (n)
WHERE NOT n:Listing
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
