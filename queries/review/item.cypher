// One queue item with the article it was found in: the Source's grade (for the status rules
// of schema/rules.py) and the text around the item's span.
MATCH (q:ReviewItem {id: $id})
OPTIONAL MATCH (q)-[:FOUND_IN]->(s:Source)
RETURN q {.*} AS item, [l IN labels(q) WHERE l <> 'ReviewItem'][0] AS kind,
       s {.id, .reliability, .origin, .published, .published_precision} AS source
