// Delete every node and relationship inside the restore's own transaction (`dyad restore
// --force`), so that a restore that fails leaves the database as it was.
MATCH (n)
DETACH DELETE n
