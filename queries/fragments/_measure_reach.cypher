// A fragment, included where a query says `// include: fragments/_measure_reach`.
// Whether `reached`, the node after a measure's object, lies within the reach of `measure`
// (schema.MEASURE_REACH): in a country the measure TARGETS (directly or through a targeted
// body's BASED_IN); or, for a measure aimed at no country, in any country but its issuer's.
// reach: schema.MEASURE_REACH, written once here for every query that follows a measure
((EXISTS { (measure)-[:TARGETS]->()-[:BASED_IN*0..1]->(:Country) }
  AND EXISTS { MATCH (reached)-[:LOCATED_IN|BASED_IN]->(home:Country)
               WHERE EXISTS { (measure)-[:TARGETS]->()-[:BASED_IN*0..1]->(home) } })
 OR (NOT EXISTS { (measure)-[:TARGETS]->()-[:BASED_IN*0..1]->(:Country) }
  AND EXISTS { MATCH (reached)-[:LOCATED_IN|BASED_IN]->(home:Country)
               WHERE NOT EXISTS { (measure)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(home) } }))
