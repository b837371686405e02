// Constraints and indexes, applied idempotently by `dyad migrate`.
// Every kind of node has a unique id; Entity.id is unique across all kinds.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT leader_id IF NOT EXISTS FOR (n:Leader) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT office_id IF NOT EXISTS FOR (n:Office) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mineral_id IF NOT EXISTS FOR (n:Mineral) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mine_id IF NOT EXISTS FOR (n:Mine) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT industry_id IF NOT EXISTS FOR (n:Industry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tradeflow_id IF NOT EXISTS FOR (n:TradeFlow) REQUIRE n.id IS UNIQUE;
// The review queue (schema/review.py): items never carry :Entity; ReviewItem.id is unique
// across the queue, and the queue is listed by state.
CREATE CONSTRAINT reviewitem_id IF NOT EXISTS FOR (n:ReviewItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT candidateentity_id IF NOT EXISTS FOR (n:CandidateEntity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT candidateclaim_id IF NOT EXISTS FOR (n:CandidateClaim) REQUIRE n.id IS UNIQUE;
CREATE INDEX reviewitem_state IF NOT EXISTS FOR (n:ReviewItem) ON (n.state, n.created_at);
// The history (schema/history.py): append-only Change entries, read by subject (a node or queue
// item id, an edge id) or by a relationship's ends, newest first.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_subject IF NOT EXISTS FOR (n:Change) ON (n.subject, n.at);
CREATE INDEX change_start IF NOT EXISTS FOR (n:Change) ON (n.start, n.at);
CREATE INDEX change_end IF NOT EXISTS FOR (n:Change) ON (n.end, n.at);
// Dates that filters and the timeline range over: each is a range, its first day (n.date)
// and its last (n.date_latest; a month-only date covers its month).
CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date);
CREATE INDEX statement_date_latest IF NOT EXISTS FOR (n:Statement) ON (n.date_latest);
CREATE INDEX policy_announced IF NOT EXISTS FOR (n:Policy) ON (n.announced);
CREATE INDEX policy_announced_latest IF NOT EXISTS FOR (n:Policy) ON (n.announced_latest);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_date_latest IF NOT EXISTS FOR (n:Event) ON (n.date_latest);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
// Research analytics: the dyad series filters events by direction, dependence flows by reporter.
CREATE INDEX event_dyad IF NOT EXISTS FOR (n:Event) ON (n.actor_country, n.recipient_country);
CREATE INDEX tradeflow_reporter IF NOT EXISTS FOR (n:TradeFlow) ON (n.reporter, n.flow);
// Exposure reads one mineral's latest year first, then that year's rows (analytics/_exposure_answer).
CREATE INDEX tradeflow_reporter_mineral_year IF NOT EXISTS FOR (n:TradeFlow) ON (n.reporter, n.flow, n.mineral, n.year);
// One full-text index over names, native names, aliases, summaries and descriptions of every
// kind. The `cjk` analyzer: Latin text tokenised and lower-cased as by `standard`, and Chinese or
// Japanese text as overlapping pairs of characters, so "高市" finds 高市早苗 but not 北京市 (the
// default analyzer splits Han text into single characters, and "高市" would match any 市). It
// drops English stop words, which search never needs. `dataset` is indexed so a query can keep
// coded event data out of (or in) its answer inside the index, before the index's limit.
// Changing this definition replaces the index on the next `dyad migrate` (graph/migrate.py).
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Country|Place|Leader|Office|Organization|Statement|Policy|Event|Mineral|Mine|Industry|Source|TradeFlow)
ON EACH [n.name, n.aliases, n.native_name, n.summary, n.description, n.quote, n.title, n.dataset]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// The stored list keys (schema LIST_KEYS): a list page or the timeline seeks one kind's tier
// ('Policy␁␁', 'Event␁gdelt␁') and reads it in order, so ORDER BY … LIMIT stops at the page.
CREATE INDEX entity_list_date IF NOT EXISTS FOR (n:Entity) ON (n.list_date);
CREATE INDEX entity_list_name IF NOT EXISTS FOR (n:Entity) ON (n.list_name);
// Listings (schema LISTING_LABEL): a list, count or timeline filtered by a country seeks its
// range ('country:JPN␁Policy␁␁') in one of these, in order; a write finds a node's own by `of`.
CREATE INDEX listing_date_key IF NOT EXISTS FOR (e:Listing) ON (e.date_key);
CREATE INDEX listing_name_key IF NOT EXISTS FOR (e:Listing) ON (e.name_key);
CREATE INDEX listing_until_key IF NOT EXISTS FOR (e:Listing) ON (e.until_key);
CREATE INDEX listing_of IF NOT EXISTS FOR (e:Listing) ON (e.of);
// inForce(country) reads the policies a country issued in the order they took effect.
CREATE INDEX listing_issued_key IF NOT EXISTS FOR (e:Listing) ON (e.issued_key);
