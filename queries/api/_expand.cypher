// Shared tail of every API read query (appended by queries.api_query).
// Expects: roots (nodes the answer is about), seedRels (relationships it must include),
// extra (a map of anything else). Adds each root's relationships (level 1) and theirs
// (level 2) as the request's `relations` selections ask for them, compiled by
// api/graphql/selection.py: $rel1Asks and $rel2Asks hold one map per distinct selection at
// that level (aliases included) with its types (null for every type), direction ('out', 'in'
// or 'both'), least confidence, coded event datasets (null: every one; curated knowledge
// first, as everywhere) and limit. Each is answered on its own, strongest first in
// the order Node.relations answers in, so its top `limit` are exactly that selection's
// answer. Only the types asked for are walked (api/_relations_of), so a hub's other
// relationships cost nothing, and only their branches are in the text (queries.api_query),
// so the planner plans only those. Then resolves every Source named by any node or relationship,
// when $withSources. Each node carries only the properties $nodeProps names (null: all).
// Returns one row: the whole answer as a small graph.
// Only :Entity neighbours: review queue items (schema/review.py) are not knowledge.
CALL (roots) {
  UNWIND roots AS n
  UNWIND $rel1Asks AS ask
  CALL (n, ask) {
    WITH n, ask, ask.types AS types, ask.datasets AS datasets
    CALL (n, types, datasets) {
      // branches: api/_relations_of for level 1
    }
    WITH n, ask, r, m
    WHERE coalesce(r.confidence, 0.0) >= ask.minConfidence
      AND (ask.direction = 'both' OR (startNode(r) = n) = (ask.direction = 'out'))
      AND (m.dataset IS NULL OR ask.datasets IS NULL OR m.dataset IN ask.datasets)
    ORDER BY coalesce(r.confidence, 0.0) DESC, type(r), m.id
    WITH ask, collect({r: r, m: m}) AS ranked
    UNWIND ranked[..ask.limit] AS pair
    RETURN pair.r AS r, pair.m AS m
  }
  RETURN collect(r) AS rels1, collect(DISTINCT m) AS level1
}
CALL (level1) {
  UNWIND level1 AS n
  UNWIND $rel2Asks AS ask
  CALL (n, ask) {
    WITH n, ask, ask.types AS types, ask.datasets AS datasets
    CALL (n, types, datasets) {
      // branches: api/_relations_of for level 2
    }
    WITH n, ask, r, m
    WHERE coalesce(r.confidence, 0.0) >= ask.minConfidence
      AND (ask.direction = 'both' OR (startNode(r) = n) = (ask.direction = 'out'))
      AND (m.dataset IS NULL OR ask.datasets IS NULL OR m.dataset IN ask.datasets)
    ORDER BY coalesce(r.confidence, 0.0) DESC, type(r), m.id
    WITH ask, collect({r: r, m: m}) AS ranked
    UNWIND ranked[..ask.limit] AS pair
    RETURN pair.r AS r, pair.m AS m
  }
  RETURN collect(r) AS rels2, collect(DISTINCT m) AS level2
}
WITH roots, extra, seedRels + rels1 + rels2 AS allRels, roots + level1 + level2 AS reached
CALL (allRels, reached) {
  UNWIND reached + reduce(ends = [], r IN allRels | ends + [startNode(r), endNode(r)]) AS x
  WITH DISTINCT x
  // Each node's id, labels and the properties the request's fields are built from
  // ($nodeProps, in that order); with $nodeProps null, every property but the long texts
  // and the stored list keys.
  RETURN collect(CASE WHEN $nodeProps IS NULL
                   THEN x {.*, text: null, list_date: null, list_name: null, list_countries: null,
                           list_country_confidence: null, labels: labels(x)}
                   ELSE x {.id, labels: labels(x), values: [k IN $nodeProps | x[k]]} END) AS nodes,
         collect(x.sources) AS nodeSources
}
CALL (allRels) {
  UNWIND allRels AS r
  WITH DISTINCT r
  RETURN
    collect({start: startNode(r).id, end: endNode(r).id, type: type(r), properties: properties(r)}) AS rels,
    collect(r.sources) AS relSources
}
// The sources only when the request selects them ($withSources): most select none.
CALL (nodeSources, relSources) {
  UNWIND CASE WHEN $withSources THEN nodeSources + relSources ELSE [] END AS list
  UNWIND list AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s {.*, text: null, list_date: null, list_name: null, list_countries: null,
                   list_country_confidence: null}) AS sources
}
RETURN [x IN roots | x.id] AS roots, nodes, rels, sources, extra
