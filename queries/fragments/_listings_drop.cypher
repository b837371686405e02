// A fragment: delete the listings (schema LISTING_LABEL) of a node `n` that its stored list
// keys name (one per country, by its date_key), keeping every variable in scope: run before
// the keys change or the node goes.
CALL (n) {
  UNWIND coalesce(n.list_countries, []) AS country
  MATCH (old:Listing {date_key: country + '\u0001' + n.list_date})
  DELETE old
}
