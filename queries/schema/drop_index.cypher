// Drop one index by name (`dyad migrate`, when a full-text index's definition changed).
DROP INDEX $name IF EXISTS
