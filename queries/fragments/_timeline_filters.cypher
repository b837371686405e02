// A fragment: the timeline's filters on a node `n` (api/timeline.cypher), keeping every
// variable in scope: dated (fragments/_date_range), its range overlapping [$from, $to], and
// linked to one of $countries (all when empty; schema COUNTRY_LINKS), as the node's stored
// countries say (fragments/_list_keys).
// include: fragments/_date_range
WITH *
WHERE earliest IS NOT NULL
  AND ($from IS NULL OR until >= $from)
  AND ($to IS NULL OR earliest <= $to)
  AND (size($countries) = 0 OR any(c IN coalesce(n.list_countries, []) WHERE c IN $countries))
