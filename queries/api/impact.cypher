// impact(policy, country): industries the policy reaches through each mineral it restricts
// (directly, or as a member of a restricted group), each with the terms of its exposure
// score. The terms are gathered by the fragment analytics/_exposure_answer, the one that
// GraphQL exposure and whatIf use (within the policy's reach: schema.MEASURE_REACH); with
// $country, only industries located there. The arithmetic is graph/analytics/formula.py.
WITH $policy AS policyId, null AS industryId, $country AS targetId, null AS restricterId,
     null AS mineralIds
// include: analytics/_exposure_answer
WITH CASE WHEN policy IS NULL THEN [] ELSE [policy] END + termNodes AS roots,
     termRels AS seedRels, answer {.*, found: answer.policyFound} AS extra
