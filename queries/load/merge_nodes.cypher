// Upsert nodes of one kind. $label comes from the vocabulary (checked in Python);
// every node also carries :Entity, whose unique id constraint makes the MERGE a seek.
// Properties are replaced whole, so a second load of the same data changes nothing.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.properties
SET n:$($label)
RETURN count(n) AS written
