// Delete every node and relationship, in batches (tests, `dyad restore --force`).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
