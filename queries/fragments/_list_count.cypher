// A fragment: `total`, how many nodes of the kind pass the filters (fragments/_list_filters),
// counted only when asked for ($totalCap set; null otherwise) and only up to $totalCap + 1:
// the answer then says it is not exact. Each tier ('' curated, then each of $datasets) is one
// range of the list_name index.
CALL () {
  UNWIND CASE WHEN $totalCap IS NULL THEN [] ELSE [''] + $datasets END AS tier
  MATCH (n:Entity)
  WHERE n.list_name > $label + '\u0001' + tier + '\u0001'
    AND n.list_name < $label + '\u0001' + tier + '\u0002'
  // include: fragments/_list_filters
  WITH n LIMIT coalesce($totalCap, 0) + 1
  RETURN CASE WHEN $totalCap IS NULL THEN null ELSE count(n) END AS total
}
