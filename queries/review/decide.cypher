// Record a reviewer's decision on a pending item: $changes (state, reviewed_at, reviewed_by,
// review_reason or result) and, when $resolvedAs names a node, RESOLVED_AS to it. An item
// already decided is left alone (no row comes back). Nothing is deleted.
MATCH (q:ReviewItem {id: $id})
WHERE q.state = $pending
SET q += $changes
WITH q
OPTIONAL MATCH (n:Entity {id: $resolvedAs})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | MERGE (q)-[:RESOLVED_AS]->(n))
RETURN q.id AS id
