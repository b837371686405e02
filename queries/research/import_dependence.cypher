// title: Import dependence over the years
// description: Shares of a country's imports that come from another country, by year and
// description: mineral group, with the source each figure comes from. Parallel figures from
// description: different sources are kept side by side.
// param: importer string = country:JPN — the importing country
// param: exporter string = country:CHN — the supplying country (null for any)
// example: dyad query import_dependence --param importer=country:JPN
MATCH (a:Country {id: $importer})-[r:IMPORTS_FROM]->(b:Country)
WHERE $exporter IS NULL OR b.id = $exporter
OPTIONAL MATCH (m:Mineral {id: r.mineral})
RETURN b.name AS from, coalesce(m.name, r.mineral) AS mineral, r.year AS year,
       r.share AS share, r.status AS status, r.sources AS sources, r.note AS note, r
ORDER BY year, from, share DESC
