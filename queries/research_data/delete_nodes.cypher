// Undo of a research load that failed part-way: delete the nodes it created (by id), and
// their listings (schema LISTING_LABEL).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
// include: fragments/_listings_drop
DETACH DELETE n
