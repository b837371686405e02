// title: Minerals a country restricts
// description: Every mineral restricted by a policy issued from a country, with the policies,
// description: the earliest date a restriction was announced, and whether one was in force
// description: on a day (not suspended or ended by then).
// param: country string = country:CHN — the restricting country
// param: date date = null — the day for in_force (null: today)
// example: dyad query minerals_restricted_by_country --param country=country:CHN --param date=2025-06-01
MATCH (p:Policy)-[r:RESTRICTS]->(m:Mineral)
WHERE EXISTS { (p)-[:ISSUED_BY]->(:Entity)-[:BASED_IN*0..1]->(:Country {id: $country}) }
WITH m, p, r,
     coalesce(p.effective, p.announced) <= coalesce($date, date())
       AND (p.suspended IS NULL OR p.suspended > coalesce($date, date()))
       AND (p.ended IS NULL OR p.ended > coalesce($date, date())) AS live
RETURN m.name AS mineral, m.symbol AS symbol, m.group AS group,
       min(p.announced) AS first_restricted, count(DISTINCT p) AS policies,
       collect(DISTINCT p.name) AS by, any(x IN collect(live) WHERE x) AS in_force,
       collect(r) AS restrictions
ORDER BY first_restricted, mineral
