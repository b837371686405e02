// search(text, kinds, first): the full-text index, ranked by score; $kinds empty means all.
// $query is a Lucene query built from the user's words (each escaped, fuzzy and prefix).
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
WHERE size($kinds) = 0 OR any(k IN $kinds WHERE k IN labels(node))
WITH node, score
ORDER BY score DESC, node.id
LIMIT $limit
WITH collect(node) AS roots, collect({id: node.id, score: score}) AS scores
WITH roots, [] AS seedRels, {scores: scores} AS extra
