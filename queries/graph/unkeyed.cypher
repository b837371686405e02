// Whether any node lacks its list keys or listings (fragments/_unkeyed): one id, or none.
// `dyad migrate` asks before it backfills, so a database with nothing to key never plans the
// backfill (seconds of planning for a query that would touch nothing).
// include: fragments/_unkeyed
RETURN n.id AS id
LIMIT 1
