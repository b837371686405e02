"""The record's own history (#22): every write records what it changed, when, by which
command and from which sources, in the graph; `dyad history` and GraphQL's `history` read it
newest first; a re-load records nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import queries
from api.app import create_app
from api.cli import main
from api.settings import ApiSettings
from graph import GraphClient, GraphSettings
from loaders import load_corpus
from loaders.history import history
from loaders.ingest import ingest
from loaders.review import accept, list_items
from tests.conftest import ROOT
from tests.http import in_process

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


def test_reads_that_do_not_ask_for_history_do_not_touch_it() -> None:
    """Only the history's own queries name the Change label (the fingerprint leaves it out)."""
    readers = [n for n in queries.all_names() if "Change" in queries.load(n)]
    assert sorted(readers) == [
        "graph/fingerprint_nodes",
        "history/as_of",
        "history/count",
        "history/entries",
        "history/record",
        "schema/migrate",
    ]


ADD_SOURCE = """mutation($input: SourceInput!) { addSource(input: $input) { id } }"""
HISTORY = """query($id: ID!, $after: String) { history(id: $id, first: 1, after: $after) {
  nodes { subject action by sources before after changed }
  pageInfo { hasNextPage endCursor } } }"""


async def _graphql(client: GraphClient, query: str, **variables: Any) -> dict[str, Any]:
    settings = ApiSettings(API_TOKEN=TOKEN)  # type: ignore[call-arg]
    app = create_app(settings, GraphSettings(), client=client)
    headers = {"accept": GQL, "authorization": f"Bearer {TOKEN}"}
    async with in_process(app) as http:
        body = {"query": query, "variables": variables}
        answer: dict[str, Any] = (await http.post("/graphql", json=body, headers=headers)).json()
    return answer


@pytest.mark.anyio
async def test_a_mutation_is_recorded_as_the_api_token_and_history_pages(
    empty_client: GraphClient,
) -> None:
    load_corpus(empty_client, [DATA / "ingest_corpus.yaml"])
    source = {
        "id": "source:test-history",
        "title": "A source for the history test",
        "publisher": "Test",
        "reliability": "B",
        "url": "https://example.org/dyad-test/history",
    }
    added = await _graphql(empty_client, ADD_SOURCE, input=source)
    assert "errors" not in added, added
    first = await _graphql(empty_client, HISTORY, id="source:test-history")
    [entry] = first["data"]["history"]["nodes"]
    assert (entry["action"], entry["by"]) == ("CREATED", "api token")
    assert entry["sources"] == ["source:test-history"]
    assert entry["before"] is None
    assert json.loads(entry["after"])["title"] == "A source for the history test"
    assert TOKEN not in json.dumps(first)
    assert not first["data"]["history"]["pageInfo"]["hasNextPage"]

    # country:JPN: created, then a relationship to it: two entries, one per page, newest first.
    pages: list[str] = []
    after = None
    while True:
        answer = await _graphql(empty_client, HISTORY, id="country:JPN", after=after)
        page = answer["data"]["history"]
        pages += [n["subject"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages[-1] == "country:JPN"
    assert len(pages) == len(set(pages)) == len(history(empty_client, "country:JPN"))


QUEUE = """query($after: String) { reviewQueue(kind: CANDIDATE_ENTITY, first: 2, after: $after) {
  nodes { id name state source suggestedKind }
  pageInfo { hasNextPage endCursor } } }"""
ACCEPT = """mutation($id: ID!, $status: Status) { acceptCandidate(id: $id, status: $status) {
  id state result } }"""


@pytest.mark.anyio
async def test_the_review_queue_pages_and_accepting_needs_the_token_and_the_rules(
    queued: GraphClient,
) -> None:
    seen: list[str] = []
    after = None
    while True:
        answer = await _graphql(queued, QUEUE, after=after)
        page = answer["data"]["reviewQueue"]
        assert len(page["nodes"]) <= 2
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    pending = [i.id for i in list_items(queued, kind=None) if i.id.startswith("candidateentity")]
    assert seen == pending
    assert len(seen) > 2

    item = _item(queued, "Quillmere Magnetics Ltd")
    before = _changes(queued)
    # Without the token: refused at the door, nothing written.
    settings = ApiSettings(API_TOKEN=TOKEN)  # type: ignore[call-arg]
    app = create_app(settings, GraphSettings(), client=queued)
    async with in_process(app) as http:
        body = {"query": ACCEPT, "variables": {"id": item}}
        refused = await http.post("/graphql", json=body, headers={"accept": GQL})
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # A status the article's grade cannot carry: refused as the loader refuses, nothing written.
    breach = await _graphql(queued, ACCEPT, id=item, status="CONFIRMED")
    error = breach["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "d_alone_at_most_reported" in json.dumps(error)
    assert _changes(queued) == before
    assert item in {i.id for i in list_items(queued)}  # still pending

    accepted = await _graphql(queued, ACCEPT, id=item)
    assert accepted["data"]["acceptCandidate"] == {
        "id": item,
        "state": "ACCEPTED",
        "result": QUILLMERE,
    }
    [decided, _] = history(queued, item)
    assert (decided.action.value, decided.by) == ("updated", "api token")
    assert history(queued, QUILLMERE)[-1].by == "api token"


KNOWN = """query($id: ID!, $at: DateTime) { node(id: $id, knownAt: $at) {
  id name relations { type other { id } } } }"""


@pytest.mark.anyio
async def test_known_at_answers_as_the_record_stood_then(
    queued: GraphClient, tmp_path: Any
) -> None:
    before_accept = dt.datetime.now(dt.UTC)
    accept(queued, _item(queued, "Quillmere Magnetics Ltd"))
    now = await _graphql(queued, KNOWN, id=QUILLMERE)
    assert now["data"]["node"]["name"] == "Quillmere Magnetics Ltd"
    then = await _graphql(queued, KNOWN, id=QUILLMERE, at=before_accept.isoformat())
    assert then["data"]["node"] is None
    assert then["errors"][0]["extensions"]["code"] == "NOT_FOUND"

    # The article's Source was recorded by the ingest, before the acceptance: it is there
    # then, without the mention the acceptance added.
    source = next(e.subject for e in history(queued, QUILLMERE) if e.kind.value == "relationship")
    source_id = source.split("|")[0]
    answer = await _graphql(queued, KNOWN, id=source_id, at=before_accept.isoformat())
    named = {r["other"]["id"] for r in answer["data"]["node"]["relations"]}
    assert QUILLMERE not in named

    # A correction: the earlier name at the earlier time.
    before_fix = dt.datetime.now(dt.UTC)
    corpus = (DATA / "ingest_corpus.yaml").read_text(encoding="utf-8")
    corrected = tmp_path / "corpus.yaml"
    corrected.write_text(corpus.replace("name: Japan,", "name: Nippon,"), encoding="utf-8")
    load_corpus(queued, [corrected])
    then = await _graphql(queued, KNOWN, id="country:JPN", at=before_fix.isoformat())
    assert then["data"]["node"]["name"] == "Japan"
    now = await _graphql(queued, KNOWN, id="country:JPN")
    assert now["data"]["node"]["name"] == "Nippon"
