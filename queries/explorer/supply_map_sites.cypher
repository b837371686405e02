// The explorer's supply map: every mine, deposit and plant, with its coordinates (null where no
// source gives them), the countries it lies in, who runs it (a parallel claim keeps its key,
// "former" say), the minerals it produces and the sources the site rests on.
MATCH (site:Mine)
OPTIONAL MATCH (site)-[:LOCATED_IN]->(country:Country)
WITH site, collect(DISTINCT country.name) AS countries
OPTIONAL MATCH (site)-[:PRODUCES]->(mineral:Mineral)
WITH site, countries, collect(DISTINCT mineral {.id, .name, .symbol}) AS minerals
OPTIONAL MATCH (operator:Organization)-[runs:OPERATES]->(site)
WITH site, countries, minerals,
     collect(DISTINCT CASE WHEN operator IS NULL THEN null
                           ELSE operator {.id, .name, key: runs.key} END) AS operators
OPTIONAL MATCH (source:Source)
WHERE source.id IN coalesce(site.sources, [])
WITH site, countries, minerals, operators,
     collect(source {.id, .name, .reliability, .url}) AS sources
RETURN site.id AS id, head(labels(site)) AS label, site.name AS name, site.site_type AS siteType,
       site.latitude AS latitude, site.longitude AS longitude,
       countries, minerals, operators, sources
ORDER BY name
