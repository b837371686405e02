// timeline(countries, from, to, kinds): statements, policies and events in date order.
// A dated item belongs to a country when linked to it within two structural hops;
// $countries empty means all. $labels are the kinds asked for.
MATCH (n:Entity)
WHERE any(l IN $labels WHERE l IN labels(n))
WITH n, coalesce(n.date, n.announced) AS day
WHERE day IS NOT NULL
  AND ($from IS NULL OR day >= $from)
  AND ($to IS NULL OR day <= $to)
  AND (size($countries) = 0 OR EXISTS {
        MATCH (n)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|AFFECTS*1..2]-(c:Country)
        WHERE c.id IN $countries
      })
WITH n, day
ORDER BY day, n.id
LIMIT $limit
WITH collect(n) AS roots
WITH roots, [] AS seedRels, {} AS extra
