"""``dyad ingest`` (#22): many articles in, a second run changes nothing, a bad article is
reported by its place and the others load, unknown names wait in the review queue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.cli import main
from graph import GraphClient, fingerprint
from loaders import load_corpus
from loaders.ingest import ingest, parse_feed, read_inputs
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "ingest"
ARTICLES = DATA / "articles.jsonl"
CORPUS = DATA / "ingest_corpus.yaml"

_QUEUE = (
    "MATCH (q:ReviewItem)-[:FOUND_IN]->(s:Source) "
    "RETURN q.name AS name, labels(q) AS labels, q.state AS state, q.suggested_kind AS kind, "
    "q.created_by AS by, q.created_at IS NOT NULL AS dated, s.url AS url, q.status AS status, "
    "q.start AS start, q.type AS type, q.end AS end ORDER BY name"
)


@pytest.fixture
def small_graph(empty_client: GraphClient) -> GraphClient:
    load_corpus(empty_client, [CORPUS])
    return empty_client


def test_a_second_run_changes_nothing(small_graph: GraphClient) -> None:
    first = ingest(small_graph, [ARTICLES])
    after_first = fingerprint(small_graph)
    second = ingest(small_graph, [ARTICLES])
    assert fingerprint(small_graph) == after_first
    assert (first.read, first.loaded, first.unchanged) == (4, 3, 0)
    assert (second.loaded, second.unchanged, second.queued) == (0, 3, 0)
    assert second.already_queued == first.queued > 0


def test_a_broken_line_is_reported_by_its_line_and_the_others_load(
    small_graph: GraphClient, graph_settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(ARTICLES)]) == 2
    printed = capsys.readouterr()
    assert "articles.jsonl:3: missing field 'date'" in printed.err
    assert "4 articles read, 3 loaded, 0 unchanged, 1 bad" in " ".join(printed.out.split())
    urls = {r["url"] for r in small_graph.read_text("MATCH (s:Source) RETURN s.url AS url", {})}
    assert "https://example.org/dyad-test/quillmere-dysprosium" in urls
    assert "https://example.org/dyad-test/summit" in urls
    assert "https://example.org/dyad-test/broken" not in urls
    names = {r["name"] for r in small_graph.read_text(_QUEUE, {})}
    assert "Brindlewick Trading Co" not in names  # nothing of the bad article is written


def test_unknown_organisations_are_queued_as_candidate_entities(
    small_graph: GraphClient,
) -> None:
    ingest(small_graph, [ARTICLES])
    rows = small_graph.read_text(_QUEUE, {})
    entities = {r["name"]: r for r in rows if "CandidateEntity" in r["labels"]}
    for name in ("Quillmere Magnetics Ltd", "Vantorel Rare Metals Corp", "Osterbay Institute"):
        assert entities[name]["kind"] == "organization"
        assert entities[name]["state"] == "pending"
        assert (entities[name]["by"], entities[name]["dated"]) == ("dyad ingest", True)
    assert entities["Harriet Lowden"]["kind"] == "person"
    assert entities["Brindlewick Summit"]["kind"] == "event"
    assert all("Entity" not in r["labels"] for r in rows)
    claims = [r for r in rows if "CandidateClaim" in r["labels"]]
    depends = next(c for c in claims if c["type"] == "DEPENDS_ON")
    assert (depends["start"], depends["end"]) == ("industry:test-fictional-lasers", "mineral:Ga")
    assert depends["status"] == "reported"  # a plain assertion of a grade D article
    # The claims wait: none of them is a relationship yet.
    extracted = small_graph.read_text(
        "MATCH ()-[r]->() WHERE r.method = 'extracted' AND type(r) <> 'MENTIONS' RETURN r", {}
    )
    assert extracted == []


def test_dry_run_writes_nothing_and_counts(small_graph: GraphClient) -> None:
    before = fingerprint(small_graph)
    summary = ingest(small_graph, [ARTICLES], dry_run=True)
    assert fingerprint(small_graph) == before
    assert (summary.loaded, summary.queued) == (3, 8)


def test_feeds_and_folders_are_read_with_bad_items_named_by_index(
    small_graph: GraphClient,
) -> None:
    summary = ingest(small_graph, [DATA])
    bad = {str(b) for b in summary.bad}
    assert "feed.rss item 2: <pubDate>: not an RFC 822 date: 'sometime in March'" in bad
    assert "feed.atom item 2: missing <link href>" in bad
    assert "articles.jsonl:3: missing field 'date'" in bad
    assert (summary.read, summary.loaded, len(summary.bad)) == (8, 5, 3)
    rows = small_graph.read_text(
        "MATCH (s:Source) WHERE s.url STARTS WITH 'https://example.org/dyad-test/' "
        "RETURN s.url AS url, toString(s.published) AS day, s.publisher AS publisher, "
        "s.text AS text ORDER BY url",
        {},
    )
    by_url = {r["url"]: r for r in rows}
    rss = by_url["https://example.org/dyad-test/rss-1"]
    assert (rss["day"], rss["publisher"]) == ("2026-03-05", "Dyad Test Feed")
    assert rss["text"].startswith(
        "Halvergate Smelting Co, a fictional smelter"
    )  # HTML read as text
    atom = by_url["https://example.org/dyad-test/atom-1"]
    assert (atom["day"], atom["publisher"]) == ("2026-03-06", "Dyad Test Atom")
    names = {r["name"] for r in small_graph.read_text(_QUEUE, {})}
    assert {"Halvergate Smelting Co", "Pellworth Minerals Institute"} <= names


def test_a_feed_that_declares_entities_is_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title>'
        "</channel></rss>"
    )
    with pytest.raises(ValueError, match="refuses to expand"):
        parse_feed(laughs.encode())
    feed = tmp_path / "laughs.xml"
    feed.write_text(laughs)
    [entry] = read_inputs([feed])
    assert str(entry) == "laughs.xml: the feed declares XML entities, which Dyad refuses to expand"


def test_a_path_that_does_not_exist_is_refused(
    small_graph: GraphClient, graph_settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(DATA / "nothing-here.jsonl")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_an_article_whose_write_fails_is_left_out_and_the_others_load(
    small_graph: GraphClient, tmp_path: Path
) -> None:
    """Articles are written many to a transaction; when Neo4j refuses one (a title longer
    than its name index takes), the others are written again one by one and load."""
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    good = [json.loads(line) for line in lines if '"date"' in line][:2]
    refused = {**good[0], "url": "https://example.org/dyad-test/refused", "title": "T" * 40_000}
    refused["text"] = "Wexmoor Alloys Ltd, invented for Dyad's tests, is stockpiling gallium."
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in (good[0], refused, good[1])) + "\n")
    summary = ingest(small_graph, [path])
    assert [b.place for b in summary.bad] == ["three.jsonl:2"]
    assert (summary.read, summary.loaded) == (3, 2)
    urls = {r["url"] for r in small_graph.read_text("MATCH (s:Source) RETURN s.url AS url", {})}
    assert {a["url"] for a in good} <= urls
    assert refused["url"] not in urls
    names = {r["name"] for r in small_graph.read_text(_QUEUE, {})}
    assert "Wexmoor Alloys Ltd" not in names  # nothing of the refused article is written
    assert "Quillmere Magnetics Ltd" in names
