// The record as it stood at $knownAt (knowledge time), for the given subjects (node ids and
// edge ids): per subject, how many entries the history holds and the newest at or before
// $knownAt. No entry at all: the subject predates the history. Entries, none by then: it was
// not yet recorded.
UNWIND $subjects AS subject
OPTIONAL MATCH (c:Change {subject: subject})
WITH subject, c ORDER BY c.at DESC, c.id DESC
WITH subject, collect(c) AS entries
WITH subject, size(entries) AS recorded, [c IN entries WHERE c.at <= $knownAt][0] AS then
RETURN subject, recorded, then.after AS after, then.action AS action
