// title: Controls in force on a date
// description: Policies issued from a country that were in force on a date: effective (or,
// description: with no effective date, announced) on or before it, and neither suspended nor
// description: ended by then. Lists what each restricts and whom it targets.
// param: date date = 2026-01-15 — the day to look at
// param: issuer string = country:CHN — the issuing country (null for any)
// example: dyad query controls_in_force --param date=2025-06-01 --param issuer=country:CHN
MATCH (p:Policy)
WHERE coalesce(p.effective, p.announced) <= $date
  AND (p.suspended IS NULL OR p.suspended > $date)
  AND (p.ended IS NULL OR p.ended > $date)
  AND ($issuer IS NULL
       OR EXISTS { (p)-[:ISSUED_BY]->(:Entity)-[:BASED_IN*0..1]->(:Country {id: $issuer}) })
OPTIONAL MATCH (p)-[:RESTRICTS]->(restricted)
OPTIONAL MATCH (p)-[:TARGETS]->(target)
RETURN p.name AS policy, p.policy_type AS type, coalesce(p.effective, p.announced) AS since,
       p.legal_ref AS legal_ref, collect(DISTINCT restricted.name) AS restricts,
       collect(DISTINCT target.name) AS targets, p AS node
ORDER BY since, policy
