// The dyad series: coded events between two countries, per month and direction, with the
// counts and sums the measures need (means, shares and weighted tone are computed in
// graph/analytics/series.py). $actors: ISO3 codes; $from, $to: dates or null;
// $dataset: "gdelt", "polecat" or null for both.
MATCH (e:Event)
WHERE e.actor_country IN $actors AND e.recipient_country IN $actors
  AND e.actor_country <> e.recipient_country
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
  AND ($dataset IS NULL OR e.dataset = $dataset)
WITH e, substring(toString(e.date), 0, 7) AS month
RETURN month, e.actor_country AS actor, e.recipient_country AS recipient,
       count(e) AS events,
       count(e.quad_class) AS withQuad,
       sum(CASE e.quad_class WHEN 1 THEN 1 ELSE 0 END) AS q1,
       sum(CASE e.quad_class WHEN 2 THEN 1 ELSE 0 END) AS q2,
       sum(CASE e.quad_class WHEN 3 THEN 1 ELSE 0 END) AS q3,
       sum(CASE e.quad_class WHEN 4 THEN 1 ELSE 0 END) AS q4,
       count(e.goldstein) AS withGoldstein,
       sum(coalesce(e.goldstein, 0.0)) AS goldsteinSum,
       sum(CASE WHEN e.avg_tone IS NULL OR e.num_articles IS NULL THEN 0.0
                ELSE e.avg_tone * e.num_articles END) AS toneTimesArticles,
       sum(CASE WHEN e.avg_tone IS NULL OR e.num_articles IS NULL THEN 0
                ELSE e.num_articles END) AS articles
ORDER BY month, actor, recipient
