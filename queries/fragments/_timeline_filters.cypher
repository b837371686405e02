// A fragment: the timeline's filters on a node `n` (api/timeline.cypher), keeping `n`: dated
// (by `date` or `announced`), its range overlapping [$from, $to], and linked within two hops
// to one of $countries (all when empty), one hop at a time (see fragments/_list_filters: no
// step walks a hub).
WITH n,
     coalesce(n.date, n.announced) AS earliest,
     coalesce(n.end_date_latest, n.date_latest, n.announced_latest) AS until
WHERE earliest IS NOT NULL
  AND ($from IS NULL OR until >= $from)
  AND ($to IS NULL OR earliest <= $to)
WITH n
WHERE size($countries) = 0 OR EXISTS {
        MATCH (n)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|AFFECTS]-(m)
        WHERE m.id IN $countries
           OR (NOT m:Country AND NOT m:Mineral AND EXISTS {
                 MATCH (m)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|AFFECTS]-(c:Country) WHERE c.id IN $countries
               })
      }
