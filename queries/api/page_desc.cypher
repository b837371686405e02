// One page of nodes of one kind ($label, from the vocabulary), sorted DESC by $sort
// ('name' or 'date'), filtered (fragments/_list_filters); keyset-paged after
// ($afterKey, $afterId). $datasets: coded event data is listed only when its dataset is asked
// for (curated knowledge first). totalCount: fragments/_list_count.
// Each node stores its sort keys (schema LIST_KEYS: 'Label␁dataset␁key␁id', the DATE key being
// the timeline's order, api/timeline.cypher says why): a page reads one range of the range
// index per tier ('' curated, then each dataset asked for) in reverse key order and stops at
// $limit + 1 matches, so its cost follows the page, not the kind's size. Filtered by a
// country, the curated tier reads that country's listings instead (schema LISTING_LABEL:
// 'country␁' + the node's key), filtered by what the listing holds (its days, its link's
// confidence; the node is read for $text and $status only), so the cost follows the page,
// not the kind's size nor the country's share of it. A branch that does not apply has a
// null prefix, so its seek reads nothing (a parameter test alone may be planned after the
// seek).
UNWIND [''] + $datasets AS tier
CALL (tier) {
  WITH CASE WHEN $country IS NULL OR tier <> '' THEN $label + '\u0001' + tier + '\u0001' END AS p
  WITH p, coalesce(p + $afterKey + '\u0001' + $afterId, left(p, size(p) - 1) + '\u0002') AS before
  WHERE $sort = 'date'
  MATCH (n:Entity) WHERE n.list_date < before AND n.list_date > p
  // include: fragments/_list_filters
  WITH p, n ORDER BY n.list_date DESC LIMIT $limit + 1
  RETURN p, n, n.list_date AS full
  UNION
  WITH CASE WHEN $country IS NULL OR tier <> '' THEN $label + '\u0001' + tier + '\u0001' END AS p
  WITH p, coalesce(p + $afterKey + '\u0001' + $afterId, left(p, size(p) - 1) + '\u0002') AS before
  WHERE $sort = 'name'
  MATCH (n:Entity) WHERE n.list_name < before AND n.list_name > p
  // include: fragments/_list_filters
  WITH p, n ORDER BY n.list_name DESC LIMIT $limit + 1
  RETURN p, n, n.list_name AS full
  UNION
  WITH CASE WHEN tier = '' THEN $country + '\u0001' + $label + '\u0001\u0001' END AS p
  WITH p, coalesce(p + $afterKey + '\u0001' + $afterId, left(p, size(p) - 1) + '\u0002') AS before
  WHERE $sort = 'date'
  MATCH (e:Listing) WHERE e.date_key < before AND e.date_key > p
  // include: fragments/_listing_days
  WITH p, e WHERE $minConfidence IS NULL OR e.confidence >= $minConfidence
  WITH p, e ORDER BY e.date_key DESC
  MATCH (n:Entity {id: e.of})
  // include: fragments/_list_text_status
  WITH p, n, e ORDER BY e.date_key DESC LIMIT $limit + 1
  RETURN p, n, e.date_key AS full
  UNION
  WITH CASE WHEN tier = '' THEN $country + '\u0001' + $label + '\u0001\u0001' END AS p
  WITH p, coalesce(p + $afterKey + '\u0001' + $afterId, left(p, size(p) - 1) + '\u0002') AS before
  WHERE $sort = 'name'
  MATCH (e:Listing) WHERE e.name_key < before AND e.name_key > p
  // include: fragments/_listing_days
  WITH p, e WHERE $minConfidence IS NULL OR e.confidence >= $minConfidence
  WITH p, e ORDER BY e.name_key DESC
  MATCH (n:Entity {id: e.of})
  // include: fragments/_list_text_status
  WITH p, n, e ORDER BY e.name_key DESC LIMIT $limit + 1
  RETURN p, n, e.name_key AS full
}
WITH n, substring(full, size(p), size(full) - size(p) - size(n.id) - 1) AS key
ORDER BY key DESC, n.id DESC
LIMIT $limit + 1
WITH collect({n: n, key: key}) AS page
// include: fragments/_list_count
WITH [m IN page | m.n][0..$limit] AS roots, [] AS seedRels,
     {total: total, keys: [m IN page | [m.key, m.n.id]], hasNext: size(page) > $limit} AS extra
