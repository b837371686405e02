// inForce(asOf, issuerCountry): policies in force on a date: effective (or, when no
// effective date is known, announced) on or before it, and not suspended or ended by then,
// in order of that day, then id.
// With $country, only policies it issued (ISSUED_BY it, or by a body BASED_IN it: the
// listings' issued_key, schema LISTING_LABEL): one range of that country's listings read in
// the order asked, up to the day, so the cost follows the answer, not the country's policies.
CALL () {
  WITH $country AS country WHERE country IS NULL
  MATCH (p:Policy)
  WHERE coalesce(p.effective, p.announced) <= $asOf
  RETURN p
  UNION
  WITH $country + '\u0001' AS prefix
  MATCH (e:Listing)
  WHERE e.issued_key > prefix AND e.issued_key < prefix + toString($asOf) + '\u0002'
  WITH e ORDER BY e.issued_key
  MATCH (p:Policy {id: e.of})
  WHERE (p.suspended IS NULL OR p.suspended > $asOf) AND (p.ended IS NULL OR p.ended > $asOf)
  WITH p, e ORDER BY e.issued_key
  LIMIT $limit
  RETURN p
}
WITH p
WHERE coalesce(p.effective, p.announced) <= $asOf
  AND (p.suspended IS NULL OR p.suspended > $asOf)
  AND (p.ended IS NULL OR p.ended > $asOf)
WITH p ORDER BY coalesce(p.effective, p.announced), p.id
LIMIT $limit
WITH collect(p) AS roots
WITH roots, [] AS seedRels, {} AS extra
