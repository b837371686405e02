// The example the explorer's Cypher tab opens with: measures and the minerals they restrict.
MATCH (p:Policy)-[r:RESTRICTS]->(m:Mineral)
RETURN p, r, m LIMIT 25
