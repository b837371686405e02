// A fragment: set the stored list keys (schema LIST_KEYS, #24) of each node `n` in scope
// (with $sort = 'date' for the causal bounds). Each key is 'Label␁dataset␁key␁id' (␁ is
// U+0001, below any character of a key, so the composite sorts as (key, id) did): list_date's
// key is the timeline's order as one string, 'latest earliest causes rank', each date narrowed
// by causality (api/timeline.cypher says why), '' when undated; list_name's is the lower-cased
// name.
WITH n,
     coalesce(n.date, n.announced, n.published) AS earliest,
     coalesce(n.date_latest, n.announced_latest, n.published_latest) AS latest
// include: fragments/_causal_bounds
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] + '\u0001' + coalesce(n.dataset, '') + '\u0001' AS tier,
     CASE WHEN latest IS NULL THEN '' ELSE
       toString(CASE WHEN effectsBy < latest THEN effectsBy ELSE latest END) + ' ' +
       toString(CASE WHEN causesFrom > earliest THEN causesFrom ELSE earliest END) + ' ' +
       right('0000' + toString(causes), 5) + ' ' +
       CASE coalesce(n.date_precision, n.announced_precision, n.published_precision)
         WHEN 'day' THEN '0' WHEN 'month' THEN '1' ELSE '2' END END AS dateKey
SET n.list_date = tier + dateKey + '\u0001' + n.id,
    n.list_name = tier + coalesce(toLower(n.name), '') + '\u0001' + n.id
