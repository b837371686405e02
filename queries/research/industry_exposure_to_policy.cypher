// title: Exposure of one industry to one policy, term by term
// description: For each mineral the policy restricts (directly or as a member of a restricted
// description: group) that the industry DEPENDS_ON: intensity × the industry's country's import
// description: share of that mineral from the issuing country (the newest curated IMPORTS_FROM
// description: claim for the mineral, else for its group; 1 and flagged when there is none).
// description: The direct terms only, curated shares only, and not combined: the exposure
// description: score (0..1; a group and its members count once) is `dyad exposure` and
// description: GraphQL exposure and impact. No terms when the industry is outside the
// description: policy's reach (not in a country it targets or, aimed at none, in the issuer's).
// param: industry string = industry:jpn-ndfeb-magnets — the industry
// param: policy string = policy:cn-2025-04-ree — the restricting policy
// example: dyad query industry_exposure_to_policy --param industry=industry:jpn-ndfeb-magnets --param policy=policy:cn-2025-04-ree
MATCH (industry:Industry {id: $industry})-[d:DEPENDS_ON]->(m:Mineral)
MATCH (p:Policy {id: $policy})-[:RESTRICTS]->(r:Mineral)
WHERE m = r OR (m)-[:PART_OF]->(r)
WITH industry, d, m, p, p AS measure, industry AS reached
WHERE
  // include: fragments/_measure_reach
OPTIONAL MATCH (p)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(issuer:Country)
OPTIONAL MATCH (industry)-[:LOCATED_IN]->(home:Country)
WITH DISTINCT industry, d, m, home, issuer
CALL (home, issuer, m) {
  OPTIONAL MATCH (home)-[imp:IMPORTS_FROM]->(issuer)
  WHERE imp.share IS NOT NULL
    AND (imp.mineral = m.id OR EXISTS { (m)-[:PART_OF]->(:Mineral {id: imp.mineral}) })
  RETURN imp
  ORDER BY CASE WHEN imp.mineral = m.id THEN 0 ELSE 1 END,
           imp.year IS NULL, imp.year DESC, imp.confidence DESC, imp.key
  LIMIT 1
}
RETURN m.name AS mineral, d.intensity AS intensity, imp.share AS share, imp.year AS share_year,
       imp.share IS NULL AS share_assumed,
       round(coalesce(d.intensity, 1.0) * coalesce(imp.share, 1.0), 4) AS term,
       d.sources AS intensity_sources, imp.sources AS share_sources, m AS node
ORDER BY term DESC, mineral
