// search(text, kinds, first): the full-text index, ranked by score; $kinds empty means all.
// $query is a Lucene query built from the user's words (each escaped, fuzzy and prefix).
// Knowledge comes before the documents it rests on: Sources rank after every other kind
// (their titles repeat the names of what they report, and would crowd out the facts).
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
WHERE size($kinds) = 0 OR any(k IN $kinds WHERE k IN labels(node))
WITH node, score
ORDER BY CASE WHEN node:Source THEN 1 ELSE 0 END, score DESC, node.id
LIMIT $limit
WITH collect(node) AS roots, collect({id: node.id, score: score}) AS scores
WITH roots, [] AS seedRels, {scores: scores} AS extra
