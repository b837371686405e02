// title: Statements that preceded a policy
// description: Statements made at most N days before a policy was announced, nearest first,
// description: and whether the graph links them to the policy (a chain of PROVOKED or
// description: RESPONDS_TO steps of up to three hops, either way).
// param: policy string = policy:cn-2026-01-dual-use-ban-japan — the policy
// param: days integer = 60 — how many days before the announcement to look
// example: dyad query statements_before_policy --param policy=policy:cn-2025-11-seafood-suspension --param days=14
MATCH (p:Policy {id: $policy})
MATCH (s:Statement)
WHERE s.date <= p.announced AND s.date >= p.announced - duration({days: $days})
OPTIONAL MATCH (s)-[:MADE_BY]->(speaker)
WITH p, s, collect(speaker.name) AS speakers
RETURN duration.inDays(s.date, p.announced).days AS days_before, s.date AS date,
       s.date_precision AS precision, speakers, s.summary AS summary,
       EXISTS { (s)-[:PROVOKED|RESPONDS_TO]-{1,3}(p) } AS linked, s.id AS statement, s AS node
ORDER BY days_before, statement
