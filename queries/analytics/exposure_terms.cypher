// Exposure terms for `dyad exposure`, `dyad what-if` and GraphQL exposure and whatIf: the
// restriction is $policy, or $restricter restricting $minerals (ids); $industry or $target
// (a country id) narrow the answer. The gathering is the fragment analytics/_exposure_answer,
// shared with GraphQL impact; the arithmetic is graph/analytics/formula.py.
WITH $policy AS policyId, $industry AS industryId, $target AS targetId,
     $restricter AS restricterId, $minerals AS mineralIds
// include: analytics/_exposure_answer
RETURN answer
