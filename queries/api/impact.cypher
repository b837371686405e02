// impact(policy, country): industries the policy reaches through each mineral it restricts
// (directly, or as a member of a restricted group): an industry that DEPENDS_ON the mineral,
// within the policy's reach (in a country it TARGETS or, aimed at none, not in its issuers':
// schema.MEASURE_REACH), then downstream along SUPPLIES (up to 4 links). With $country, only
// industries located there. Each row carries the terms of the exposure score; the arithmetic
// is in Python.
OPTIONAL MATCH (policy:Policy {id: $policy})
CALL (policy) {
  OPTIONAL MATCH (policy)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(issuer:Country)
  RETURN collect(DISTINCT issuer.id) AS issuers
}
CALL (policy, issuers) {
  MATCH (policy)-[restricts:RESTRICTS]->(restricted:Mineral)
  MATCH (mineral:Mineral)
  WHERE mineral = restricted OR (mineral)-[:PART_OF]->(restricted)
  MATCH p = (mineral)<-[dep:DEPENDS_ON]-(first:Industry) (
      (x:Industry)-[s:SUPPLIES]->(y:Industry)
    ){0,4} (industry:Industry)
  WHERE $country IS NULL
     OR EXISTS { (industry)-[:LOCATED_IN]->(:Country {id: $country}) }
  WITH *, policy AS measure, first AS reached
  WHERE
    // include: fragments/_measure_reach
  OPTIONAL MATCH (industry)-[:LOCATED_IN]->(home:Country)
  CALL (home, mineral, issuers) {
    OPTIONAL MATCH (home)-[imp:IMPORTS_FROM]->(from:Country)
    WHERE from.id IN issuers
      AND imp.share IS NOT NULL
      AND (imp.mineral = mineral.id
           OR EXISTS { (mineral)-[:PART_OF]->(g:Mineral) WHERE g.id = imp.mineral })
    WITH imp
    ORDER BY CASE WHEN imp.mineral = mineral.id THEN 0 ELSE 1 END,
             imp.year IS NULL, imp.year DESC, imp.confidence DESC, imp.key
    LIMIT 1
    RETURN imp
  }
  RETURN collect({
    industry: industry.id, mineral: mineral.id, restricted: restricted.id,
    intensity: dep.intensity, depConfidence: dep.confidence,
    supplyConfidences: [x IN s | x.confidence],
    share: imp.share, shareYear: imp.year, shareMineral: imp.mineral,
    steps: [restricts] + relationships(p) + CASE WHEN imp IS NULL THEN [] ELSE [imp] END
  }) AS terms,
  reduce(acc = [], q IN collect(nodes(p)) | acc + q) AS termNodes,
  reduce(acc = [], q IN collect([restricts] + relationships(p) + CASE WHEN imp IS NULL THEN [] ELSE [imp] END) | acc + q) AS termRels
}
WITH CASE WHEN policy IS NULL THEN [] ELSE [policy] END + termNodes AS roots,
     termRels AS seedRels,
     {found: policy IS NOT NULL, issuers: issuers,
      terms: [t IN terms | t {.*, steps: [x IN t.steps | {start: startNode(x).id, end: endNode(x).id, type: type(x), key: x.key}]}]} AS extra
