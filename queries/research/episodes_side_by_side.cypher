// title: The 2010 and 2025 episodes side by side
// description: Two measures compared aspect by aspect: when, what set them off, what they
// description: restricted, whom they targeted and hit, who answered, and what followed.
// description: By default the 2010 halt of rare-earth shipments to Japan and the January 2026
// description: dual-use export ban on Japan that followed the November 2025 remark.
// param: first string = policy:cn-2010-ree-halt-japan — the earlier measure
// param: second string = policy:cn-2026-01-dual-use-ban-japan — the later measure
// example: dyad query episodes_side_by_side --param second=policy:cn-2025-04-ree
MATCH (a:Policy {id: $first}), (b:Policy {id: $second})
UNWIND [a, b] AS p
CALL (p) {
  OPTIONAL MATCH (cause)-[:PROVOKED]->(p)
  WITH collect(DISTINCT cause.name) AS triggers
  OPTIONAL MATCH (p)-[:RESTRICTS]->(x)
  WITH triggers, collect(DISTINCT x.name) AS restricts
  OPTIONAL MATCH (p)-[:TARGETS]->(t)
  WITH triggers, restricts, collect(DISTINCT t.name) AS targets
  OPTIONAL MATCH (p)-[:AFFECTS]->(h)
  WITH triggers, restricts, targets, collect(DISTINCT h.name) AS affects
  OPTIONAL MATCH (answer)-[:RESPONDS_TO]->(p)
  WITH triggers, restricts, targets, affects, collect(DISTINCT answer.name) AS answers
  OPTIONAL MATCH (p)-[:PROVOKED]->(effect)
  RETURN triggers, restricts, targets, affects, answers, collect(DISTINCT effect.name) AS effects
}
WITH collect({p: p, triggers: triggers, restricts: restricts, targets: targets,
              affects: affects, answers: answers, effects: effects}) AS two
UNWIND [
  ['name', two[0].p.name, two[1].p.name],
  ['type', two[0].p.policy_type, two[1].p.policy_type],
  ['status', two[0].p.status, two[1].p.status],
  ['announced', toString(two[0].p.announced), toString(two[1].p.announced)],
  ['ended or suspended', toString(coalesce(two[0].p.ended, two[0].p.suspended)),
                         toString(coalesce(two[1].p.ended, two[1].p.suspended))],
  ['set off by', two[0].triggers, two[1].triggers],
  ['restricts', two[0].restricts, two[1].restricts],
  ['targets', two[0].targets, two[1].targets],
  ['hit', two[0].affects, two[1].affects],
  ['answered by', two[0].answers, two[1].answers],
  ['led to', two[0].effects, two[1].effects]
] AS aspect
RETURN aspect[0] AS aspect, aspect[1] AS first, aspect[2] AS second
