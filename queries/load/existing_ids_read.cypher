// Labels of the given ids that already exist (references a file makes to the graph), and the
// grade of those that are sources (the status rules of schema/rules.py need them).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, n.reliability AS reliability, n.origin AS origin,
       n.published AS published, n.published_precision AS published_precision
