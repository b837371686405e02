// inForce(asOf, issuerCountry): policies in force on a date: effective (or, when no
// effective date is known, announced) on or before it, and not suspended or ended by then.
MATCH (p:Policy)
WHERE coalesce(p.effective, p.announced) <= $asOf
  AND (p.suspended IS NULL OR p.suspended > $asOf)
  AND (p.ended IS NULL OR p.ended > $asOf)
  AND ($country IS NULL OR EXISTS {
        MATCH (p)-[:ISSUED_BY]->()-[:BASED_IN*0..1]->(c:Country {id: $country})
      })
WITH p ORDER BY coalesce(p.effective, p.announced), p.id
LIMIT $limit
WITH collect(p) AS roots
WITH roots, [] AS seedRels, {} AS extra
