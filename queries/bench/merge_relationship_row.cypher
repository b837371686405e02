// Row-at-a-time loading, the way a first loader is often written (the baseline `make bench`
// measures the batched loader against): one relationship per transaction, one MERGE.
MATCH (a:Entity {id: $start})
MATCH (b:Entity {id: $end})
MERGE (a)-[r:$($type) {key: $key}]->(b)
SET r = $properties
