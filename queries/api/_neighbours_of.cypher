// A fragment: the relationships `r` of a node `m` that a neighbourhood ring crosses, each with
// the node `n` at its other end: an :Entity of curated knowledge or of a dataset in $datasets,
// by a relationship of $relTypes (every type when empty). Expects m; returns r, n; the
// caller limits (each branch is read lazily, so a LIMIT stops the walk).
// Coded event data ties its events to what they involve by one type only (schema
// CODED_EVENT_LINK, INVOLVES), so a country beside 100,000 coded events must not walk that
// type to find its few curated ones: every other type is read from its own group of m's
// relationships (the list below is the vocabulary less that type: tests/test_bounded_reads.py
// holds it to schema), and a country's curated INVOLVES come from its listings (schema
// LISTING_LABEL: one per curated node linked to it; $codedLinkStarts, the kinds that link
// starts from), each checked from the listed node's side. Its coded INVOLVES are walked
// only when a dataset is asked for. A node that is not a country (a leader a coded row
// names) has its INVOLVES walked.
MATCH (m)-[r:HOLDS_OFFICE|OFFICE_OF|MEMBER_OF|NATIONAL_OF|BASED_IN|LOCATED_IN|PART_OF|OPERATES|OPERATES_IN|PRODUCES|IMPORTS_FROM|MADE_BY|ISSUED_BY|ABOUT|SUSPENDS|AMENDS|PROVOKED|RESPONDS_TO|RESTRICTS|TARGETS|AFFECTS|DEPENDS_ON|SUPPLIES|MENTIONS]-(n:Entity)
WHERE (size($relTypes) = 0 OR type(r) IN $relTypes)
  AND (n.dataset IS NULL OR n.dataset IN $datasets)
RETURN r, n
UNION ALL
WITH m WHERE m:Country AND (size($relTypes) = 0 OR 'INVOLVES' IN $relTypes)
UNWIND $codedLinkStarts AS kind
CALL (m, kind) {
  // a subquery of its own, so that the planner does not start from m's INVOLVES instead;
  // its rows stream, so the caller's LIMIT stops the range read: m's curated listings of
  // the kinds an INVOLVES starts from (schema CODED_EVENT_LINK_STARTS)
  WITH m.id + '\u0001' + kind + '\u0001\u0001' AS p
  MATCH (listed:Listing)
  WHERE listed.name_key > p AND listed.name_key < left(p, size(p) - 1) + '\u0002'
  RETURN listed.of AS listedId
}
// outward only: INVOLVES runs from an event or a trade flow to what it involves (schema
// PATTERNS), so a listed leader's coded events are not walked
MATCH (n:Entity {id: listedId})-[r:INVOLVES]->(end)
WHERE end = m
RETURN r, n
UNION ALL
WITH m WHERE (NOT m:Country OR size($datasets) > 0)
  AND (size($relTypes) = 0 OR 'INVOLVES' IN $relTypes)
MATCH (m)-[r:INVOLVES]-(n:Entity)
WHERE CASE WHEN m:Country THEN n.dataset IN $datasets
           ELSE n.dataset IS NULL OR n.dataset IN $datasets END
RETURN r, n
