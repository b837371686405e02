// timeline(countries, from, to, kinds, datasets): statements, policies and events in date order.
// A dated item belongs to a country when linked to it within two structural hops;
// $countries empty means all. $labels are the kinds asked for (fragments/_timeline_filters).
//
// Dates are ranges: `date` (or `announced`) is the first day the source's date covers and
// `date_latest` the last (a month-only date covers its month). An event runs on to its
// `end_date_latest`. $from/$to keep what OVERLAPS [$from, $to].
//
// Order: by the latest day, then the earliest, each first narrowed by causality (a cause
// happened no later than its effects, an effect no earlier than its causes: PROVOKED forward,
// RESPONDS_TO backward, up to 4 steps), then by how many causes precede it, then day before
// month before year, then id. So a month-only reaction never sorts before the day it responds
// to, nor a month-only cause after a reaction within its month. Each node stores this order as
// its list_date key (schema LIST_KEYS, written with the node: fragments/_list_keys), so each
// kind and tier ('' curated, then each of $datasets) is one range of a range index, read in
// order. The answer is capped at $limit (extra.total says how many matched).
//
// Coded events (an Event with `dataset` set: GDELT, POLECAT) are shown only when their
// dataset is in $datasets; they are counted apart either way (extra.codedEvents), only when
// asked for ($codedCap set) and only up to $codedCap + 1: a count beyond says "more than".
UNWIND $labels AS label
UNWIND [''] + $datasets AS tier
CALL (label, tier) {
  MATCH (n:Entity)
  WHERE n.list_date > label + '\u0001' + tier + '\u0001\u0002'
    AND n.list_date < label + '\u0001' + tier + '\u0002'
  // include: fragments/_timeline_filters
  WITH n ORDER BY n.list_date ASC
  RETURN collect(n) AS matched, size(label) + size(tier) + 2 AS cut
}
WITH collect({matched: matched[..$limit], cut: cut}) AS groups, sum(size(matched)) AS total
CALL (groups) {
  UNWIND groups AS g
  UNWIND g.matched AS n
  WITH n, substring(n.list_date, g.cut, size(n.list_date) - g.cut - size(n.id) - 1) AS key
  ORDER BY key, n.id
  LIMIT $limit
  RETURN collect(n) AS ordered
}
CALL () {
  UNWIND CASE WHEN $codedCap IS NULL THEN [] ELSE $labels END AS label
  MATCH (n:Entity)
  WHERE n.list_date > label + '\u0001\u0002' AND n.list_date < label + '\u0002'
  // include: fragments/_timeline_filters
  WITH n LIMIT coalesce($codedCap, 0) + 1
  RETURN count(n) AS codedEvents
}
WITH ordered AS roots, [] AS seedRels,
     {total: total, codedEvents: codedEvents} AS extra
