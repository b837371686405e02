// Exposure terms. The restricted minerals and their exporters come from $policy (what it
// RESTRICTS; the countries its issuers are, or are BASED_IN) or, for a what-if, from
// $minerals and $restricter (ids). One term per path
//   (mineral)<-[:DEPENDS_ON]-(first:Industry)<-[:DEPENDS_ON]-…(industry:Industry)
// where the mineral is restricted or PART_OF a restricted group; $industry or $target (the
// industry's country) narrow it. Each term carries the links of its chain and the candidate
// import shares of first's country from the exporters: curated IMPORTS_FROM claims and
// TradeFlow sums per partner and year, for the mineral and for its groups. Which share is
// used, and all arithmetic, is in graph/analytics/exposure.py.
OPTIONAL MATCH (policy:Policy {id: $policy})
CALL (policy) {
  OPTIONAL MATCH (policy)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(c:Country)
  RETURN collect(DISTINCT c.id) AS issuers
}
CALL (policy) {
  OPTIONAL MATCH (policy)-[r:RESTRICTS]->(m:Mineral)
  RETURN collect(DISTINCT m.id) AS policyMinerals,
         collect(r {.confidence, .status, .sources, .key, mineral: m.id}) AS restricts
}
WITH policy, issuers, restricts,
     coalesce($minerals, policyMinerals) AS restrictedIds,
     CASE WHEN $restricter IS NULL THEN issuers ELSE [$restricter] END AS exporters
CALL (exporters) {
  OPTIONAL MATCH (c:Country) WHERE c.id IN exporters
  RETURN collect(c.iso3) AS exporterIsos
}
CALL (restrictedIds, exporters, exporterIsos) {
  MATCH (restricted:Mineral) WHERE restricted.id IN restrictedIds
  MATCH (mineral:Mineral)
  WHERE mineral = restricted OR (mineral)-[:PART_OF]->(restricted)
  MATCH p = (mineral)<-[:DEPENDS_ON]-(first:Industry)
            ((a:Industry)<-[:DEPENDS_ON]-(b:Industry)){0,3} (industry:Industry)
  WHERE ($industry IS NULL OR industry.id = $industry)
    AND ($target IS NULL OR EXISTS { (industry)-[:LOCATED_IN]->(:Country {id: $target}) })
  OPTIONAL MATCH (first)-[:LOCATED_IN]->(importer:Country)
  OPTIONAL MATCH (mineral)-[po:PART_OF]->(restricted)
  CALL (mineral) {
    OPTIONAL MATCH (mineral)-[:PART_OF]->(g:Mineral)
    WITH mineral.id AS own, collect(g.id) AS groups
    RETURN [own] + groups AS scopes
  }
  CALL (importer, exporters, scopes) {
    OPTIONAL MATCH (importer)-[imp:IMPORTS_FROM]->(from:Country)
    WHERE from.id IN exporters AND imp.share IS NOT NULL AND imp.mineral IN scopes
    RETURN collect(imp {.share, .year, .mineral, .key, .confidence, .status, .sources, .note,
                        start: importer.id, end: from.id}) AS claims
  }
  CALL (importer, scopes, exporterIsos) {
    UNWIND scopes AS scope
    WITH importer, scope, exporterIsos,
         [scope] + COLLECT { MATCH (x:Mineral)-[:PART_OF]->(:Mineral {id: scope}) RETURN x.id }
           AS members
    OPTIONAL MATCH (f:TradeFlow)
    WHERE f.reporter = importer.iso3 AND f.flow = 'M' AND f.mineral IN members
    WITH scope, f.year AS year, f.partner AS partner, sum(f.value_usd) AS value,
         reduce(acc = [], s IN collect(f.sources) | acc + [x IN s WHERE NOT x IN acc]) AS sources,
         exporterIsos
    WHERE year IS NOT NULL
    RETURN collect({scope: scope, year: year, partner: partner, value: value, sources: sources,
                    exporter: partner IN exporterIsos}) AS trade
  }
  RETURN collect({
    industry: industry.id, industryName: industry.name, first: first.id,
    importer: importer.id, importerIso: importer.iso3,
    mineral: mineral.id, mineralName: mineral.name,
    restricted: restricted.id, restrictedName: restricted.name,
    partOf: CASE WHEN po IS NULL THEN null
                 ELSE po {.confidence, .status, .sources, start: mineral.id, end: restricted.id}
            END,
    links: [r IN relationships(p) | r {.intensity, .confidence, .status, .sources, .key, .note,
              start: startNode(r).id, startName: startNode(r).name,
              end: endNode(r).id, endName: endNode(r).name}],
    claims: claims, trade: trade
  }) AS terms
}
RETURN policy IS NOT NULL AS policyFound, policy.name AS policyName, issuers, exporters,
       exporterIsos, restrictedIds, restricts, terms,
       COLLECT { MATCH (m:Mineral) WHERE m.id IN restrictedIds RETURN m.id } AS knownMinerals,
       $industry IS NULL OR EXISTS { MATCH (:Industry {id: $industry}) } AS industryFound,
       $target IS NULL OR EXISTS { MATCH (:Country {id: $target}) } AS targetFound
