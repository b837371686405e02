// title: Causes and effects of an act, in both spellings
// description: Causality is written two ways: A PROVOKED B (cause → effect) and B RESPONDS_TO A
// description: (effect → cause). This reads both at once with the direction normalised, so
// description: every link comes back as cause, effect and the spelling it was stored in.
// param: node string = policy:cn-2026-01-dual-use-ban-japan — the act
// example: dyad query causality_both_spellings --param node=statement:takaichi-2025-11-07-diet
MATCH (x:Entity {id: $node})-[r:PROVOKED|RESPONDS_TO]-()
WITH r, CASE WHEN r:PROVOKED THEN startNode(r) ELSE endNode(r) END AS cause,
        CASE WHEN r:PROVOKED THEN endNode(r) ELSE startNode(r) END AS effect, x
RETURN CASE WHEN cause = x THEN 'effect' ELSE 'cause' END AS role,
       cause.name AS cause, type(r) AS spelled, effect.name AS effect,
       r.confidence AS confidence, r.status AS status, r.sources AS sources, r
ORDER BY role, confidence DESC, cause, effect
