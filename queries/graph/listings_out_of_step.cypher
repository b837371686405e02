// The ids of nodes whose listings (schema LISTING_LABEL) are not what their list keys say: a
// listing missing, extra or stale, or a listing whose node is gone. Empty when every write
// kept them in step: the tests ask it after each way of writing.
CALL () {
  MATCH (n:Entity)
  CALL (n) {
    MATCH (e:Listing {of: n.id})
    WITH e ORDER BY e.date_key
    RETURN collect([e.date_key, e.name_key, e.until_key, e.earliest, e.confidence]) AS held
  }
  // include: fragments/_date_range
  WITH n, held, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       CASE WHEN n.dataset IS NULL THEN coalesce(n.list_countries, []) ELSE [] END AS countries,
       earliest, until
  WITH n, held,
       [i IN range(0, size(countries) - 1) |
         [countries[i] + '\u0001' + n.list_date, countries[i] + '\u0001' + n.list_name,
          countries[i] + '\u0001' + label + '\u0001\u0001' + coalesce(toString(until), '')
            + '\u0001' + n.id,
          earliest, n.list_country_confidence[i]]] AS expected
  WHERE held <> expected
  RETURN n.id AS id
  UNION
  MATCH (e:Listing)
  WHERE NOT EXISTS { MATCH (n:Entity {id: e.of}) }
  RETURN e.of AS id
}
RETURN DISTINCT id ORDER BY id
