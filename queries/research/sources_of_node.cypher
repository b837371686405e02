// title: The sources behind a node
// description: The sources a node rests on (its own `sources`), and how many of its
// description: relationships cite each of them as well, with each source's grade and origin.
// param: id string = policy:cn-2026-01-dual-use-ban-japan — the node
// example: dyad query sources_of_node --param id=statement:takaichi-2025-11-07-diet
MATCH (n:Entity {id: $id})
UNWIND n.sources AS sourceId
MATCH (source:Source {id: sourceId})
RETURN source.title AS title, source.publisher AS publisher, source.origin AS origin,
       source.reliability AS grade, source.source_kind AS source_kind, source.published AS published,
       source.url AS url, source.citation AS citation,
       COUNT { (n)-[r]-() WHERE sourceId IN r.sources } AS also_cited_by_links, source AS node
ORDER BY published, title
