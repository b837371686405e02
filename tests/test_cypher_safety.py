"""Researcher Cypher only reads: refused before sending, refused by Neo4j, capped in rows and time."""

from __future__ import annotations

import pytest

from graph import GraphClient, QueryTimeoutError, fingerprint
from graph.cypher_guard import check_read_only
from graph.research_errors import CypherRefusedError
from graph.research_runner import ResearcherCypher, ResearchSettings, _run, run_cypher

SETTINGS = ResearchSettings()

#: Writes, schema changes, file access, batching and admin, each with what the message says.
ATTEMPTS = [
    ("CREATE (n:Country {id: 'country:XXX'}) RETURN n", "CREATE creates"),
    ("MATCH (n:Mineral {id: 'mineral:Dy'}) SET n.name = 'x'", "SET changes"),
    ("MATCH (n:Mineral {id: 'mineral:Dy'}) DETACH DELETE n", "DETACH deletes"),
    ("MATCH (n) DELETE n", "DELETE deletes"),
    ("MERGE (n:Country {id: 'country:XXX'})", "MERGE creates"),
    ("MATCH (n:Mineral) REMOVE n.symbol", "REMOVE removes"),
    ("CREATE INDEX x IF NOT EXISTS FOR (n:Mineral) ON (n.symbol)", "CREATE creates"),
    ("DROP CONSTRAINT entity_id", "DROP drops"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV reads files"),
    ("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS", "DETACH deletes"),
    ("UNWIND [1] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y", "IN TRANSACTIONS"),
    ("CALL dbms.security.createUser('x', 'y', false)", "procedure dbms.security.createUser"),
    ("CALL db.createLabel('Evil')", "procedure db.createLabel"),
    ("CALL apoc.create.node(['Country'], {id: 'x'})", "procedure apoc.create.node"),
    ("SHOW USERS", "SHOW USERS is an administration command"),
    ("USE system SHOW DATABASES", "USE switches"),
    ("STOP DATABASE neo4j", "STOP DATABASE administers"),
    ("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", "one statement at a time"),
    ("FOREACH (x IN [1] | CREATE (:Country {id: 'x'}))", "FOREACH"),
    ("mAtCh (n) sEt n.x = 1", "SET changes"),
]


@pytest.mark.parametrize(("text", "reason"), ATTEMPTS)
def test_writes_and_admin_are_refused_and_nothing_changes(
    corpus_client: GraphClient, text: str, reason: str
) -> None:
    before = fingerprint(corpus_client)
    with pytest.raises(CypherRefusedError, match="refused") as caught:
        run_cypher(corpus_client, ResearcherCypher(text), {}, SETTINGS)
    assert reason in str(caught.value)
    assert "nothing was written" in str(caught.value).lower()
    assert fingerprint(corpus_client) == before


@pytest.mark.parametrize(
    "text",
    [
        "CREATE (n:Country {id: 'country:XXX'}) RETURN n",
        "MATCH (n:Mineral {id: 'mineral:Dy'}) SET n.name = 'changed'",
        "MATCH (n:Mineral {id: 'mineral:Dy'}) DETACH DELETE n",
        "CREATE INDEX sneaky IF NOT EXISTS FOR (n:Mineral) ON (n.group)",
    ],
)
def test_neo4j_refuses_writes_that_got_past_the_static_check(
    corpus_client: GraphClient, text: str
) -> None:
    """The second lock: the READ transaction itself (the static check is skipped here)."""
    before = fingerprint(corpus_client)
    with pytest.raises(CypherRefusedError, match="refused by Neo4j"):
        _run(corpus_client, text, {}, SETTINGS, name="cypher")
    assert fingerprint(corpus_client) == before


@pytest.mark.parametrize(
    "text",
    [
        "MATCH (n:Mineral) WHERE n.name CONTAINS 'CREATE' RETURN n.name",
        "MATCH (n) RETURN n {.id, set: 1, delete: 2} AS m LIMIT 1",
        "// DELETE everything? no\nMATCH (n:Country) RETURN count(n)",
        "MATCH (n:`Country`) RETURN n.`set` AS x LIMIT 1",
        "CALL db.labels() YIELD label RETURN label",
        "SHOW INDEXES YIELD name RETURN name",
        "MATCH (n) CALL (n) { RETURN n.id AS id } RETURN id LIMIT 3",
        "MATCH (s:Statement) WHERE s.date >= date($from) RETURN s.id",
        "MATCH (n:Country) RETURN n.name AS use ORDER BY use",
    ],
)
def test_reads_that_look_like_writes_are_allowed(text: str) -> None:
    check_read_only(text)


def test_ad_hoc_reads_return_rows_and_a_graph(corpus_client: GraphClient) -> None:
    result = run_cypher(
        corpus_client,
        ResearcherCypher("MATCH (:Industry {id: $id})-[r:DEPENDS_ON]->(m) RETURN r ORDER BY m.id"),
        {"id": "industry:jpn-ndfeb-magnets"},
        SETTINGS,
    )
    assert result.columns == ["r"]
    assert result.rows
    # The rows hold only relationships; their ends are fetched so edges name real ids.
    ids = {n.id for n in result.graph.nodes}
    assert "industry:jpn-ndfeb-magnets" in ids
    assert "mineral:Dy" in ids
    assert {(e.start, e.end) for e in result.graph.edges} >= {
        ("industry:jpn-ndfeb-magnets", "mineral:Dy")
    }


def test_rows_past_the_cap_are_cut_and_flagged(corpus_client: GraphClient) -> None:
    capped = ResearchSettings(max_rows=7)
    result = run_cypher(corpus_client, ResearcherCypher("MATCH (n) RETURN n.id"), {}, capped)
    assert len(result.rows) == 7
    assert result.truncated
    exact = run_cypher(
        corpus_client, ResearcherCypher("UNWIND range(1, 7) AS x RETURN x"), {}, capped
    )
    assert not exact.truncated


@pytest.mark.slow  # waits out a time limit: about 1 s
def test_a_query_past_the_time_limit_is_stopped(corpus_client: GraphClient) -> None:
    quick = ResearchSettings(timeout=0.05)
    slow = ResearcherCypher(
        "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)"
    )
    with pytest.raises(QueryTimeoutError, match="DYAD_RESEARCH_TIMEOUT"):
        run_cypher(corpus_client, slow, {}, quick)


def test_caps_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_RESEARCH_MAX_ROWS", "25")
    monkeypatch.setenv("DYAD_RESEARCH_TIMEOUT", "2.5")
    settings = ResearchSettings()
    assert (settings.max_rows, settings.timeout) == (25, 2.5)
