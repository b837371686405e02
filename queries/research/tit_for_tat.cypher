// title: Action and reaction
// description: Pairs of acts where one answered or was provoked by the other, in date order:
// description: statements, policies and events across both sides of the dyad between two dates.
// param: from date = 2025-11-01 — first day of the cause
// param: to date = 2026-02-28 — last day of the cause
// example: dyad query tit_for_tat --param from=2010-09-01 --param to=2011-12-31
CALL () {
  MATCH (cause:Statement|Policy|Event)-[link:PROVOKED]->(effect:Statement|Policy|Event)
  RETURN cause, link, effect
  UNION
  MATCH (effect:Statement|Policy|Event)-[link:RESPONDS_TO]->(cause:Statement|Policy|Event)
  RETURN cause, link, effect
}
WITH cause, link, effect, coalesce(cause.date, cause.announced) AS cause_day,
     coalesce(effect.date, effect.announced) AS effect_day
WHERE cause_day >= $from AND cause_day <= $to
RETURN cause_day, cause.name AS cause, type(link) AS link_type, effect_day, effect.name AS effect,
       link.status AS status, link.confidence AS confidence, link
ORDER BY cause_day, effect_day, cause, effect
