// The explorer's supply map: a country's sourced shares of each mineral's world supply (its
// PRODUCES claims that carry a share), every parallel claim with its year, key, note and sources.
MATCH (:Country {id: $country})-[claim:PRODUCES]->(mineral:Mineral)
WHERE claim.share IS NOT NULL
OPTIONAL MATCH (source:Source)
WHERE source.id IN coalesce(claim.sources, [])
WITH mineral, claim, collect(source {.id, .name, .reliability, .url}) AS sources
RETURN mineral.id AS mineral, mineral.name AS name, claim.share AS share, claim.year AS year,
       claim.key AS key, claim.note AS note, claim.status AS status, sources
ORDER BY name, share DESC
