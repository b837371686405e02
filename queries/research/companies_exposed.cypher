// title: Companies exposed to a restriction
// description: Companies of a country that work in an industry depending on a mineral a
// description: policy restricts (an industry in a country the policy targets or, aimed at
// description: none, any but the issuer's), or that the policy hits directly (AFFECTS).
// param: policy string = policy:cn-2025-04-ree — the restricting policy
// param: country string = country:JPN — where the companies are based
// example: dyad query companies_exposed --param policy=policy:cn-2026-01-dual-use-ban-japan
MATCH (p:Policy {id: $policy})
CALL (p) {
  WITH p AS measure
  MATCH (measure)-[:RESTRICTS]->(m:Mineral)<-[:DEPENDS_ON]-(reached:Industry)
        <-[:OPERATES_IN]-(o:Organization)
  WHERE
    // include: fragments/_measure_reach
  RETURN o, 'works in ' + reached.name + ', which depends on ' + m.name AS how
  UNION
  MATCH (p)-[:AFFECTS]->(o:Organization)
  RETURN o, 'hit directly' AS how
}
WITH o, how
WHERE EXISTS { (o)-[:BASED_IN|PART_OF*1..2]->(:Country {id: $country}) }
RETURN o.name AS company, collect(DISTINCT how) AS exposure, o AS node
ORDER BY size(exposure) DESC, company
