// A fragment: the timeline's filters on a node `n` (api/timeline.cypher), keeping `n`: dated
// (by `date` or `announced`), its range overlapping [$from, $to], and linked to one of
// $countries (all when empty; schema COUNTRY_LINKS), as the node's stored countries say
// (fragments/_list_keys).
WITH n,
     coalesce(n.date, n.announced) AS earliest,
     coalesce(n.end_date_latest, n.date_latest, n.announced_latest) AS until
WHERE earliest IS NOT NULL
  AND ($from IS NULL OR until >= $from)
  AND ($to IS NULL OR earliest <= $to)
WITH n
WHERE size($countries) = 0 OR any(c IN coalesce(n.list_countries, []) WHERE c IN $countries)
