// title: Timeline of a period
// description: Statements, policies and events in date order between two dates, each with
// description: its kind, status and one line of summary; optionally only those that involve,
// description: target, concern or come from one country.
// param: from date = 2025-11-01 — first day
// param: to date = 2026-02-28 — last day
// param: country string = null — only things linked to this country (null for all)
// example: dyad query timeline --param from=2010-09-01 --param to=2010-12-31
MATCH (n:Statement|Policy|Event)
WITH n, coalesce(n.date, n.announced) AS day
WHERE day >= $from AND day <= $to
  AND ($country IS NULL OR EXISTS {
        (n)-[:MADE_BY|ISSUED_BY|INVOLVES|TARGETS|ABOUT|AFFECTS]->(x)-[:BASED_IN|HOLDS_OFFICE|OFFICE_OF*0..2]->(:Country {id: $country})
      })
RETURN day, coalesce(n.date_precision, n.announced_precision) AS precision,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name, n.status AS status,
       coalesce(n.summary, n.description) AS summary, n AS node
ORDER BY day, kind, name
