// title: Who said what, when
// description: Statements in date order with who made them, their stance, summary and quote;
// description: optionally only speakers from one country and only within a date range.
// param: country string = null — only speakers based in (or offices of) this country
// param: from date = 2025-11-01 — on or after this date (null for no bound)
// param: to date = 2026-02-28 — on or before this date (null for no bound)
// param: limit integer = 100 — at most this many statements
// example: dyad query statements_by_speaker --param country=country:CHN --param from=2025-11-01
MATCH (s:Statement)-[made:MADE_BY]->(speaker)
WHERE ($from IS NULL OR s.date >= $from)
  AND ($to IS NULL OR s.date <= $to)
  AND ($country IS NULL
       OR speaker.id = $country
       OR EXISTS { (speaker)-[:BASED_IN|MEMBER_OF]->(:Entity)-[:BASED_IN*0..1]->(:Country {id: $country}) }
       OR EXISTS { (speaker)-[:HOLDS_OFFICE]->(:Office)-[:OFFICE_OF]->(:Entity)-[:BASED_IN*0..1]->(:Country {id: $country}) })
RETURN s.date AS date, s.date_precision AS precision, speaker.name AS speaker, s.stance AS stance, s.summary AS summary,
       s.quote AS quote, s.id AS statement, made
ORDER BY date, statement
LIMIT $limit
