// Policies with their type and date, the states behind them (directly or through a body
// BASED_IN the state) and the states or bodies they target.
MATCH (p:Policy)
OPTIONAL MATCH (p)-[:ISSUED_BY]->(issuer:Entity)
OPTIONAL MATCH (issuer)-[:BASED_IN]->(home:Country)
WITH p, collect(DISTINCT issuer.id) + collect(DISTINCT home.id) AS issuers
OPTIONAL MATCH (p)-[:TARGETS]->(target:Entity)
RETURN p.id AS id, p.policy_type AS policy_type, toString(p.announced) AS announced,
       issuers, collect(DISTINCT target.id) AS targets
ORDER BY p.id
