// How big the graph is (every count comes from the count store, not a scan): its nodes, not
// counting the listings (schema LISTING_LABEL), which are counted apart, and relationships.
CALL () { MATCH (n) RETURN count(n) AS all }
CALL () { MATCH (e:Listing) RETURN count(e) AS listings }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN all - listings AS nodes, listings, relationships
