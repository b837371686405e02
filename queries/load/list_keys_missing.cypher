// Store the list keys (fragments/_list_keys) of every node that has none, or a curated node
// with countries but no listing (fragments/_unkeyed): `dyad migrate` backfills a database
// written before the keys or the listings existed, or imported from CSV ($sort is 'date').
// Autocommit, in transactions of $batch nodes, as many at once as the server has
// processors (each sets the keys of its own nodes only, so they never wait on each other).
// include: fragments/_unkeyed
CALL (n) {
  // include: fragments/_list_keys
} IN CONCURRENT TRANSACTIONS OF $batch ROWS
