// The full-text indexes in the database, as `dyad migrate` compares them with its statements.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options
RETURN name, labelsOrTypes, properties, options
