// Wait until every index is online (a replaced full-text index is rebuilt in the background).
CALL db.awaitIndexes($seconds)
