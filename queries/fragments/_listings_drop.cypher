// A fragment: delete the listings (schema LISTING_LABEL) of a node `n` (by `of`, its id, not
// by the keys it stores: a write may have replaced those), keeping every variable in scope:
// run before its keys are written again or the node goes.
CALL (n) {
  MATCH (old:Listing {of: n.id})
  DELETE old
}
