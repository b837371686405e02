// A fragment, included where a query says `// include: fragments/_causal_bounds`.
// For a dated node `n` (when $sort is 'date'): effectsBy, the latest day of its earliest
// effect, and causesFrom, the first day of its latest cause, with how many causes it has
// (PROVOKED forward, RESPONDS_TO backward, up to 4 steps). A cause happened no later than
// its effects, so the date order narrows each node's range by them (api/timeline.cypher).
CALL (n) {
  WITH n WHERE $sort = 'date'
  OPTIONAL MATCH p = (n)-[:PROVOKED|RESPONDS_TO*1..4]-(d)
  WHERE all(i IN range(0, length(p) - 1)
              WHERE (type(relationships(p)[i]) = 'PROVOKED') = (startNode(relationships(p)[i]) = nodes(p)[i]))
  RETURN min(coalesce(d.date_latest, d.announced_latest)) AS effectsBy
}
CALL (n) {
  WITH n WHERE $sort = 'date'
  OPTIONAL MATCH p = (n)-[:PROVOKED|RESPONDS_TO*1..4]-(a)
  WHERE all(i IN range(0, length(p) - 1)
              WHERE (type(relationships(p)[i]) = 'PROVOKED') <> (startNode(relationships(p)[i]) = nodes(p)[i]))
  RETURN max(coalesce(a.date, a.announced)) AS causesFrom, count(DISTINCT a) AS causes
}
