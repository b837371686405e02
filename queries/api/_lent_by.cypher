// A fragment: what one node `member` lends to the next ring of a neighbourhood
// (api/neighbourhood): its relationships `r` of $relTypes (every type when empty) to an
// :Entity `n` of curated knowledge or of a dataset in $datasets, at most $fanout of them.
// Expects member; returns r, n. A country's coded events are not walked unless asked for
// (api/_every_relation_of).
CALL (member) {
  WITH member AS n, CASE WHEN size($relTypes) > 0 THEN $relTypes END AS types,
       $datasets AS datasets
  CALL (n, types, datasets) {
    // include: api/_every_relation_of
  }
  RETURN r, m AS n
}
WITH r, n WHERE n.dataset IS NULL OR n.dataset IN $datasets
RETURN r, n LIMIT $fanout
