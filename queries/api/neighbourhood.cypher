// neighbourhood(id, depth, relTypes, datasets, limit, fanout): nodes within $depth hops (1..3)
// of $id over relationships of $relTypes (all when empty), nearest first and then by id, at
// most $limit nodes, with the relationships among them.
// Curated first: coded event data (nodes with a `dataset`) is left out unless its dataset is
// in $datasets; how many coded events the centre has is counted apart (`coded`), only when
// asked for ($codedCap set) and only up to $codedCap + 1: a hub of GDELT is not read whole.
// Bounded at any size: each node reached lends at most $fanout of its relationships to the
// next ring, so a hub with 200,000 events costs $fanout, not 200,000 (below $fanout the
// answer is exact); a country's coded events cost nothing unless their dataset is asked for
// (api/_lent_by, api/_every_relation_of). A ring is expanded only while the nodes found are
// fewer than $limit.
// Relationships among the members are those the rings crossed, plus every one a member of
// degree <= $fanout has to another member; one between two hubs that no ring crossed is left
// out (the answer says how many members are hubs). Review queue items (no :Entity) are never
// reached.
OPTIONAL MATCH (center:Entity {id: $id})
OPTIONAL CALL (center) {
  WITH center WHERE center IS NOT NULL
  CALL (center) {
    WITH center AS member
    CALL (member) {
      // include: api/_lent_by
    }
    WITH DISTINCT n, collect(r) AS via
    ORDER BY n.id
    LIMIT $limit
    RETURN collect(n) AS ring1, reduce(a = [], x IN collect(via) | a + x) AS crossed1
  }
  CALL (center, ring1) {
    WITH center, ring1 WHERE $depth >= 2 AND size(ring1) < $limit
    UNWIND ring1 AS member
    CALL (member) {
      // include: api/_lent_by
    }
    WITH n, r WHERE n <> center AND NOT n IN ring1
    WITH DISTINCT n, collect(r) AS via
    ORDER BY n.id
    LIMIT $limit
    RETURN collect(n) AS ring2, reduce(a = [], x IN collect(via) | a + x) AS crossed2
  }
  CALL (center, ring1, ring2) {
    WITH center, ring1, ring2 WHERE $depth >= 3 AND size(ring1) + size(ring2) < $limit
    UNWIND ring2 AS member
    CALL (member) {
      // include: api/_lent_by
    }
    WITH n, r WHERE n <> center AND NOT n IN ring1 AND NOT n IN ring2
    WITH DISTINCT n, collect(r) AS via
    ORDER BY n.id
    LIMIT $limit
    RETURN collect(n) AS ring3, reduce(a = [], x IN collect(via) | a + x) AS crossed3
  }
  RETURN ([center] + ring1 + ring2 + ring3)[0..$limit + 1] AS members,
         crossed1 + crossed2 + crossed3 AS crossed
}
WITH center, coalesce(members, []) AS members, coalesce(crossed, []) AS crossed
CALL (members) {
  UNWIND members AS a
  CALL (a, members) {
    WITH a, members WHERE COUNT { (a)--() } <= $fanout
    MATCH (a)-[r]->(b)
    WHERE b IN members AND (size($relTypes) = 0 OR type(r) IN $relTypes)
    RETURN r
    UNION
    WITH a, members WHERE COUNT { (a)--() } <= $fanout
    MATCH (a)<-[r]-(b)
    WHERE b IN members AND (size($relTypes) = 0 OR type(r) IN $relTypes)
    RETURN r
  }
  RETURN collect(DISTINCT r) AS scanned
}
OPTIONAL CALL (center) {
  WITH center WHERE $codedCap IS NOT NULL
  OPTIONAL MATCH (center)--(e:Event)
  WHERE e.dataset IS NOT NULL AND NOT e.dataset IN $datasets
  WITH e LIMIT coalesce($codedCap, 0) + 1
  RETURN count(e) AS coded
}
WITH members AS roots,
     [r IN crossed WHERE startNode(r) IN members AND endNode(r) IN members] + scanned AS seedRels,
     {found: center IS NOT NULL,
      hubs: size([m IN members WHERE COUNT { (m)--() } > $fanout]),
      coded: coalesce(coded, 0)} AS extra
