// A fragment: the relationships `r` of a node `n` of `types` (null: every type), each with
// the node `m` at its other end, without walking a country's coded events unless `datasets`
// asks for them (null: every dataset). Expects n, types and datasets; returns r, m (the
// caller filters by dataset). Every type but the one coded event data ties its events by
// (schema CODED_EVENT_LINK) is read from its own group of n's relationships (the list below
// is the vocabulary less that type: tests/test_bounded_reads.py holds it to schema); that
// one is api/_coded_links_of.
MATCH (n)-[r:HOLDS_OFFICE|OFFICE_OF|MEMBER_OF|NATIONAL_OF|BASED_IN|LOCATED_IN|PART_OF|OPERATES|OPERATES_IN|PRODUCES|IMPORTS_FROM|MADE_BY|ISSUED_BY|ABOUT|SUSPENDS|AMENDS|PROVOKED|RESPONDS_TO|RESTRICTS|TARGETS|AFFECTS|DEPENDS_ON|SUPPLIES|MENTIONS]-(m:Entity)
WHERE types IS NULL OR type(r) IN types
RETURN r, m
UNION ALL
// include: api/_coded_links_of
