// Import dependence inputs: the values of $importer's (ISO3) imports of $mineral (and of the
// minerals PART_OF it) per year and partner, from TradeFlow rows (flow M). Partner "WLD" is
// the reported total with the World. Shares and the HHI are computed in
// graph/analytics/dependence.py.
OPTIONAL MATCH (m:Mineral {id: $mineral})
WITH m, CASE WHEN m IS NULL THEN [] ELSE
        [m.id] + COLLECT { MATCH (x:Mineral)-[:PART_OF]->(m) RETURN x.id } END AS minerals
CALL (minerals) {
  OPTIONAL MATCH (f:TradeFlow)
  WHERE f.reporter = $importer AND f.flow = 'M' AND f.mineral IN minerals
    AND ($from IS NULL OR f.year >= $from) AND ($to IS NULL OR f.year <= $to)
  WITH f.year AS year, f.partner AS partner, sum(f.value_usd) AS value,
       sum(f.net_weight_kg) AS netWeight, count(f) AS flowCount, collect(f.sources) AS cited
  WHERE year IS NOT NULL
  // include: fragments/_distinct_sources
  RETURN collect({year: year, partner: partner, value: value, netWeight: netWeight,
                  flows: flowCount, sources: sources}) AS rows
}
RETURN m IS NOT NULL AS found, m.name AS name, minerals, rows
