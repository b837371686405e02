"""The canned queries: documented headers, declared parameters, EXPLAIN, and rows on the corpus."""

from __future__ import annotations

import datetime as dt
import re
import shlex

import pytest

from api.cli import _parser
from graph import GraphClient
from graph.research_catalog import PARAM_TYPES, canned, catalog
from graph.research_errors import BadParameterError, UnknownQueryError
from graph.research_runner import ResearchSettings, run_canned
from schema import CAUSAL_TYPES, CausalDirection

NAMES = list(catalog())
SETTINGS = ResearchSettings()
_PARAM_USE = re.compile(r"\$(\w+)")

#: What the issue asks the catalog to cover, and the query that covers it.
COVERAGE = {
    "chains remark → control → industry": "chains_remark_to_industry",
    "who said what, when": "statements_by_speaker",
    "controls in force on a date": "controls_in_force",
    "minerals a country restricts": "minerals_restricted_by_country",
    "Japanese industries ranked by exposure": "industries_by_exposure",
    "alternative suppliers of a mineral": "alternative_suppliers",
    "2010 and 2025 episodes side by side": "episodes_side_by_side",
    "statements that preceded a policy by at most N days": "statements_before_policy",
    "sources behind a claim": "sources_behind_claim",
    "contested claims": "contested_claims",
    "shortest explanation between two nodes": "shortest_explanation",
}


def test_the_catalog_has_at_least_fifteen_queries_covering_the_issue() -> None:
    assert len(NAMES) >= 15
    assert set(COVERAGE.values()) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_header_documents_the_query(name: str) -> None:
    query = canned(name)
    assert query.title
    assert query.description
    assert query.example
    assert query.example.startswith(f"dyad query {name}")
    for param in query.parameters:
        assert param.type in PARAM_TYPES
        assert param.description


@pytest.mark.parametrize("name", NAMES)
def test_declared_parameters_are_exactly_the_ones_used(name: str) -> None:
    query = canned(name)
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("//"))
    assert set(_PARAM_USE.findall(body)) == {p.name for p in query.parameters}


@pytest.mark.parametrize("name", NAMES)
def test_every_example_is_a_valid_command(name: str) -> None:
    query = canned(name)
    args = _parser().parse_args(shlex.split(query.example)[1:])
    assert args.name == name
    given = dict(pair.split("=", 1) for pair in args.param)
    query.bind(given)  # raises on an unknown parameter or a bad value


@pytest.mark.slow  # plans and runs every research query
@pytest.mark.parametrize("name", NAMES)
def test_every_query_passes_explain_with_its_defaults(graph_client: GraphClient, name: str) -> None:
    query = canned(name)
    graph_client.read_text("EXPLAIN " + query.text, query.bind({}), name=name)


@pytest.mark.slow  # plans and runs every research query
@pytest.mark.parametrize("name", NAMES)
def test_every_query_returns_rows_on_the_corpus(corpus_client: GraphClient, name: str) -> None:
    result = run_canned(corpus_client, name, {}, SETTINGS)
    assert result.rows, f"{name} returned no rows on the corpus"
    assert all(len(row) == len(result.columns) for row in result.rows)


@pytest.mark.slow  # plans and runs every research query
@pytest.mark.parametrize("name", NAMES)
def test_every_example_returns_rows_on_the_corpus(corpus_client: GraphClient, name: str) -> None:
    args = _parser().parse_args(shlex.split(canned(name).example)[1:])
    params = dict(pair.split("=", 1) for pair in args.param)
    assert run_canned(corpus_client, name, params, SETTINGS).rows


def test_the_remark_reaches_japanese_magnet_makers_through_a_control(
    corpus_client: GraphClient,
) -> None:
    result = run_canned(corpus_client, "chains_remark_to_industry", {}, SETTINGS)
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    dysprosium = [
        r for r in rows if r["mineral"] == "Dysprosium" and "NdFeB magnet" in r["industry"]
    ]
    assert dysprosium
    assert (
        next(n["id"] for n in dysprosium[0]["chain"].nodes) == "statement:takaichi-2025-11-07-diet"
    )
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    ids = {n.id for n in result.graph.nodes}
    assert {"statement:takaichi-2025-11-07-diet", "mineral:Dy", "industry:jpn-ndfeb-magnets"} <= ids
    assert all(e.start in ids and e.end in ids for e in result.graph.edges)


def test_controls_in_force_follow_the_date(corpus_client: GraphClient) -> None:
    def policies(day: str) -> set[str]:
        result = run_canned(corpus_client, "controls_in_force", {"date": day}, SETTINGS)
        return {row[-1]["id"] for row in result.rows}

    assert "policy:cn-2025-04-ree" not in policies("2025-04-03")
    assert "policy:cn-2025-04-ree" in policies("2025-04-04")
    # suspended on 2025-11-07 until 2026-11-10
    assert "policy:cn-2025-10-no57" not in policies("2025-12-01")


def test_statements_before_a_policy_stay_within_the_window(corpus_client: GraphClient) -> None:
    result = run_canned(corpus_client, "statements_before_policy", {"days": "10"}, SETTINGS)
    days = [row[result.columns.index("days_before")] for row in result.rows]
    assert days
    assert all(0 <= d <= 10 for d in days)
    wider = run_canned(corpus_client, "statements_before_policy", {"days": "90"}, SETTINGS)
    assert len(wider.rows) > len(result.rows)


def test_contested_claims_are_only_alleged_or_unverified(corpus_client: GraphClient) -> None:
    result = run_canned(corpus_client, "contested_claims", {}, SETTINGS)
    statuses = {row[result.columns.index("status")] for row in result.rows}
    assert statuses == {"alleged", "unverified"}
    only = run_canned(corpus_client, "contested_claims", {"statuses": "alleged"}, SETTINGS)
    assert {row[2] for row in only.rows} == {"alleged"}


def test_alternative_suppliers_are_outside_china(corpus_client: GraphClient) -> None:
    result = run_canned(corpus_client, "alternative_suppliers", {}, SETTINGS)
    countries = {row[result.columns.index("country")] for row in result.rows}
    assert countries
    assert "China" not in countries


def test_the_causal_query_follows_the_vocabulary_directions() -> None:
    text = canned("causal_effects").text
    forward = re.search(r"type\(r\) IN \[([^\]]+)\] AND startNode", text)
    backward = re.search(r"type\(r\) IN \[([^\]]+)\] AND endNode", text)
    assert forward
    assert backward

    def types(match: re.Match[str]) -> set[str]:
        return {t.strip(" '") for t in match.group(1).split(",")}

    assert types(forward) == {
        t.value for t, d in CAUSAL_TYPES.items() if d is CausalDirection.FORWARD
    }
    assert types(backward) == {
        t.value for t, d in CAUSAL_TYPES.items() if d is CausalDirection.BACKWARD
    }


def test_parameters_are_coerced_and_checked() -> None:
    query = canned("statements_before_policy")
    assert query.bind({"days": "30"})["days"] == 30
    assert canned("controls_in_force").bind({"date": "2025-06-01"})["date"] == dt.date(2025, 6, 1)
    assert canned("contested_claims").bind({"statuses": "alleged, unverified"})["statuses"] == [
        "alleged",
        "unverified",
    ]
    with pytest.raises(BadParameterError, match="parameter 'days' must be an integer; got 'soon'"):
        query.bind({"days": "soon"})
    with pytest.raises(BadParameterError, match="has no parameter 'dayz'; it takes policy, days"):
        query.bind({"dayz": "3"})
    with pytest.raises(UnknownQueryError, match="no canned query named 'nope'"):
        canned("nope")
