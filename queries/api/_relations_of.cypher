// A node's relationships of the types asked for: one branch per relationship type, each
// guarded by `types`, so that the planner runs only the branches asked for and each walks only
// n's relationships of its own type (on a hub, that type's group). Neo4j 5.26 plans
// `[r:$any($types)]` and `WHERE type(r) IN $types` alike as an expansion of every relationship
// of n, then a filter: 200,406 db hits for Japan's 16 TARGETS beside 100,000 coded events,
// against 106 with a branch per type. Branches are undirected (the caller filters the
// direction) and each starts with its guard line: queries.api_query keeps in the text only the
// branches a request's selections walk, since the planner plans every branch in the text,
// run or not (all of them, at two levels, took about 4 s of planning per query).
// Expects n, types (a list of relationship types, or null for every type) and datasets (the
// coded event datasets asked for; null: every one). Returns r, m; a country's coded events
// are walked only when asked for (api/_coded_links_of), the caller filters the rest.
// tests/test_relations_compiled.py checks that every type has its branch. The first is the
// body of a level that walks nothing: it never runs, and it is cheap to plan.
WITH n WHERE false
MATCH (n)-[r]-(m:Entity)
RETURN r, m
UNION ALL
WITH n, types, datasets WHERE types IS NULL
CALL (n, types, datasets) {
  // include: api/_every_relation_of
}
RETURN r, m
UNION ALL
WITH n WHERE 'HOLDS_OFFICE' IN types
MATCH (n)-[r:HOLDS_OFFICE]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'OFFICE_OF' IN types
MATCH (n)-[r:OFFICE_OF]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'MEMBER_OF' IN types
MATCH (n)-[r:MEMBER_OF]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'NATIONAL_OF' IN types
MATCH (n)-[r:NATIONAL_OF]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'BASED_IN' IN types
MATCH (n)-[r:BASED_IN]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'LOCATED_IN' IN types
MATCH (n)-[r:LOCATED_IN]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'PART_OF' IN types
MATCH (n)-[r:PART_OF]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'OPERATES' IN types
MATCH (n)-[r:OPERATES]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'OPERATES_IN' IN types
MATCH (n)-[r:OPERATES_IN]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'PRODUCES' IN types
MATCH (n)-[r:PRODUCES]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'IMPORTS_FROM' IN types
MATCH (n)-[r:IMPORTS_FROM]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'MADE_BY' IN types
MATCH (n)-[r:MADE_BY]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'ISSUED_BY' IN types
MATCH (n)-[r:ISSUED_BY]-(m:Entity)
RETURN r, m
UNION ALL
WITH n, types, datasets WHERE 'INVOLVES' IN types
CALL (n, types, datasets) {
  // include: api/_coded_links_of
}
RETURN r, m
UNION ALL
WITH n WHERE 'ABOUT' IN types
MATCH (n)-[r:ABOUT]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'SUSPENDS' IN types
MATCH (n)-[r:SUSPENDS]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'AMENDS' IN types
MATCH (n)-[r:AMENDS]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'PROVOKED' IN types
MATCH (n)-[r:PROVOKED]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'RESPONDS_TO' IN types
MATCH (n)-[r:RESPONDS_TO]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'RESTRICTS' IN types
MATCH (n)-[r:RESTRICTS]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'TARGETS' IN types
MATCH (n)-[r:TARGETS]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'AFFECTS' IN types
MATCH (n)-[r:AFFECTS]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'DEPENDS_ON' IN types
MATCH (n)-[r:DEPENDS_ON]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'SUPPLIES' IN types
MATCH (n)-[r:SUPPLIES]-(m:Entity)
RETURN r, m
UNION ALL
WITH n WHERE 'MENTIONS' IN types
MATCH (n)-[r:MENTIONS]-(m:Entity)
RETURN r, m
