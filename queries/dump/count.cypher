// How many nodes the database holds (`dyad restore` refuses a non-empty one without --force),
// not counting the listings (schema LISTING_LABEL), which are derived from them.
MATCH (n)
WHERE NOT n:Listing
RETURN count(n) AS nodes
