// title: Contested claims
// description: Nodes and relationships whose status is one of the given ones (by default
// description: alleged or unverified): what is claimed, how confidently, and on whose word.
// param: statuses list = alleged,unverified — statuses to list (comma-separated)
// param: maxConfidence float = 1.0 — only claims at most this confident
// example: dyad query contested_claims --param statuses=alleged --format json
CALL () {
  MATCH (a)-[r]->(b)
  WHERE r.status IN $statuses AND r.confidence <= $maxConfidence
  RETURN 'relationship' AS kind, a.name + ' -[' + type(r) + ']-> ' + b.name AS claim,
         r.status AS status, r.confidence AS confidence, r.sources AS sources, r AS item
  UNION ALL
  MATCH (n:Entity)
  WHERE n.status IN $statuses
  RETURN 'node' AS kind, n.name AS claim, n.status AS status, null AS confidence,
         n.sources AS sources, n AS item
}
RETURN kind, claim, status, confidence, sources, item
ORDER BY status, kind DESC, claim
