// A fragment: every node `n` without its list keys (fragments/_list_keys), or a curated node
// with countries but no listing (schema LISTING_LABEL): written before the keys or the
// listings existed, or imported from CSV. Used by load/list_keys_missing and graph/unkeyed.
MATCH (n:Entity)
WHERE n.list_date IS NULL OR n.list_name IS NULL OR n.list_countries IS NULL
   OR n.dataset IS NULL AND size(n.list_countries) > 0
      AND NOT EXISTS { MATCH (e:Listing) WHERE e.of = n.id }
