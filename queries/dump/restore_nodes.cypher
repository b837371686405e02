// Restore nodes from a dump: labels and properties exactly as dumped (labels come from the
// dump and were checked against the vocabulary in Python).
UNWIND $rows AS row
CREATE (n)
SET n = row.properties
SET n:$(row.labels)
RETURN count(n) AS written
