// Store the list keys (fragments/_list_keys) of every node that has none: `dyad migrate`
// backfills a database written before the keys existed, or imported from CSV ($sort is
// 'date'). Autocommit, in transactions of $batch nodes.
MATCH (n:Entity)
WHERE n.list_date IS NULL OR n.list_name IS NULL OR n.list_countries IS NULL
CALL (n) {
  // include: fragments/_list_keys
} IN TRANSACTIONS OF $batch ROWS
