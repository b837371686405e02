// A fragment: a list's $text (name or alias contains, any case) and $status filters on a node
// `n`, keeping every variable in scope (fragments/_list_filters; a count by listings reads the
// node only when one of them is set).
WITH *
WHERE ($text IS NULL OR toLower(n.name) CONTAINS toLower($text)
       OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($text)))
  AND ($status IS NULL OR n.status = $status)
