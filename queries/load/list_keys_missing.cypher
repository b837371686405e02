// Store the list keys (fragments/_list_keys) of every node that has none: `dyad migrate`
// backfills a database written before the keys existed, or imported from CSV ($sort is
// 'date'). Autocommit, in transactions of $batch nodes, as many at once as the server has
// processors (each sets the keys of its own nodes only, so they never wait on each other).
MATCH (n:Entity)
WHERE n.list_date IS NULL OR n.list_name IS NULL OR n.list_countries IS NULL
CALL (n) {
  // include: fragments/_list_keys
} IN CONCURRENT TRANSACTIONS OF $batch ROWS
