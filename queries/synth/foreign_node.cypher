// A node that `dyad synth` did not make (synthetic ids read <kind>:synth-…), if there is one:
// synthetic facts must never mix with a research graph.
MATCH (n:Entity)
WHERE NOT n.id CONTAINS ':synth-'
RETURN n.id AS id
LIMIT 1
