"""``dyad review`` (#22): accept creates sourced knowledge validated as the loader validates,
reject retires with a reason and deletes nothing, and pending items stay out of causal
chains, search and exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from api.cli import main
from graph import GraphClient, fingerprint
from loaders import InvalidInputError, load_corpus
from loaders.ingest import ingest
from loaders.review import accept, link, list_items
from schema import ReviewLabel, ReviewState, Status
from tests.conftest import ROOT
from tests.http import graphql_answer

DATA = ROOT / "tests" / "data" / "ingest"
POLICY = "policy:test-fictional-gallium-curbs"
LASERS = "industry:test-fictional-lasers"

CHAINS = """query($from: ID!) { causalChains(from: $from, first: 20) {
  nodes { id } steps { cause { id } effect { id } relation method } } }"""
SEARCH = """query($text: String!) { search(text: $text) { nodes { id name } } }"""


@pytest.fixture
def queued(empty_client: GraphClient) -> GraphClient:
    load_corpus(empty_client, [DATA / "ingest_corpus.yaml"])
    ingest(empty_client, [DATA / "articles.jsonl"])
    return empty_client


def _item(client: GraphClient, name: str) -> str:
    items = list_items(client, state=None)
    return next(i.id for i in items if i.properties["name"] == name)


def _claim(client: GraphClient, rel_type: str) -> str:
    items = list_items(client, kind=ReviewLabel.CANDIDATE_CLAIM)
    return next(i.id for i in items if i.properties.get("type") == rel_type)


def test_accepting_an_organisation_creates_a_node_sourced_by_the_article(
    queued: GraphClient, graph_settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    item = _item(queued, "Quillmere Magnetics Ltd")
    assert main(["review", "accept", item]) == 0
    assert "accepted: organization:quillmere-magnetics-ltd" in capsys.readouterr().out
    [node] = queued.read_text(
        "MATCH (o:Organization {id: 'organization:quillmere-magnetics-ltd'}) "
        "MATCH (s:Source)-[m:MENTIONS]->(o) "
        "RETURN o.sources AS sources, o.status AS status, o.org_type AS org_type, s.id AS source, "
        "s.url AS url, s.text AS text, m.start_char AS start, m.end_char AS end",
        {},
    )
    assert node["sources"] == [node["source"]]
    assert node["url"] == "https://example.org/dyad-test/quillmere-dysprosium"
    # Grade D alone allows at most 'reported'; the name says what kind of body it is.
    assert (node["status"], node["org_type"]) == ("reported", "company")
    assert node["text"][node["start"] : node["end"]] == "Quillmere Magnetics Ltd"
    [decided] = [i for i in list_items(queued, state=None) if i.id == item]
    assert decided.state is ReviewState.ACCEPTED
    assert decided.resolved_as == "organization:quillmere-magnetics-ltd"
    assert decided.properties["reviewed_by"] == "dyad review accept"


def test_a_status_the_article_cannot_carry_is_refused_and_nothing_is_written(
    queued: GraphClient,
) -> None:
    before = fingerprint(queued)
    with pytest.raises(InvalidInputError, match="d_alone_at_most_reported"):
        accept(queued, _item(queued, "Harriet Lowden"), status=Status.CONFIRMED)
    with pytest.raises(InvalidInputError, match="d_alone_at_most_reported"):
        accept(queued, _claim(queued, "DEPENDS_ON"), status=Status.CONFIRMED)
    with pytest.raises(InvalidInputError, match="missing field 'event_type'"):
        accept(queued, _item(queued, "Brindlewick Summit"))
    assert fingerprint(queued) == before


def test_rejecting_a_claim_retires_it_with_its_reason(
    queued: GraphClient, graph_settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    item = _claim(queued, "IMPORTS_FROM")
    assert main(["review", "reject", item, "--reason", "the share is the company's word"]) == 0
    assert main(["review", "list", "--kind", "claim", "--state", "all", "--format", "json"]) == 0
    listed = {i["id"]: i for i in json.loads(capsys.readouterr().out.split("\n", 1)[1])}
    retired = listed[item]["properties"]
    assert retired["state"] == "rejected"
    assert retired["review_reason"] == "the share is the company's word"
    assert retired["reviewed_by"] == "dyad review reject"
    assert queued.read_text("MATCH ()-[r:IMPORTS_FROM]->() RETURN r", {}) == []
    with pytest.raises(InvalidInputError, match="already rejected"):
        accept(queued, item)


def test_linking_a_name_records_a_mention_of_the_node(queued: GraphClient) -> None:
    item = _item(queued, "Osterbay Institute")
    link(queued, item, "organization:test-fictional-ministry")
    rows = queued.read_text(
        "MATCH (s:Source)-[m:MENTIONS]->(:Organization {id: 'organization:test-fictional-ministry'}) "
        "RETURN substring(s.text, m.start_char, m.end_char - m.start_char) AS said",
        {},
    )
    assert rows == [{"said": "Osterbay Institute"}]


def _steps(answer: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    return {
        (s["cause"]["id"], s["relation"], s["effect"]["id"], s["method"])
        for chain in answer["data"]["causalChains"]
        for s in chain["steps"]
    }


@pytest.mark.anyio
async def test_pending_items_stay_out_of_chains_search_and_export(
    queued: GraphClient, graph_settings_env: None, tmp_path: Path
) -> None:
    extracted = ("mineral:Ga", "DEPENDS_ON", LASERS, "EXTRACTED")
    assert extracted not in _steps(await graphql_answer(queued, CHAINS, **{"from": POLICY}))
    found = await graphql_answer(queued, SEARCH, text="Quillmere")
    assert found["data"]["search"]["nodes"] == []
    export = tmp_path / "graph.json"
    assert main(["export", "--format", "nodelink", "-o", str(export)]) == 0
    ids = {n["id"] for n in json.loads(export.read_text())["nodes"]}
    assert POLICY in ids
    assert not any(i.startswith("candidate") for i in ids)
    assert "pending" not in export.read_text()

    # Accepted, they are knowledge: the claim joins the chain, the name is found.
    accept(queued, _claim(queued, "DEPENDS_ON"))
    accept(queued, _item(queued, "Quillmere Magnetics Ltd"))
    assert extracted in _steps(await graphql_answer(queued, CHAINS, **{"from": POLICY}))
    found = await graphql_answer(queued, SEARCH, text="Quillmere")
    assert [n["id"] for n in found["data"]["search"]["nodes"]] == [
        "organization:quillmere-magnetics-ltd"
    ]


@pytest.mark.anyio
async def test_the_article_source_does_not_show_its_queue_as_neighbours(
    queued: GraphClient, graph_settings_env: None
) -> None:
    source = next(
        i.source for i in list_items(queued) if i.properties["name"] == "Quillmere Magnetics Ltd"
    )
    query = """query($id: ID!) {
      node(id: $id) { id relations { type other { id } } }
      neighbourhood(id: $id) { nodes { data { id } } } }"""
    answer = await graphql_answer(queued, query, id=source)
    assert "errors" not in answer
    related = {r["other"]["id"] for r in answer["data"]["node"]["relations"]}
    drawn = {n["data"]["id"] for n in answer["data"]["neighbourhood"]["nodes"]}
    assert {"country:JPN", "mineral:Dy"} <= related
    assert source in drawn
    assert not any(i.startswith("candidate") for i in related | drawn)
