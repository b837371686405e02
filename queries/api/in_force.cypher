// inForce(asOf, issuerCountry): policies in force on a date: effective (or, when no
// effective date is known, announced) on or before it, and not suspended or ended by then.
// With $country, only policies it issued (ISSUED_BY it, or by a body BASED_IN it): read from
// the country's side, so the cost follows that country's policies, not every policy.
CALL () {
  WITH $country AS country WHERE country IS NULL
  MATCH (p:Policy)
  RETURN p
  UNION
  WITH $country AS country WHERE country IS NOT NULL
  MATCH (c:Country {id: country})
  MATCH (p:Policy)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(c)
  RETURN DISTINCT p
}
WITH p
WHERE coalesce(p.effective, p.announced) <= $asOf
  AND (p.suspended IS NULL OR p.suspended > $asOf)
  AND (p.ended IS NULL OR p.ended > $asOf)
WITH p ORDER BY coalesce(p.effective, p.announced), p.id
LIMIT $limit
WITH collect(p) AS roots
WITH roots, [] AS seedRels, {} AS extra
