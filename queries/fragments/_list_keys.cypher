// A fragment: set the stored list keys (schema LIST_KEYS, #24) of each node `n` in scope
// (with $sort = 'date' for the causal bounds). Each key is 'Label␁dataset␁key␁id' (␁ is
// U+0001, below any character of a key, so the composite sorts as (key, id) did): list_date's
// key is the timeline's order as one string, 'latest earliest causes rank', each date narrowed
// by causality (api/timeline.cypher says why), '' when undated; list_name's is the lower-cased
// name.
// include: fragments/_listings_drop
WITH n,
     coalesce(n.date, n.announced, n.published) AS earliest,
     coalesce(n.date_latest, n.announced_latest, n.published_latest) AS latest
// include: fragments/_causal_bounds
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] + '\u0001' + coalesce(n.dataset, '') + '\u0001' AS tier,
     CASE WHEN latest IS NULL THEN '' ELSE
       toString(CASE WHEN effectsBy < latest THEN effectsBy ELSE latest END) + ' ' +
       toString(CASE WHEN causesFrom > earliest THEN causesFrom ELSE earliest END) + ' ' +
       right('0000' + toString(causes), 5) + ' ' +
       CASE coalesce(n.date_precision, n.announced_precision, n.published_precision)
         WHEN 'day' THEN '0' WHEN 'month' THEN '1' ELSE '2' END END AS dateKey
SET n.list_date = tier + dateKey + '\u0001' + n.id,
    n.list_name = tier + coalesce(toLower(n.name), '') + '\u0001' + n.id
WITH n
// Its countries (schema COUNTRY_LINKS): linked to a Country directly, or through one node that
// is neither a Country, a Mineral nor coded event data (a GDELT event about a policy does not
// make the policy any state's); for each the best confidence along such a path (the
// lesser of a path's two links); a Country is its own, at 1.0. A Country is always the end of
// these links, so the second hop only walks outward (a ministry's many policies are not read
// to find where the ministry is based).
CALL (n) {
  CALL (n) {
    MATCH (n)-[l:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|AFFECTS]->(c:Country)
    RETURN c.id AS country, l.confidence AS confidence
    UNION ALL
    MATCH (n)-[l1:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|HOLDS_OFFICE|MEMBER_OF|AFFECTS]-(m)
    WHERE NOT m:Country AND NOT m:Mineral AND m.dataset IS NULL
    MATCH (m)-[l2:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|AFFECTS]->(c:Country)
    RETURN c.id AS country,
           CASE WHEN l1.confidence < l2.confidence THEN l1.confidence ELSE l2.confidence END
             AS confidence
    UNION ALL
    WITH n WHERE n:Country
    RETURN n.id AS country, 1.0 AS confidence
  }
  WITH country, max(confidence) AS confidence
  ORDER BY country
  RETURN collect(country) AS countries, collect(confidence) AS confidences
}
SET n.list_countries = countries, n.list_country_confidence = confidences
WITH n
// Its listings (schema LISTING_LABEL), rewritten whole: one per country of a curated node.
// A policy's listing under a country that issued it (ISSUED_BY it, or by a body BASED_IN it)
// holds issued_key, 'country␁' + the day it took effect (or was announced) + '␁' + id, which
// inForce(country) reads in order.
CALL (n) {
  WITH n WHERE n.dataset IS NULL
  // include: fragments/_date_range
  CALL (n) {
    OPTIONAL MATCH (n:Policy)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(c:Country)
    RETURN collect(DISTINCT c.id) AS issuers
  }
  UNWIND range(0, size(n.list_countries) - 1) AS i
  WITH n, earliest, until, issuers, n.list_countries[i] AS country,
       n.list_country_confidence[i] AS confidence
  CREATE (:Listing {
    of: n.id,
    date_key: country + '\u0001' + n.list_date,
    name_key: country + '\u0001' + n.list_name,
    until_key: country + '\u0001' + [l IN labels(n) WHERE l <> 'Entity'][0] + '\u0001\u0001'
               + coalesce(toString(until), '') + '\u0001' + n.id,
    earliest: earliest,
    confidence: confidence,
    issued_key: CASE WHEN country IN issuers
      THEN country + '\u0001' + toString(coalesce(n.effective, n.announced)) + '\u0001' + n.id END
  })
}
