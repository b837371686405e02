// Queue what the reader of one article could not place, as items of one kind ($label, from
// schema.ReviewLabel). An item's id derives from the article and its span or sentence, so it
// is created once: an item already queued, pending or reviewed, is left exactly as it is.
// Each item is FOUND_IN the article's Source, written earlier in the same transaction (in a
// dry run the Source is not written, and the items are only counted before the rollback).
UNWIND $rows AS row
OPTIONAL MATCH (old:ReviewItem {id: row.id})
WITH row, old IS NULL AS new
MERGE (q:ReviewItem {id: row.id})
ON CREATE SET q = row.properties
SET q:$($label)
WITH q, row, new
OPTIONAL MATCH (s:Source {id: row.source})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (q)-[:FOUND_IN]->(s))
RETURN count(CASE WHEN new THEN 1 END) AS created, count(*) AS rows,
       collect(CASE WHEN new THEN row.id END) AS createdIds
