// Every node with its labels and properties, for `dyad fingerprint`: the record and its queue,
// not the history (a Change says when the record learned something, not what it holds, so the
// same data loaded twice, or reloaded into an empty graph, keeps one fingerprint), nor the
// listings (schema LISTING_LABEL: derived).
MATCH (n)
WHERE NOT n:Change AND NOT n:Listing
RETURN labels(n) AS labels, properties(n) AS properties
