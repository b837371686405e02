// Store the list keys (fragments/_list_keys) of every node that has none, or a curated node
// with countries but no listing (schema LISTING_LABEL): `dyad migrate` backfills a database
// written before the keys or the listings existed, or imported from CSV ($sort is 'date').
// Autocommit, in transactions of $batch nodes, as many at once as the server has
// processors (each sets the keys of its own nodes only, so they never wait on each other).
MATCH (n:Entity)
WHERE n.list_date IS NULL OR n.list_name IS NULL OR n.list_countries IS NULL
   OR n.dataset IS NULL AND size(n.list_countries) > 0
      AND NOT EXISTS { MATCH (e:Listing) WHERE e.of = n.id }
CALL (n) {
  // include: fragments/_list_keys
} IN CONCURRENT TRANSACTIONS OF $batch ROWS
