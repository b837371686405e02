// The history of one node, relationship (its edge id) or queue item, newest first: the entries
// about it and, for a node, those about its relationships. Keyset-paged on (at, id), both
// descending: $afterAt/$afterId are the last entry of the previous page (null for the first).
CALL () {
  MATCH (c:Change {subject: $id}) RETURN c
  UNION
  MATCH (c:Change {start: $id}) RETURN c
  UNION
  MATCH (c:Change {end: $id}) RETURN c
}
WITH c
WHERE $afterAt IS NULL
   OR c.at < datetime($afterAt)
   OR (c.at = datetime($afterAt) AND c.id < $afterId)
RETURN c {.*} AS change
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
