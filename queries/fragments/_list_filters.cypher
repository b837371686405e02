// A fragment: a list's filters on a node `n` of its kind (api/page_asc.cypher), keeping every
// variable in scope. $text (name or alias contains, any case), $status, $from/$to (the kind's
// date range OVERLAPS [$from, $to]: a month-only date covers its month, an event runs on to
// its end_date), $country (linked to it: schema COUNTRY_LINKS) with $minConfidence (of the
// links to it).
// Linked to $country (schema COUNTRY_LINKS) by a link of at least $minConfidence: read from
// the node's stored countries (fragments/_list_keys), not walked; first, as it reads two
// properties and keeps few nodes of a kind.
WITH *
WHERE $country IS NULL
   OR $country IN n.list_countries
      AND ($minConfidence IS NULL OR any(i IN range(0, size(n.list_countries) - 1)
             WHERE n.list_countries[i] = $country
               AND n.list_country_confidence[i] >= $minConfidence))
// include: fragments/_date_range
WITH *
WHERE ($from IS NULL OR until >= $from)
  AND ($to IS NULL OR earliest <= $to)
// include: fragments/_list_text_status
