// Delete every relationship, then every node, in batches (tests, `dyad restore --force`).
// Relationships go first: a DETACH DELETE of a hub with 300,000 relationships in one batch
// overruns the transaction memory pool of a 1 GiB heap.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
WITH count(*) AS deleted
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
