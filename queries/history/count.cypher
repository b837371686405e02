// How many entries the history holds (the benchmark's measure of its size).
MATCH (c:Change)
RETURN count(c) AS n
