// holders(office, asOf): who held an office on a date (or ever, when $asOf is null).
OPTIONAL MATCH (office:Office {id: $office})
CALL (office) {
  MATCH (person:Leader)-[h:HOLDS_OFFICE]->(office)
  WHERE $asOf IS NULL
     OR ((h.valid_from IS NULL OR h.valid_from <= $asOf) AND (h.valid_to IS NULL OR h.valid_to >= $asOf))
  WITH person, h ORDER BY h.valid_from DESC
  RETURN collect(person) AS people, collect(h) AS terms
}
WITH CASE WHEN office IS NULL THEN [] ELSE [office] END + people AS roots, terms AS seedRels,
     {found: office IS NOT NULL, holders: [p IN people | p.id]} AS extra
