// title: Japanese industries ranked by exposure
// description: Industries of a country ranked by exposure to minerals that policies of
// description: another country restrict. Exposure adds up, over each restricted mineral the
// description: industry depends on, the dependence intensity (0..1) times the link's
// description: confidence; inputs one hop away (industry DEPENDS_ON industry) count at half.
// description: A policy counts where it reaches: the industry that depends on the mineral is
// description: in a country the policy targets (or, aimed at none, not in the issuer's).
// description: A quick screen without import shares; for the share-weighted exposure of one
// description: industry to one policy, term by term, see industry_exposure_to_policy.
// param: country string = country:JPN — where the industries are
// param: issuer string = country:CHN — whose restrictions count
// example: dyad query industries_by_exposure --param country=country:JPN --param issuer=country:CHN
MATCH (i:Industry)-[:LOCATED_IN]->(:Country {id: $country})
MATCH p = (i)-[:DEPENDS_ON]->{1,2}(m:Mineral)
WITH i, m, p, nodes(p)[-2] AS reached
WHERE EXISTS {
  MATCH (measure:Policy)-[:RESTRICTS]->(m)
  WHERE EXISTS { (measure)-[:ISSUED_BY]->(:Entity)-[:BASED_IN*0..1]->(:Country {id: $issuer}) }
    AND
    // include: fragments/_measure_reach
}
WITH i, m, min(length(p)) AS hops,
     max(reduce(w = 1.0, r IN relationships(p) | w * coalesce(r.intensity, 0.5) * r.confidence)) AS weight
WITH i, hops, m, CASE hops WHEN 1 THEN weight ELSE weight / 2 END AS part
RETURN i.name AS industry, round(sum(part), 3) AS exposure,
       collect(DISTINCT m.name) AS restricted_minerals, min(hops) AS nearest, i AS node
ORDER BY exposure DESC, industry
