// A fragment: the days a node `n` covers, keeping every variable in scope: `earliest`, its
// first day (`date`, `announced` or `published`), and `until`, its last (a month-only date
// covers its month; an event runs on to its end_date). Null when undated.
WITH *,
     coalesce(n.date, n.announced, n.published) AS earliest,
     coalesce(n.end_date_latest, n.date_latest, n.announced_latest, n.published_latest) AS until
