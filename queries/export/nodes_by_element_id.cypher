// Nodes by element id: the ends of relationships a researcher's query returned without them.
UNWIND $ids AS elementId
MATCH (n)
WHERE elementId(n) = elementId
RETURN n
