// A fragment: the relationships `r` of a node `n` of the one type coded event data ties its
// events by (schema CODED_EVENT_LINK, INVOLVES), each with the node `m` at its other end;
// nothing unless `types` is null (every type) or holds that type. Expects n, types and
// datasets (null: every dataset); returns r, m, which the caller keeps by `m.dataset` (a
// country's coded events are walked only when `datasets` asks for some); each branch
// streams, so a caller's LIMIT stops it.
// A country beside 100,000 coded events must not walk them to find its few curated links:
// those come from its listings (schema LISTING_LABEL: one per curated node linked to it) of
// the kinds the link starts from ($codedLinkStarts, schema CODED_EVENT_LINK_STARTS), each
// checked from the listed node's side, and its coded links are walked only when a dataset is
// asked for. A node that is not a country (a leader a coded row names) has them walked.
WITH n, datasets WHERE n:Country AND (types IS NULL OR 'INVOLVES' IN types)
UNWIND $codedLinkStarts AS kind
CALL (n, kind) {
  // a subquery of its own, so that the planner does not start from n's INVOLVES instead;
  // its rows stream, so a caller's LIMIT stops the range read
  WITH n.id + '\u0001' + kind + '\u0001\u0001' AS p
  MATCH (listed:Listing)
  WHERE listed.name_key > p AND listed.name_key < left(p, size(p) - 1) + '\u0002'
  RETURN listed.of AS listedId
}
// outward only: the link runs from an event or a trade flow to what it involves (schema
// PATTERNS), so a listed leader's coded events are not walked
MATCH (m:Entity {id: listedId})-[r:INVOLVES]->(end)
WHERE end = n
RETURN r, m
UNION ALL
WITH n, datasets
WHERE (types IS NULL OR 'INVOLVES' IN types)
  AND (NOT n:Country OR datasets IS NULL OR size(datasets) > 0)
MATCH (n)-[r:INVOLVES]-(m:Entity)
// a country's curated links came from its listings above
WHERE NOT n:Country OR m.dataset IS NOT NULL
RETURN r, m
