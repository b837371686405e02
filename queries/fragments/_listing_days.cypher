// A fragment: a listing `e` (schema LISTING_LABEL) whose node's days overlap [$from, $to],
// read from the listing, keeping every variable in scope: the node's last day is in
// `until_key` after `p` (the listing's 'country␁Label␁␁' prefix), its first is `earliest`
// (the same days as fragments/_date_range, written with the listing). An undated node's
// listing passes only when neither $from nor $to is set. The planner folds the $from bound
// into a seek of listing_until_key (the counts' range), as PROFILE shows.
WITH *
WHERE e.until_key >= p + coalesce(toString($from), '')
  AND ($to IS NULL OR e.earliest <= $to)
