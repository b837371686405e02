// How many nodes the database holds (`dyad restore` refuses a non-empty one without --force).
MATCH (n)
RETURN count(n) AS nodes
