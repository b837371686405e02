// The article gazetteer: every entity but a Source, with its names and what linking needs.
MATCH (n:Entity)
WHERE NOT n:Source
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'] AS labels,
       n.name AS name, coalesce(n.aliases, []) AS aliases
ORDER BY n.id
