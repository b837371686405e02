// Row-at-a-time loading (the baseline `make bench` measures the batched loader against):
// one node per transaction, one MERGE.
MERGE (n:Entity {id: $id})
SET n = $properties
SET n:$($label)
