// The review queue: items of $label (any kind when null) in $state (any when null), oldest
// first, with the article each was found in; at most $limit. Keyset-paged on (created_at,
// id): $afterAt/$afterId are the last item of the previous page (null for the first).
MATCH (q:ReviewItem)
WHERE ($state IS NULL OR q.state = $state)
  AND ($label IS NULL OR $label IN labels(q))
  AND ($afterAt IS NULL
       OR q.created_at > datetime($afterAt)
       OR (q.created_at = datetime($afterAt) AND q.id > $afterId))
WITH q ORDER BY q.created_at, q.id
LIMIT $limit
OPTIONAL MATCH (q)-[:FOUND_IN]->(s:Source)
OPTIONAL MATCH (q)-[:RESOLVED_AS]->(n:Entity)
RETURN q {.*} AS item, [l IN labels(q) WHERE l <> 'ReviewItem'][0] AS kind,
       s.id AS source, s.title AS title, n.id AS resolvedAs
