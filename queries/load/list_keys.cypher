// Store the list keys (fragments/_list_keys) of the nodes $ids, of every node within 4
// causal steps of them, whose date keys they narrow ($sort is 'date'), and of every node they
// are linked to by a COUNTRY_LINKS type (unless they are a Country, a Mineral or coded event
// data), whose countries they may lend as the node between: called after every write, in its transaction
// (graph/list_keys.py). A relationship's removal is covered by refreshing both its ends: a
// node whose path ran through it still reaches one of them.
UNWIND $ids AS id
MATCH (s:Entity {id: id})
CALL (s) {
  RETURN s AS n
  UNION
  MATCH (s)-[:PROVOKED|RESPONDS_TO*1..4]-(n)
  RETURN n
  UNION
  WITH s WHERE NOT s:Country AND NOT s:Mineral AND s.dataset IS NULL
  MATCH (s)-[:MADE_BY|ISSUED_BY|TARGETS|ABOUT|INVOLVES|BASED_IN|LOCATED_IN|OFFICE_OF|HOLDS_OFFICE|MEMBER_OF|AFFECTS]-(n:Entity)
  RETURN n
}
WITH DISTINCT n
// include: fragments/_list_keys
RETURN count(n) AS keyed
