// The ids of nodes whose listings (schema LISTING_LABEL) are not what their list keys say: a
// listing missing, doubled, stale or extra, or a listing whose node is gone. Empty when every
// write kept them in step: the tests ask it after each way of writing.
CALL () {
  MATCH (e:Listing)
  OPTIONAL MATCH (n:Entity {id: e.of})
  WITH e, n
  WHERE n IS NULL OR n.dataset IS NOT NULL
     OR NOT e.date_key IN [c IN coalesce(n.list_countries, []) | c + '\u0001' + n.list_date]
  RETURN e.of AS id
  UNION
  MATCH (n:Entity)
  WHERE n.dataset IS NULL
  // include: fragments/_date_range
  UNWIND range(0, size(coalesce(n.list_countries, [])) - 1) AS i
  WITH n, earliest, until, n.list_countries[i] AS country, n.list_country_confidence[i] AS confidence
  WITH n, earliest, until, country, confidence,
       CASE WHEN EXISTS { MATCH (n:Policy)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(:Country {id: country}) }
         THEN country + '\u0001' + toString(coalesce(n.effective, n.announced)) + '\u0001' + n.id
       END AS issued
  OPTIONAL MATCH (e:Listing {date_key: country + '\u0001' + n.list_date})
  WITH n, earliest, until, country, confidence, issued, collect(e) AS found
  WHERE size(found) <> 1
     OR found[0].of <> n.id
     OR found[0].name_key <> country + '\u0001' + n.list_name
     OR found[0].until_key <> country + '\u0001' + [l IN labels(n) WHERE l <> 'Entity'][0]
          + '\u0001\u0001' + coalesce(toString(until), '') + '\u0001' + n.id
     OR NOT coalesce(found[0].earliest = earliest, earliest IS NULL AND found[0].earliest IS NULL)
     OR found[0].confidence <> confidence
     OR NOT coalesce(found[0].issued_key = issued, issued IS NULL AND found[0].issued_key IS NULL)
  RETURN n.id AS id
}
RETURN DISTINCT id ORDER BY id
