// Append history entries (schema/history.py), inside the transaction that writes what they
// describe: one Change per row. Nothing here is ever updated or deleted.
UNWIND $rows AS row
CREATE (c:Change)
SET c = row
RETURN count(c) AS written
