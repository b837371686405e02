// title: Alternative suppliers of a mineral
// description: Mines and plants outside a country that produce a mineral (or the group it
// description: belongs to, such as the rare earths, when asked), with where they are and who
// description: runs them.
// param: mineral string = mineral:Dy — the mineral to source
// param: excluding string = country:CHN — leave out sites in this country
// param: includeGroup boolean = false — also sites producing the mineral's group
// example: dyad query alternative_suppliers --param mineral=mineral:Tb --param includeGroup=true
MATCH (wanted:Mineral {id: $mineral})
MATCH (site:Mine)-[produces:PRODUCES]->(m:Mineral)
WHERE m = wanted OR ($includeGroup AND EXISTS { (wanted)-[:PART_OF]->(m) })
MATCH (site)-[:LOCATED_IN]->{1,4}(c:Country)
WHERE c.id <> $excluding
OPTIONAL MATCH (operator:Organization)-[:OPERATES]->(site)
RETURN site.name AS site, site.site_type AS site_type, c.name AS country,
       collect(DISTINCT m.name) AS produces, collect(DISTINCT operator.name) AS operators,
       max(produces.share) AS world_share, site AS node
ORDER BY country, site
