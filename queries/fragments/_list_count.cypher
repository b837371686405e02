// A fragment: `total`, how many nodes of the kind pass the filters (fragments/_list_filters),
// counted only when asked for ($totalCap set; null otherwise) and only up to $totalCap + 1 in
// each tier: the answer then says it is not exact. Each tier ('' curated, then each of
// $datasets) is one range of the list_name index; filtered by a country, the curated tier is
// one range of that country's listings (schema LISTING_LABEL) by the last day they cover, so
// $from bounds the range and $to and $minConfidence read the listing, not the node (a listing
// leads to its node only for $text or $status). A branch that does not apply has a null
// prefix, so its seek reads nothing.
CALL () {
  UNWIND CASE WHEN $totalCap IS NULL THEN [] ELSE [''] + $datasets END AS tier
  CALL (tier) {
    WITH CASE WHEN $country IS NULL OR tier <> '' THEN $label + '\u0001' + tier END AS p
    MATCH (n:Entity)
    WHERE n.list_name > p + '\u0001' AND n.list_name < p + '\u0002'
    // include: fragments/_list_filters
    WITH n LIMIT coalesce($totalCap, 0) + 1
    RETURN count(n) AS counted
    UNION ALL
    WITH CASE WHEN tier = '' THEN $country + '\u0001' + $label + '\u0001\u0001' END AS p
    MATCH (e:Listing)
    WHERE e.until_key >= p AND e.until_key < left(p, size(p) - 1) + '\u0002'
    // include: fragments/_listing_days
    WITH e
    WHERE ($minConfidence IS NULL OR e.confidence >= $minConfidence)
      AND ($text IS NULL AND $status IS NULL OR EXISTS {
            MATCH (n:Entity {id: e.of})
            // include: fragments/_list_text_status
            RETURN n
          })
    WITH e LIMIT coalesce($totalCap, 0) + 1
    RETURN count(e) AS counted
  }
  RETURN CASE WHEN $totalCap IS NULL THEN null ELSE sum(counted) END AS total
}
