// Shared tail of every API read query (appended by queries.api_query).
// Expects: roots (nodes the answer is about), seedRels (relationships it must include),
// extra (a map of anything else). Adds each root's relationships ($relDepth 1) and theirs
// ($relDepth 2), at most $relLimit per node, strongest first; then resolves every Source
// named by any node or relationship. Returns one row: the whole answer as a small graph.
// Only :Entity neighbours: review queue items (schema/review.py) are not knowledge.
CALL (roots) {
  UNWIND roots AS n
  CALL (n) {
    MATCH (n)-[r]-(m:Entity)
    WHERE $relDepth >= 1
    RETURN r, m
    ORDER BY r.confidence DESC, m.id
    LIMIT $relLimit
  }
  RETURN collect(r) AS rels1, collect(m) AS level1
}
CALL (level1) {
  UNWIND level1 AS n
  CALL (n) {
    MATCH (n)-[r]-(m:Entity)
    WHERE $relDepth >= 2
    RETURN r, m
    ORDER BY r.confidence DESC, m.id
    LIMIT $relLimit
  }
  RETURN collect(r) AS rels2, collect(m) AS level2
}
WITH roots, extra, seedRels + rels1 + rels2 AS allRels, roots + level1 + level2 AS reached
CALL (allRels, reached) {
  UNWIND reached + reduce(ends = [], r IN allRels | ends + [startNode(r), endNode(r)]) AS x
  WITH DISTINCT x
  RETURN collect(x {.*, text: null, labels: labels(x)}) AS nodes, collect(x.sources) AS nodeSources
}
CALL (allRels) {
  UNWIND allRels AS r
  WITH DISTINCT r
  RETURN
    collect({start: startNode(r).id, end: endNode(r).id, type: type(r), properties: properties(r)}) AS rels,
    collect(r.sources) AS relSources
}
CALL (nodeSources, relSources) {
  UNWIND nodeSources + relSources AS list
  UNWIND list AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s {.*, text: null}) AS sources
}
RETURN [x IN roots | x.id] AS roots, nodes, rels, sources, extra
