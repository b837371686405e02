"""Dates that keep their precision: ranges in the graph, in sorting and filters, in the
curated timeline, and in researchers' Cypher parameters."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from api import ApiSettings, create_app
from api.cli import main
from graph import GraphClient, GraphSettings
from graph.research_runner import ResearchSettings, run_canned
from loaders import CORPUS_DIR, load_corpus
from loaders.research_data import load_gdelt
from schema import Statement
from tests.conftest import ROOT
from tests.http import graphql_answer, in_process

# Slow tier (`make test-fast` leaves it out): graphs of their own, reloaded per test.
pytestmark = [pytest.mark.usefixtures("graph_settings_env"), pytest.mark.slow]
MOTEGI = "statement:motegi-2025-11-xue-regrettable"  # date: 2025-11 (month only)
XUE_POST = "statement:xue-jian-2025-11-08-x-post"  # what Motegi RESPONDS_TO, a day
GDELT = ROOT / "tests" / "data" / "research" / "synthetic_gdelt_chn_jpn.tsv"

# A month-only cause with a day-precision reaction inside its month, and a reaction to that.
SAME_MONTH = """
sources:
  - {id: "source:t", name: T, title: T, publisher: Dyad tests, origin: Dyad tests,
     reliability: A, source_kind: dataset, citation: Synthetic test fixture}
countries:
  - {id: "country:JPN", name: Japan, iso3: JPN, sources: ["source:t"]}
statements:
  - {id: "statement:cause", name: Cause, date: 2025-11, summary: s, stance: hostile,
     sources: ["source:t"]}
  - {id: "statement:answer", name: Answer, date: 2025-11-05, summary: s, stance: critical,
     sources: ["source:t"]}
  - {id: "statement:late", name: Late, date: 2025-11, summary: s, stance: neutral,
     sources: ["source:t"]}
policies:
  - {id: "policy:step", name: Step, policy_type: regulation, summary: s, announced: 2025-11-10,
     sources: ["source:t"]}
relationships:
  - {start: "statement:answer", type: RESPONDS_TO, end: "statement:cause", sources: ["source:t"],
     confidence: 1.0, status: confirmed}
  - {start: "statement:cause", type: PROVOKED, end: "policy:step", sources: ["source:t"],
     confidence: 1.0, status: confirmed}
  - {start: "statement:cause", type: ABOUT, end: "country:JPN", sources: ["source:t"],
     confidence: 1.0, status: confirmed}
"""


async def ask(client: GraphClient, query: str, **variables: Any) -> dict[str, Any]:
    body = await graphql_answer(client, query, **variables)
    assert "errors" not in body, body
    return body


def _timeline_ids(body: dict[str, Any]) -> list[str]:
    return [item["id"] for item in body["data"]["timeline"]["items"]]


def test_a_month_only_date_is_stored_with_the_last_day_it_covers() -> None:
    base = {"id": "statement:x", "name": "X", "summary": "s", "stance": "neutral"}
    month = Statement(**base, date="2024-02", sources=("source:s",)).properties()
    assert (month["date"], month["date_latest"]) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    year = Statement(**base, date="2025", sources=("source:s",)).properties()
    assert (year["date"], year["date_latest"]) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    day = Statement(**base, date="2025-11-08", sources=("source:s",)).properties()
    assert day["date"] == day["date_latest"] == dt.date(2025, 11, 8)
    # what was stored reads back (the audit does), and a wrong last day is refused
    assert Statement.model_validate(month).properties() == month
    with pytest.raises(ValueError, match="date_latest 2024-02-28 is not the last day"):
        Statement.model_validate(month | {"date_latest": dt.date(2024, 2, 28)})


def test_the_corpus_stores_ranges_as_dates(corpus_client: GraphClient) -> None:
    rows = corpus_client.read_text(
        "MATCH (s:Statement {id: $id}) RETURN s.date AS first, s.date_latest AS last",
        {"id": MOTEGI},
    )
    assert [(r["first"].to_native(), r["last"].to_native()) for r in rows] == [
        (dt.date(2025, 11, 1), dt.date(2025, 11, 30))
    ]
    missing = corpus_client.read_text(
        "MATCH (n:Statement|Policy|Event) "
        "WHERE n.date_latest IS NULL AND n.announced_latest IS NULL RETURN count(n) AS n",
        {},
    )
    assert missing[0]["n"] == 0


@pytest.mark.anyio
async def test_a_month_only_reaction_never_sorts_before_the_day_it_responds_to(
    corpus_client: GraphClient,
) -> None:
    body = await ask(corpus_client, "{ timeline(first: 1000) { items { id } capped } }")
    ids = _timeline_ids(body)
    assert not body["data"]["timeline"]["capped"]
    assert ids.index(XUE_POST) < ids.index(MOTEGI)
    query = """query($order: SortOrder!, $after: String) {
      statements(sort: DATE, order: $order, first: 25, after: $after) {
        nodes { id } pageInfo { hasNextPage endCursor } } }"""
    for order in ("ASC", "DESC"):
        listed: list[str] = []
        after = None
        while True:  # paged by cursor: the keys must page as they sort
            page = (await ask(corpus_client, query, order=order, after=after))["data"]
            listed += [n["id"] for n in page["statements"]["nodes"]]
            if not page["statements"]["pageInfo"]["hasNextPage"]:
                break
            after = page["statements"]["pageInfo"]["endCursor"]
        assert len(listed) == len(set(listed))
        before = listed.index(XUE_POST) < listed.index(MOTEGI)
        assert before == (order == "ASC")


@pytest.mark.anyio
async def test_a_month_only_cause_sorts_before_its_reactions_within_its_month(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    world = tmp_path / "same_month.yaml"
    world.write_text(SAME_MONTH, encoding="utf-8")
    load_corpus(empty_client, [world])
    body = await ask(empty_client, "{ timeline { items { id } } }")
    # by the last day alone the answer (5 Nov) and the step (10 Nov) would come before their
    # cause (30 Nov); causality narrows the cause to "by 5 Nov"
    assert _timeline_ids(body) == [
        "statement:cause",
        "statement:answer",
        "policy:step",
        "statement:late",
    ]
    page = await ask(empty_client, "{ statements(sort: DATE) { nodes { id } } }")
    assert [n["id"] for n in page["data"]["statements"]["nodes"]] == [
        "statement:cause",
        "statement:answer",
        "statement:late",
    ]


@pytest.mark.anyio
async def test_from_and_to_keep_what_overlaps_them(corpus_client: GraphClient) -> None:
    window = {"from": "2025-11-15", "to": "2025-11-20"}
    body = await ask(
        corpus_client,
        "query($from: Date, $to: Date) { timeline(from: $from, to: $to) { items { id } } }",
        **window,
    )
    ids = _timeline_ids(body)
    assert MOTEGI in ids  # November covers the window
    assert XUE_POST not in ids  # 8 November does not
    page = await ask(
        corpus_client,
        """query($from: Date, $to: Date) {
             statements(filter: {from: $from, to: $to}, first: 100) { nodes { id } } }""",
        **window,
    )
    listed = [n["id"] for n in page["data"]["statements"]["nodes"]]
    assert MOTEGI in listed
    assert XUE_POST not in listed


@pytest.mark.anyio
async def test_the_default_timeline_is_curated_and_counts_coded_events_apart(
    empty_client: GraphClient,
) -> None:
    load_corpus(empty_client, [CORPUS_DIR])
    query = """query($datasets: [String!], $first: Int!) {
      timeline(datasets: $datasets, first: $first) {
        totalCount capped codedEvents items { id ... on Event { dataset } } } }"""

    async def timeline(datasets: list[str] | None, first: int = 1000) -> dict[str, Any]:
        body = await ask(empty_client, query, datasets=datasets, first=first)
        return dict(body["data"]["timeline"])

    curated = await timeline(None)
    assert curated["codedEvents"] == 0
    load_gdelt(empty_client, [GDELT], options={"actors": "CHN,JPN"})
    default, asked, capped = (
        await timeline(None),
        await timeline(["gdelt"]),
        await timeline(None, 5),
    )
    coded = asked["codedEvents"]
    assert coded > 0
    assert default == curated | {"codedEvents": coded}
    assert sum(1 for item in asked["items"] if item.get("dataset") == "gdelt") == coded
    assert asked["totalCount"] == curated["totalCount"] + coded
    assert capped["capped"]
    assert len(capped["items"]) == 5
    assert capped["totalCount"] == curated["totalCount"]
    assert await timeline(["polecat"]) == default


def _cypher(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[Any, str]:
    capsys.readouterr()
    assert main(["cypher", *args, "--format", "json"]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_cypher_date_parameters_compare_with_stored_dates(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    truth = corpus_client.read_text(
        "MATCH (p:Policy) WHERE p.announced.year >= 2026 RETURN count(p) AS n", {}
    )[0]["n"]
    assert truth > 0
    text = "MATCH (p:Policy) WHERE p.announced >= $d RETURN count(p)"
    body, _ = _cypher(capsys, text, "--param", "d=2026-01-01")
    assert body["rows"] == [[truth]]
    body, _ = _cypher(capsys, text, "--param", "d:date=2026-01-01")
    assert body["rows"] == [[truth]]
    body, _ = _cypher(
        capsys,
        "RETURN $d AS d, $n AS n",
        "--param",
        "d:string=2026-01-01",
        "--param",
        "n=2026-02-30",
    )
    assert body["rows"] == [["2026-01-01", "2026-02-30"]]  # asked for text; not a real day
    capsys.readouterr()
    assert main(["cypher", "RETURN $d", "--param", "d:when=2026"]) == 2
    assert "the type must be one of" in capsys.readouterr().err


def test_neo4j_warnings_reach_the_researcher(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    body, err = _cypher(capsys, "MATCH (p:Polcy) RETURN count(p) AS n")
    assert body["rows"] == [[0]]
    assert "Polcy" in err
    assert "warning" in err
    assert any("Polcy" in note["description"] for note in body["notifications"])
    clean = run_canned(corpus_client, "controls_in_force", {}, ResearchSettings())
    assert clean.rows
    assert clean.notifications == []


@pytest.mark.anyio
async def test_the_http_runner_answers_notifications(corpus_client: GraphClient) -> None:
    app = create_app(ApiSettings(), GraphSettings(), client=corpus_client)
    async with in_process(app) as http:
        response = await http.get("/queries/controls_in_force.json?date=2026-02-01")
    body = response.json()
    assert response.status_code == 200
    assert body["rows"]
    assert body["notifications"] == []
