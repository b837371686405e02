// neighbourhood(id, depth, relTypes, limit): nodes within $depth hops (1..3) of $id, over
// relationships of $relTypes (all when empty), nearest first, at most $limit nodes, with
// every relationship among them.
OPTIONAL MATCH (center:Entity {id: $id})
CALL (center) {
  MATCH p = (center)-[rels*1..3]-(other)
  WHERE size(rels) <= $depth
    AND all(r IN rels WHERE size($relTypes) = 0 OR type(r) IN $relTypes)
  WITH other, min(size(rels)) AS distance
  ORDER BY distance, other.id
  LIMIT $limit
  RETURN collect(other) AS others
}
WITH center, CASE WHEN center IS NULL THEN [] ELSE [center] + others END AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  WHERE b IN members AND (size($relTypes) = 0 OR type(r) IN $relTypes)
  RETURN collect(r) AS among
}
WITH members AS roots, among AS seedRels, {found: center IS NOT NULL} AS extra
