"""The curated corpus: loads cleanly, holds the story, and every fact names its sources."""

from __future__ import annotations

import pytest

from graph import GraphClient, fingerprint
from loaders import CORPUS_DIR, load_corpus, read_and_validate
from loaders.corpus import collect_files

FOUR_HOPS = (
    "MATCH (s:Statement {id: 'statement:takaichi-2025-11-07-diet'})-[p:PROVOKED]->(pol:Policy)"
    "-[r:RESTRICTS]->(m:Mineral)<-[d:DEPENDS_ON]-(i:Industry)-[:LOCATED_IN]->(:Country {id: 'country:JPN'}) "
    "WHERE m.rare_earth "
    "RETURN pol.id AS policy, m.id AS mineral, i.id AS industry, "
    "[x IN [p, r, d] | {sources: x.sources, status: x.status, confidence: x.confidence}] AS hops"
)


def test_the_corpus_is_large_enough_and_valid() -> None:
    validated = read_and_validate(collect_files([CORPUS_DIR]))
    assert len(validated.nodes) >= 250
    assert len(validated.relationships) >= 500


def test_remark_to_policy_to_rare_earth_to_japanese_industry(corpus_client: GraphClient) -> None:
    rows = corpus_client.read_text(FOUR_HOPS, {})
    assert rows, "no path from the 7 Nov remark to a Japanese industry"
    industries = {row["industry"] for row in rows}
    assert "industry:jpn-ndfeb-magnets" in industries
    for row in rows:
        assert row["policy"].startswith("policy:cn-")
        for hop in row["hops"]:
            assert hop["sources"]
            assert hop["status"] in {"confirmed", "reported", "alleged", "unverified"}
            assert 0 < hop["confidence"] <= 1


def test_every_relationship_names_a_source_and_every_source_can_be_found(
    corpus_client: GraphClient,
) -> None:
    unsourced = corpus_client.read_text(
        "MATCH ()-[r]->() WHERE r.sources IS NULL OR size(r.sources) = 0 RETURN count(r) AS n", {}
    )
    assert unsourced == [{"n": 0}]
    unfindable = corpus_client.read_text(
        "MATCH (s:Source) WHERE s.url IS NULL AND s.citation IS NULL RETURN count(s) AS n", {}
    )
    assert unfindable == [{"n": 0}]
    dangling = corpus_client.read_text(
        "MATCH ()-[r]->() UNWIND r.sources AS sid "
        "WITH DISTINCT sid WHERE NOT EXISTS { MATCH (:Source {id: sid}) } RETURN collect(sid) AS ids",
        {},
    )
    assert dangling == [{"ids": []}]


def test_chosen_facts(corpus_client: GraphClient) -> None:
    pm = corpus_client.read_text(
        "MATCH (l:Leader)-[h:HOLDS_OFFICE]->(:Office {id: 'office:jpn-prime-minister'}) "
        "WHERE h.valid_from <= date('2010-09-21') AND (h.valid_to IS NULL OR h.valid_to >= date('2010-09-21')) "
        "RETURN l.id AS id",
        {},
    )
    assert pm == [{"id": "leader:naoto-kan"}]
    seven = corpus_client.read_text(
        "MATCH (:Policy {id: 'policy:cn-2025-04-ree'})-[:RESTRICTS]->(m:Mineral) "
        "RETURN collect(m.symbol) AS symbols",
        {},
    )
    assert set(seven[0]["symbols"]) >= {"Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"}
    bayan_obo = corpus_client.read_text(
        "MATCH (:Mine {id: 'mine:bayan-obo'})-[:LOCATED_IN]->(:Place {id: 'place:inner-mongolia'})"
        "-[:LOCATED_IN]->(c:Country) RETURN DISTINCT c.id AS country",
        {},
    )
    assert bayan_obo == [{"country": "country:CHN"}]
    rare_earths = corpus_client.read_text(
        "MATCH (m:Mineral) WHERE m.rare_earth AND m.atomic_number IS NOT NULL RETURN count(m) AS n",
        {},
    )
    assert rare_earths == [{"n": 17}]


def test_the_seed_articles_permit_delay_keeps_its_hedge(corpus_client: GraphClient) -> None:
    rows = corpus_client.read_text(
        "MATCH ()-[r]->() WHERE 'source:seed-article' IN r.sources "
        "RETURN collect(DISTINCT r.status) AS statuses",
        {},
    )
    assert rows[0]["statuses"]
    assert "confirmed" not in rows[0]["statuses"]


@pytest.mark.slow  # loads the whole corpus twice and compares fingerprints
def test_loading_the_corpus_twice_changes_nothing(empty_client: GraphClient) -> None:
    load_corpus(empty_client, [CORPUS_DIR])
    before = fingerprint(empty_client)
    summary = load_corpus(empty_client, [CORPUS_DIR])
    assert summary.changed == 0
    assert fingerprint(empty_client) == before
