// A fragment: the evidence of the exposure score (graph/analytics/formula.py), gathered once
// for `dyad exposure` / GraphQL exposure and whatIf (analytics/exposure_terms) and GraphQL
// impact (api/impact). Expects policyId, industryId, targetId, restricterId and mineralIds in
// scope; yields `answer` (a map), `policy`, and the nodes and relationships of every term
// (termNodes, termRels).
//
// The restricted minerals and their exporters come from the policy (what it RESTRICTS; the
// countries its issuers are, or are BASED_IN) or, for a what-if, from mineralIds and
// restricterId. One term per path
//   (mineral)<-[:DEPENDS_ON]-(first:Industry) then up to 3 dependence links to (industry)
// where the mineral is restricted or PART_OF a restricted group. A dependence link carries
// effect downstream: X DEPENDS_ON Y from Y to X, Y SUPPLIES X from Y to X (a SUPPLIES link
// is not taken where X states an intensity for Y). With a policy, `first` lies within its
// reach (schema.MEASURE_REACH); a what-if's reach is checked in Python. industryId or
// targetId (the industry's country) narrow the terms. Each term carries the links of its
// chain and the candidate import shares of first's country from the exporters: curated
// IMPORTS_FROM claims and TradeFlow sums per partner, for the mineral and for its groups (of
// each scope's latest year with rows, the only year a share is taken from). Which
// share is used, and all arithmetic, is in graph/analytics/exposure.py.
OPTIONAL MATCH (policy:Policy {id: policyId})
CALL (policy) {
  OPTIONAL MATCH (policy)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(c:Country)
  RETURN collect(DISTINCT c.id) AS issuers
}
CALL (policy) {
  OPTIONAL MATCH (policy)-[r:RESTRICTS]->(m:Mineral)
  RETURN collect(DISTINCT m.id) AS policyMinerals, collect(r) AS restrictRels,
         collect(r {.confidence, .status, .sources, .key, mineral: m.id}) AS restricts
}
WITH policy, issuers, restricts, restrictRels, industryId, targetId,
     coalesce(mineralIds, policyMinerals) AS restrictedIds,
     CASE WHEN restricterId IS NULL THEN issuers ELSE [restricterId] END AS exporters
CALL (exporters) {
  OPTIONAL MATCH (c:Country) WHERE c.id IN exporters
  RETURN collect(c.iso3) AS exporterIsos
}
CALL (policy, restrictedIds, exporters, exporterIsos, industryId, targetId) {
  // Walked from the restricted minerals down (a mineral's dependent industries are few
  // beside a country's every industry, and the measure's reach is checked on `first` before
  // the walk), never from every industry up.
  MATCH (restricted:Mineral) WHERE restricted.id IN restrictedIds
  CALL (restricted) {
    RETURN restricted AS mineral, null AS po
    UNION
    MATCH (mineral:Mineral)-[po:PART_OF]->(restricted)
    RETURN mineral, po
  }
  MATCH (mineral)<-[dependence:DEPENDS_ON]-(first:Industry)
  WITH *, policy AS measure, first AS reached
  WHERE measure IS NULL OR
    // include: fragments/_measure_reach
  MATCH walk = (first)
               ((a:Industry)-[link:DEPENDS_ON|SUPPLIES]-(b:Industry)
                 WHERE startNode(link) = b AND link:DEPENDS_ON
                    OR startNode(link) = a AND link:SUPPLIES
                       AND NOT EXISTS { (b)-[judged:DEPENDS_ON]->(a)
                                        WHERE judged.intensity IS NOT NULL }){0,3}
               (industry:Industry)
  WHERE (industryId IS NULL OR industry.id = industryId)
    AND (targetId IS NULL OR EXISTS { (industry)-[:LOCATED_IN]->(:Country {id: targetId}) })
  WITH *, [mineral] + nodes(walk) AS pathNodes, [dependence] + relationships(walk) AS pathLinks
  OPTIONAL MATCH (first)-[:LOCATED_IN]->(importer:Country)
  CALL (mineral) {
    OPTIONAL MATCH (mineral)-[:PART_OF]->(g:Mineral)
    WITH mineral.id AS own, collect(g.id) AS groups
    RETURN groups, [own] + groups AS scopes
  }
  CALL (importer, exporters, scopes) {
    OPTIONAL MATCH (importer)-[imp:IMPORTS_FROM]->(from:Country)
    WHERE from.id IN exporters AND imp.share IS NOT NULL AND imp.mineral IN scopes
    RETURN collect(imp) AS claimRels,
           collect(imp {.share, .year, .mineral, .key, .confidence, .status, .sources, .note,
                        start: importer.id, end: from.id}) AS claims
  }
  RETURN collect({
    industry: industry.id, industryName: industry.name, first: first.id,
    importer: importer.id, importerIso: importer.iso3,
    mineral: mineral.id, mineralName: mineral.name, groups: groups,
    restricted: restricted.id, restrictedName: restricted.name,
    partOf: CASE WHEN po IS NULL THEN null
                 ELSE po {.confidence, .status, .sources, .key, start: mineral.id,
                          end: restricted.id}
            END,
    links: [r IN pathLinks | r {.intensity, .confidence, .status, .sources, .key, .note,
              relation: type(r), start: startNode(r).id, startName: startNode(r).name,
              end: endNode(r).id, endName: endNode(r).name}],
    claims: claims
  }) AS found,
  reduce(acc = [], q IN collect(pathNodes) | acc + q) AS termNodes,
  reduce(acc = [], q IN collect(pathLinks + claimRels
                                + CASE WHEN po IS NULL THEN [] ELSE [po] END) | acc + q)
    AS pathRels
}
// The trade rows of each importer and its mineral scopes (`trades`, beside the terms: iso,
// scopes, trade), summed and sent once however many terms share them.
CALL (found, exporterIsos) {
  UNWIND found AS term
  WITH DISTINCT term.importerIso AS iso, [term.mineral] + term.groups AS scopes, exporterIsos
  CALL (iso, scopes, exporterIsos) {
    UNWIND scopes AS scope
    WITH iso, scope, exporterIsos,
         [scope] + COLLECT { MATCH (x:Mineral)-[:PART_OF]->(:Mineral {id: scope}) RETURN x.id }
           AS members
    // Only the scope's latest year with rows: the one the share is taken from
    // (graph/analytics/exposure.py). Each member's latest year is the last entry of its range
    // of the index tradeflow_reporter_mineral_year (ordered by the whole index key, so it is
    // read backwards and stops at one; no row is fetched); then only that year's rows.
    CALL (iso, members) {
      UNWIND members AS member
      CALL (iso, member) {
        MATCH (f:TradeFlow)
        WHERE f.reporter = iso AND f.flow = 'M' AND f.mineral = member AND f.year IS NOT NULL
        RETURN f.year AS year ORDER BY f.reporter DESC, f.flow DESC, f.mineral DESC, f.year DESC
        LIMIT 1
      }
      RETURN max(year) AS latest
    }
    OPTIONAL MATCH (f:TradeFlow)
    WHERE f.reporter = iso AND f.flow = 'M' AND f.mineral IN members AND f.year = latest
    WITH scope, f.year AS year, f.partner AS partner, sum(f.value_usd) AS value,
         collect(f.sources) AS cited, exporterIsos
    WHERE year IS NOT NULL
    // One entry per scope with rows: its year, the value from each partner, and every source
    // of those rows once.
    WITH scope, year,
         collect({partner: partner, value: value, exporter: partner IN exporterIsos})
           AS partners,
         reduce(acc = [], c IN collect(cited) | acc + c) AS cited
    // include: fragments/_distinct_sources
    RETURN collect({scope: scope, year: year, partners: partners, sources: sources}) AS trade
  }
  RETURN collect({iso: iso, scopes: scopes, trade: trade}) AS trades
}
WITH policy, termNodes, restrictRels + pathRels AS termRels, {
  policyFound: policy IS NOT NULL, policyName: policy.name, issuers: issuers,
  exporters: exporters, exporterIsos: exporterIsos, restrictedIds: restrictedIds,
  restricts: restricts, terms: found, trades: trades,
  knownMinerals: COLLECT { MATCH (m:Mineral) WHERE m.id IN restrictedIds RETURN m.id },
  industryFound: industryId IS NULL OR EXISTS { MATCH (:Industry {id: industryId}) },
  targetFound: targetId IS NULL OR EXISTS { MATCH (:Country {id: targetId}) }
} AS answer
