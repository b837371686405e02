// search(text, kinds, datasets, first): curated knowledge first, then score.
// Ranked in tiers: 0 the leading deed of a person the text names exactly (below), 1 a curated
// node whose name, native name or an alias is the text (any case), 2 such a coded node,
// 3 curated knowledge by score, 4 curated Sources by score (their titles repeat the names of
// what they report), 5 coded events (`dataset` set) from $datasets by score.
// A person's leading deed is the statement they made with the most effects (what it PROVOKED
// and what RESPONDS_TO it): the start of their chains, so "Takaichi" answers with her
// 7 November 2025 remark and then her. Read from the person's few MADE_BY relationships.
// Every index call carries its own limit. $curatedQueries and $codedQueries are the user's
// Lucene query with a dataset clause, so the index itself keeps coded events out of the curated
// tier and in $datasets in the coded one: the coded tier is exact at $codedWindow (= first + 1).
// Each is a ladder: the words as typed and as prefixes, then the same with one-letter typos
// (api/graphql/search.py), asked only when the first did not fill its window: typos are the
// costly part of the query on a large graph, and a window the words fill needs none.
// Kinds and the Sources-after-knowledge rule filter after the index, so the curated tier reads a
// wider $window and the answer says `capped` when that window filled up. Exact matches come from
// a phrase query per field ($exactQueries): an exact value is the shortest field that holds the
// phrase, so it scores at the top of its field, and $exactWindow candidates are then compared
// whole with $exact (lower-cased).
CALL () {
  UNWIND $exactQueries AS exactQuery
  CALL db.index.fulltext.queryNodes('entity_text', exactQuery, {limit: $exactWindow})
  YIELD node, score
  WITH node, score
  WHERE (node.dataset IS NULL OR node.dataset IN $datasets)
    AND (toLower(node.name) = $exact OR toLower(node.native_name) = $exact
      OR any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $exact))
  RETURN collect({node: node, score: score, tier: CASE WHEN node.dataset IS NULL THEN 1 ELSE 2 END}) AS exact
}
CALL (exact) {
  UNWIND [hit IN exact WHERE hit.tier = 1 AND hit.node:Leader] AS hit
  WITH DISTINCT hit.node AS person, hit.score AS score
  MATCH (deed:Statement)-[:MADE_BY]->(person)
  WHERE deed.dataset IS NULL
  WITH person, score, deed,
       COUNT { (deed)-[:PROVOKED]->() } + COUNT { (deed)<-[:RESPONDS_TO]-() } AS effects
  WHERE effects > 0
  WITH person, score, deed ORDER BY effects DESC, deed.id
  WITH person, max(score) AS score, collect(deed)[0] AS lead
  RETURN collect({node: lead, score: score, tier: 0}) AS leading
}
CALL () {
  UNWIND [{queries: $curatedQueries, window: $window, coded: false},
          {queries: $codedQueries, window: $codedWindow, coded: true}] AS tier
  CALL (tier) {
    UNWIND tier.queries[..1] AS query
    CALL db.index.fulltext.queryNodes('entity_text', query, {limit: tier.window})
    YIELD node, score
    RETURN collect({node: node, score: score}) AS typed
  }
  CALL (tier, typed) {
    UNWIND CASE WHEN size(typed) >= tier.window THEN [] ELSE tier.queries[1..] END AS query
    CALL db.index.fulltext.queryNodes('entity_text', query, {limit: tier.window})
    YIELD node, score
    RETURN collect({node: node, score: score}) AS typos
  }
  WITH tier, CASE WHEN size(typed) >= tier.window OR size(tier.queries) < 2 THEN typed
                  ELSE typos END AS found
  RETURN collect(CASE WHEN tier.coded THEN null ELSE found END)[0] AS curatedFound,
         collect(CASE WHEN tier.coded THEN found END)[0] AS codedFound
}
WITH exact, leading,
     [hit IN curatedFound | hit {.*, tier: CASE WHEN hit.node:Source THEN 4 ELSE 3 END}] AS curated,
     [hit IN codedFound | hit {.*, tier: 5}] AS coded
WITH leading + exact + curated + coded AS hits, size(curated) >= $window AS windowFull
CALL (hits) {
  UNWIND hits AS hit
  WITH hit.node AS node, min(hit.tier) AS tier, max(hit.score) AS score
  WHERE size($kinds) = 0 OR any(k IN $kinds WHERE k IN labels(node))
  WITH node, tier, score
  ORDER BY tier, score DESC, node.id
  LIMIT $limit + 1
  RETURN collect({node: node, tier: tier, score: score}) AS ranked
}
WITH ranked[..$limit] AS page, size(ranked) > $limit OR windowFull AS capped
WITH [hit IN page | hit.node] AS roots, [] AS seedRels,
  {
    scores: [hit IN page | {id: hit.node.id, score: hit.score, exact: hit.tier IN [1, 2]}],
    capped: capped
  } AS extra
