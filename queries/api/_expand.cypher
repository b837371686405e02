// Shared tail of every API read query (appended by queries.api_query).
// Expects: roots (nodes the answer is about), seedRels (relationships it must include),
// extra (a map of anything else). Adds each root's relationships (level 1) and theirs
// (level 2), compiled from the request's selection (api/graphql/selection.py): per level,
// the types asked for ($rel1Types: null for every type, [] for none), their direction
// ('out', 'in' or 'both'), the least confidence asked for, and at most $rel1Limit per node,
// strongest first (the order Node.relations answers in). Only the types asked for are walked, so a hub's
// other relationships cost nothing. Then resolves every Source named by any node or
// relationship. Returns one row: the whole answer as a small graph.
// Only :Entity neighbours: review queue items (schema/review.py) are not knowledge.
CALL (roots) {
  UNWIND roots AS n
  CALL (n) {
    WITH n, $rel1Types AS types
    CALL (n, types) {
      // include: api/_relations_of
    }
    WITH n, r, m
    WHERE coalesce(r.confidence, 0.0) >= $rel1MinConfidence
      AND ($rel1Direction = 'both' OR (startNode(r) = n) = ($rel1Direction = 'out'))
    RETURN r, m
    ORDER BY coalesce(r.confidence, 0.0) DESC, type(r), m.id
    LIMIT $rel1Limit
  }
  RETURN collect(r) AS rels1, collect(m) AS level1
}
CALL (level1) {
  UNWIND level1 AS n
  CALL (n) {
    WITH n, $rel2Types AS types
    CALL (n, types) {
      // include: api/_relations_of
    }
    WITH n, r, m
    WHERE coalesce(r.confidence, 0.0) >= $rel2MinConfidence
      AND ($rel2Direction = 'both' OR (startNode(r) = n) = ($rel2Direction = 'out'))
    RETURN r, m
    ORDER BY coalesce(r.confidence, 0.0) DESC, type(r), m.id
    LIMIT $rel2Limit
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
