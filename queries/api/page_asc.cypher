// One page of nodes of one kind ($label, from the vocabulary), sorted ASC by $sort
// ('name' or 'date'), filtered; keyset-paged after ($afterKey, $afterId). totalCount is
// counted only when asked for ($totalCap set; null otherwise), up to $totalCap + 1: the answer
// then says it is not exact. Filters: $text (name or alias contains, any case),
// $country (linked within two structural hops), $from/$to (the kind's date range OVERLAPS
// [$from, $to]: a month-only date covers its month, an event runs on to its end_date),
// $status, $minConfidence (of the link to $country), $datasets (coded event data is
// listed only when its dataset is asked for: curated knowledge first).
// The DATE key is the timeline's order (api/timeline.cypher says why) as one string:
// 'latest earliest causes rank', each date narrowed by causality.
// $prefix is the kind's id prefix ('policy:'): a prefix seek on the unique id index, where
// a dynamic label would scan every node (Neo4j 5.26 plans `n:$($label)` as AllNodesScan).
// Coded event data not asked for is dropped before anything else of it is read.
MATCH (n:Entity)
WHERE n.id STARTS WITH $prefix AND $label IN labels(n)
  AND (n.dataset IS NULL OR n.dataset IN $datasets)
WITH n,
     coalesce(n.date, n.announced, n.published) AS earliest,
     coalesce(n.date_latest, n.announced_latest, n.published_latest) AS latest,
     coalesce(n.end_date_latest, n.date_latest, n.announced_latest, n.published_latest) AS until
WHERE ($text IS NULL OR toLower(n.name) CONTAINS toLower($text)
       OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($text)))
  AND ($status IS NULL OR n.status = $status)
  AND ($from IS NULL OR until >= $from)
  AND ($to IS NULL OR earliest <= $to)
// Linked within two hops, taken one at a time so that no step walks a hub: no relationship
// of these types joins a Country or a Mineral to a Country, so the middle node is neither,
// and the second hop is an Expand(Into) that starts from the middle node's few relationships.
// (A WITH of its own, so that the cheap filters above run first.)
WITH n, earliest, latest
WHERE ($country IS NULL OR n.id = $country OR EXISTS {
        MATCH (n)-[l1:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|HOLDS_OFFICE|MEMBER_OF|AFFECTS]-(m)
        WHERE l1.confidence >= coalesce($minConfidence, 0.0)
          AND (m.id = $country
               OR (NOT m:Country AND NOT m:Mineral AND EXISTS {
                     MATCH (m)-[l2:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|HOLDS_OFFICE|MEMBER_OF|AFFECTS]-(c:Country {id: $country})
                     WHERE l2.confidence >= coalesce($minConfidence, 0.0)
                   }))
      })
// include: fragments/_causal_bounds
WITH n, CASE $sort WHEN 'date' THEN CASE WHEN latest IS NULL THEN '' ELSE
         toString(CASE WHEN effectsBy < latest THEN effectsBy ELSE latest END) + ' ' +
         toString(CASE WHEN causesFrom > earliest THEN causesFrom ELSE earliest END) + ' ' +
         right('0000' + toString(causes), 5) + ' ' +
         CASE coalesce(n.date_precision, n.announced_precision, n.published_precision)
           WHEN 'day' THEN '0' WHEN 'month' THEN '1' ELSE '2' END END
       ELSE toLower(n.name) END AS key
WITH collect({n: n, key: key}) AS matched
CALL (matched) {
  UNWIND matched AS m
  WITH m WHERE $afterId IS NULL OR m.key > $afterKey OR (m.key = $afterKey AND m.n.id > $afterId)
  ORDER BY m.key ASC, m.n.id ASC
  LIMIT $limit + 1
  RETURN collect(m) AS page
}
WITH [m IN page | m.n][0..$limit] AS roots, [] AS seedRels,
     {total: CASE WHEN $totalCap IS NOT NULL THEN size(matched[..$totalCap + 1]) END,
      keys: [m IN page | [m.key, m.n.id]], hasNext: size(page) > $limit} AS extra
