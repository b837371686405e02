// One queue item, in any state, as the explorer's Review view shows it: the item, the article
// it was found in (its title and its text, where the item's span lies) and the node it was
// accepted as or linked to.
MATCH (q:ReviewItem {id: $id})
OPTIONAL MATCH (q)-[:FOUND_IN]->(s:Source)
OPTIONAL MATCH (q)-[:RESOLVED_AS]->(n:Entity)
RETURN q {.*} AS item, [l IN labels(q) WHERE l <> 'ReviewItem'][0] AS kind,
       s.id AS source, s.title AS title, n.id AS resolvedAs, s.text AS text
