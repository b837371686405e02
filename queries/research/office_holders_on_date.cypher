// title: Who held which office on a date
// description: People holding an office on a date (the HOLDS_OFFICE link valid then), with
// description: the state or body the office belongs to; optionally for one country only.
// param: date date = 2025-11-07 — the day
// param: country string = null — only offices of this country or its bodies (null for all)
// example: dyad query office_holders_on_date --param date=2010-09-21 --param country=country:JPN
MATCH (person:Leader)-[h:HOLDS_OFFICE]->(office:Office)-[:OFFICE_OF]->(body)
WHERE (h.valid_from IS NULL OR h.valid_from <= $date)
  AND (h.valid_to IS NULL OR h.valid_to >= $date)
  AND ($country IS NULL OR body.id = $country
       OR EXISTS { (body)-[:BASED_IN|PART_OF*1..2]->(:Country {id: $country}) })
RETURN office.title AS office, body.name AS of, person.name AS person,
       h.valid_from AS since, h.valid_to AS until, h
ORDER BY of, office, person
