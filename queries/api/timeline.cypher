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
// order and only up to $limit + 1 matches: the answer is capped at $limit (extra.more says
// whether more matched), so its cost follows the page, not the kinds' sizes. For $countries,
// the curated tier reads each country's listings instead (schema LISTING_LABEL), filtered by
// the days they hold and read to their node only once in the page, a node linked to two of
// them once, so the cost follows the page, not the countries' shares. A
// branch that does not apply has a null prefix (no country, or a country for the node
// ranges), so its seek reads nothing.
// How many matched (extra.total) is counted only when asked for ($totalCap set) and only up
// to $totalCap + 1: a count beyond says "more than"; by countries, from their listings' range
// by the last day each covers, never reading a node.
//
// Coded events (an Event with `dataset` set: GDELT, POLECAT) are shown only when their
// dataset is in $datasets; they are counted apart either way (extra.codedEvents), only when
// asked for ($codedCap set) and only up to $codedCap + 1: a count beyond says "more than".
UNWIND $labels AS label
UNWIND [''] + $datasets AS tier
UNWIND CASE WHEN tier = '' AND size($countries) > 0 THEN $countries ELSE [null] END AS country
CALL (label, tier, country) {
  WITH label, tier, CASE WHEN country IS NULL THEN label + '\u0001' + tier END AS p
  MATCH (n:Entity)
  WHERE n.list_date > p + '\u0001\u0002' AND n.list_date < p + '\u0002'
  // include: fragments/_timeline_filters
  WITH n, p ORDER BY n.list_date ASC
  LIMIT $limit + 1
  RETURN collect(substring(n.list_date, size(p) + 1)) AS matched
  UNION ALL
  WITH label, tier, country + '\u0001' + label + '\u0001' + tier + '\u0001' AS p
  MATCH (e:Listing)
  WHERE e.date_key > p + '\u0002' AND e.date_key < left(p, size(p) - 1) + '\u0002'
  // include: fragments/_listing_days
  WITH p, e WHERE e.earliest IS NOT NULL
  WITH p, e ORDER BY e.date_key ASC
  LIMIT $limit + 1
  RETURN collect(substring(e.date_key, size(p))) AS matched
}
// Each kind's (and country's) page as 'key␁id' (the sort key after its kind and tier, then
// the id: ␁ sorts below any character of a key, so the strings sort as (key, id) do), merged;
// only the nodes of the merged page are read.
WITH collect(matched) AS pages
CALL (pages) {
  UNWIND pages AS page
  UNWIND page AS keyed
  WITH DISTINCT keyed ORDER BY keyed LIMIT $limit + 1
  MATCH (n:Entity {id: split(keyed, '\u0001')[1]})
  WITH n, keyed ORDER BY keyed
  RETURN collect(n) AS ordered
}
CALL () {
  UNWIND CASE WHEN $totalCap IS NULL THEN [] ELSE $labels END AS label
  UNWIND [''] + $datasets AS tier
  UNWIND CASE WHEN tier = '' AND size($countries) > 0 THEN $countries ELSE [null] END AS country
  CALL (label, tier, country) {
    WITH CASE WHEN country IS NULL THEN label + '\u0001' + tier END AS p
    MATCH (n:Entity)
    WHERE n.list_date > p + '\u0001\u0002' AND n.list_date < p + '\u0002'
    // include: fragments/_timeline_filters
    WITH n LIMIT coalesce($totalCap, 0) + 1
    RETURN n.id AS id
    UNION ALL
    WITH country + '\u0001' + label + '\u0001\u0001' AS p
    MATCH (e:Listing)
    WHERE e.until_key >= p AND e.until_key < left(p, size(p) - 1) + '\u0002'
    // include: fragments/_listing_days
    WITH e WHERE e.earliest IS NOT NULL
    WITH e LIMIT coalesce($totalCap, 0) + 1
    RETURN e.of AS id
  }
  WITH DISTINCT id LIMIT coalesce($totalCap, 0) + 1
  RETURN count(id) AS total
}
CALL () {
  UNWIND CASE WHEN $codedCap IS NULL THEN [] ELSE $labels END AS label
  MATCH (n:Entity)
  WHERE n.list_date > label + '\u0001\u0002' AND n.list_date < label + '\u0002'
  // include: fragments/_timeline_filters
  WITH n LIMIT coalesce($codedCap, 0) + 1
  RETURN count(n) AS codedEvents
}
WITH ordered[..$limit] AS roots, [] AS seedRels,
     {total: CASE WHEN $totalCap IS NULL THEN null ELSE total END,
      more: size(ordered) > $limit, codedEvents: codedEvents} AS extra
