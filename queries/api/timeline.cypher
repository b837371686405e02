// timeline(countries, from, to, kinds, datasets): statements, policies and events in date order.
// A dated item belongs to a country when linked to it within two structural hops;
// $countries empty means all. $labels are the kinds asked for; each is found by a prefix
// seek on the unique id index (a kind's ids start with its lower-cased label).
//
// Dates are ranges: `date` (or `announced`) is the first day the source's date covers and
// `date_latest` the last (a month-only date covers its month). An event runs on to its
// `end_date_latest`. $from/$to keep what OVERLAPS [$from, $to].
//
// Coded events (an Event with `dataset` set: GDELT, POLECAT) are shown only when their
// dataset is in $datasets; they are counted apart either way (extra.codedEvents). The
// answer is capped at $limit (extra.total says how many matched).
//
// Order (the same in api/page_asc and api/page_desc): by the latest day, then the earliest,
// each first narrowed by causality (a cause happened no later than its effects, an effect no
// earlier than its causes: PROVOKED forward, RESPONDS_TO backward, up to 4 steps), then by
// how many causes precede it, then day before month before year, then id. So a month-only
// reaction never sorts before the day it responds to, nor a month-only cause after a
// reaction within its month.
UNWIND $labels AS label
MATCH (n:Entity)
WHERE n.id STARTS WITH toLower(label) + ':' AND label IN labels(n)
WITH n,
     coalesce(n.date, n.announced) AS earliest,
     coalesce(n.date_latest, n.announced_latest) AS latest,
     coalesce(n.end_date_latest, n.date_latest, n.announced_latest) AS until
WHERE earliest IS NOT NULL
  AND ($from IS NULL OR until >= $from)
  AND ($to IS NULL OR earliest <= $to)
// Within two hops, one at a time (see api/page_asc.cypher: no step walks a hub).
WITH n, earliest, latest
WHERE size($countries) = 0 OR EXISTS {
        MATCH (n)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|AFFECTS]-(m)
        WHERE m.id IN $countries
           OR (NOT m:Country AND NOT m:Mineral AND EXISTS {
                 MATCH (m)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|AFFECTS]-(c:Country) WHERE c.id IN $countries
               })
      }
WITH collect(CASE WHEN n.dataset IS NULL OR n.dataset IN $datasets
                  THEN {n: n, earliest: earliest, latest: latest} END) AS shown,
     count(n.dataset) AS codedEvents
CALL (shown) {
  UNWIND shown AS item
  WITH item.n AS n, item.earliest AS earliest, item.latest AS latest
  // the causal bounds ($sort is always 'date' here)
  // include: fragments/_causal_bounds
  WITH n, causes,
       CASE WHEN effectsBy < latest THEN effectsBy ELSE latest END AS byLatest,
       CASE WHEN causesFrom > earliest THEN causesFrom ELSE earliest END AS byEarliest,
       CASE coalesce(n.date_precision, n.announced_precision) WHEN 'day' THEN 0 WHEN 'month' THEN 1 ELSE 2 END AS rank
  ORDER BY byLatest, byEarliest, causes, rank, n.id
  RETURN collect(n) AS ordered
}
WITH ordered[0..$limit] AS roots, [] AS seedRels,
     {total: size(ordered), codedEvents: codedEvents} AS extra
