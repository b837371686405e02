// Who held which office and when (HOLDS_OFFICE valid_from / valid_to; null means open).
MATCH (person:Leader)-[term:HOLDS_OFFICE]->(office:Office)
RETURN office.id AS office, person.id AS person,
       toString(term.valid_from) AS valid_from, toString(term.valid_to) AS valid_to
ORDER BY office, person, valid_from
