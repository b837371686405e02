// title: A policy's dossier
// description: Everything the graph says around one policy, one relationship per row: who
// description: issued it, what it restricts, targets and hits, what it suspends or amends,
// description: what set it off and what answered it, with status and confidence.
// param: policy string = policy:cn-2025-04-ree — the policy
// example: dyad query policy_dossier --param policy=policy:cn-2024-12-us-ban --format csv
MATCH (p:Policy {id: $policy})-[r]-(other:Entity)
RETURN CASE WHEN startNode(r) = p THEN type(r) ELSE '<-' + type(r) END AS link,
       [l IN labels(other) WHERE l <> 'Entity'][0] AS kind, other.name AS other,
       r.status AS status, r.confidence AS confidence, size(r.sources) AS sources, r
ORDER BY link, confidence DESC, other
