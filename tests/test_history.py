"""The record's own history (#22): every write records what it changed, when, by which
command and from which sources, in the graph; `dyad history` and GraphQL's `history` read it
newest first; a re-load records nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

import queries
from api.cli import main
from graph import GraphClient
from loaders import load_corpus
from loaders.history import history
from loaders.ingest import ingest
from loaders.review import list_items
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "ingest"
QUILLMERE = "organization:quillmere-magnetics-ltd"
TOKEN = "test-history-token"
GQL = "application/graphql-response+json"

pytestmark = pytest.mark.usefixtures("graph_settings_env")


@pytest.fixture
def queued(empty_client: GraphClient) -> GraphClient:
    load_corpus(empty_client, [DATA / "ingest_corpus.yaml"])
    ingest(empty_client, [DATA / "articles.jsonl"])
    return empty_client


def _item(client: GraphClient, name: str) -> str:
    return next(i.id for i in list_items(client, state=None) if i.properties["name"] == name)


def _changes(client: GraphClient) -> int:
    return int(client.read_text("MATCH (c:Change) RETURN count(c) AS n", {})[0]["n"])


def test_accepting_records_history_that_dyad_history_shows(
    queued: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    item = _item(queued, "Quillmere Magnetics Ltd")
    [queued_entry] = history(queued, item)
    assert (queued_entry.action.value, queued_entry.by) == ("created", "dyad ingest")
    capsys.readouterr()

    assert main(["review", "accept", item]) == 0
    capsys.readouterr()
    assert main(["history", QUILLMERE, "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    created = next(e for e in entries if e["subject"] == QUILLMERE)
    assert created["action"] == "created"
    assert created["by"] == "dyad review accept"
    assert created["before"] is None
    assert created["after"]["name"] == "Quillmere Magnetics Ltd"
    assert created["sources"] == created["after"]["sources"]
    # The node's history includes the article's mention of it, written in the same step.
    mention = next(e for e in entries if e["kind"] == "relationship")
    assert "|MENTIONS|" + QUILLMERE in mention["subject"]

    [decided, first] = history(queued, item)  # newest first
    assert decided.action.value == "updated"
    assert decided.before is not None
    assert decided.after is not None
    assert (decided.before["state"], decided.after["state"]) == ("pending", "accepted")
    assert first == queued_entry

    assert main(["history", QUILLMERE]) == 0
    table = capsys.readouterr().out
    assert f"History of {QUILLMERE}: 2 entries" in table
    assert "created" in table


def test_a_reload_records_nothing_and_a_correction_records_before_and_after(
    empty_client: GraphClient, tmp_path: Any
) -> None:
    corpus = DATA / "ingest_corpus.yaml"
    load_corpus(empty_client, [corpus])
    recorded = _changes(empty_client)
    assert recorded > 0
    load_corpus(empty_client, [corpus])
    assert _changes(empty_client) == recorded

    entries = history(empty_client, "country:JPN")
    assert entries
    assert entries[0].by == "dyad load"
    text = corpus.read_text(encoding="utf-8")
    [old_name] = [e.after["name"] for e in entries if e.subject == "country:JPN" and e.after]
    corrected = tmp_path / "corpus.yaml"
    corrected.write_text(text.replace(f"name: {old_name},", "name: Nippon,"), encoding="utf-8")
    load_corpus(empty_client, [corrected])
    newest = history(empty_client, "country:JPN")[0]
    assert newest.action.value == "updated"
    assert newest.before is not None
    assert newest.after is not None
    assert (newest.before["name"], newest.after["name"]) == (old_name, "Nippon")
    assert newest.changed == ["name"]


def test_reads_that_do_not_ask_for_history_do_not_touch_it(queued: GraphClient) -> None:
    """Only the history's own queries name the Change label (the fingerprint leaves it out)."""
    readers = [n for n in queries.all_names() if "Change" in queries.load(n)]
    assert sorted(readers) == [
        "graph/fingerprint_nodes",
        "history/entries",
        "history/record",
        "schema/migrate",
    ]
