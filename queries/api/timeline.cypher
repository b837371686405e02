// timeline(countries, from, to, kinds): statements, policies and events in date order.
// A dated item belongs to a country when linked to it within two structural hops;
// $countries empty means all. $labels are the kinds asked for; each is found by a prefix
// seek on the unique id index (a kind's ids start with its lower-cased label).
UNWIND $labels AS label
MATCH (n:Entity)
WHERE n.id STARTS WITH toLower(label) + ':' AND label IN labels(n)
WITH n, coalesce(n.date, n.announced) AS day
WHERE day IS NOT NULL
  AND ($from IS NULL OR day >= $from)
  AND ($to IS NULL OR day <= $to)
// Within two hops, one at a time (see api/page_asc.cypher: no step walks a hub).
WITH n, day
WHERE size($countries) = 0 OR EXISTS {
        MATCH (n)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|AFFECTS]-(m)
        WHERE m.id IN $countries
           OR (NOT m:Country AND NOT m:Mineral AND EXISTS {
                 MATCH (m)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|AFFECTS]-(c:Country) WHERE c.id IN $countries
               })
      }
WITH n, day
ORDER BY day, n.id
LIMIT $limit
WITH collect(n) AS roots
WITH roots, [] AS seedRels, {} AS extra
