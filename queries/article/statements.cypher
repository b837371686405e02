// Statements with their date, who made them and how many acts the graph says they provoked.
MATCH (s:Statement)
OPTIONAL MATCH (s)-[:MADE_BY]->(speaker:Entity)
WITH s, collect(DISTINCT speaker.id) AS speakers
OPTIONAL MATCH (s)-[provoked:PROVOKED]->(:Entity)
RETURN s.id AS id, toString(s.date) AS date, speakers, count(provoked) AS provoked
ORDER BY s.id
