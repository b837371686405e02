// A fragment: a list's filters on a node `n` of its kind (api/page_asc.cypher), keeping every
// variable in scope. $text (name or alias contains, any case), $status, $from/$to (the kind's
// date range OVERLAPS [$from, $to]: a month-only date covers its month, an event runs on to
// its end_date), $country (linked within two structural hops) with $minConfidence (of the
// links to it).
WITH *,
     coalesce(n.date, n.announced, n.published) AS earliest,
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
WITH *
WHERE ($country IS NULL OR n.id = $country OR EXISTS {
        MATCH (n)-[l1:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|HOLDS_OFFICE|MEMBER_OF|AFFECTS]-(m)
        WHERE l1.confidence >= coalesce($minConfidence, 0.0)
          AND (m.id = $country
               OR (NOT m:Country AND NOT m:Mineral AND EXISTS {
                     MATCH (m)-[l2:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|HOLDS_OFFICE|MEMBER_OF|AFFECTS]-(c:Country {id: $country})
                     WHERE l2.confidence >= coalesce($minConfidence, 0.0)
                   }))
      })
