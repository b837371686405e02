"""causalChains searches by branch and bound; its answers must be exactly the best of all
chains, as the exhaustive research query causal_chains_all enumerates them."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from graph import GraphClient
from graph.research_runner import ResearchSettings, run_canned
from loaders import load_corpus
from loaders.synth import Anchors, load_synthetic
from tests.test_graphql_api import WORLD, ask

# In-process apps read GraphQL through their own async driver, to NEO4J_URI: the test server.
# Slow tier (`make test-fast` leaves it out): exhaustive chain searches compared with the ranked one.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env"), pytest.mark.slow]
CHAINS = """query($from: ID!, $kind: NodeKind, $country: ID, $hops: Int!, $min: Float!,
                  $asOf: Date, $first: Int!) {
  causalChains(from: $from, toKind: $kind, toCountry: $country, maxHops: $hops,
               minConfidence: $min, asOf: $asOf, first: $first) {
    score hops nodes { id } steps { cause { id } effect { id } confidence } } }"""
KINDS = {None: None, "INDUSTRY": "Industry", "ORGANIZATION": "Organization"}


async def _both(client: GraphClient, start: str, **case: Any) -> tuple[list[Any], list[Any]]:
    status, body = await ask(
        client,
        CHAINS,
        **{
            "from": start,
            "kind": case["kind"],
            "country": case["country"],
            "hops": case["hops"],
            "min": case["min"],
            "asOf": case.get("as_of"),
            "first": case["first"],
        },
    )
    assert status == 200, body
    api = [
        ([n["id"] for n in chain["nodes"]], round(chain["score"], 3), chain["hops"])
        for chain in body["data"]["causalChains"]
    ]
    research = run_canned(
        client,
        "causal_chains_all",
        {
            "from": start,
            "toKind": KINDS[case["kind"]],
            "toCountry": case["country"],
            "maxHops": case["hops"],
            "minConfidence": case["min"],
            "asOf": case.get("as_of"),
            "limit": case["first"],
        },
        ResearchSettings(),
    )
    columns = research.columns
    every = [
        (row[columns.index("ids")], row[columns.index("score")], row[columns.index("hops")])
        for row in research.rows
    ]
    return api, every


@pytest.mark.slow  # 216 questions in a synthetic world
async def test_the_search_finds_exactly_the_best_of_all_chains_in_a_synthetic_world(
    empty_client: GraphClient,
) -> None:
    load_synthetic(empty_client, 2)
    starts = [Anchors.statement, "policy:synth-0-0", "mineral:synth-1"]
    grid = itertools.product(starts, KINDS, (None, Anchors.home), (2, 4, 6), (0.0, 0.7), (1, 10))
    compared = chains = 0
    for start, kind, country, hops, least, first in grid:
        case = {"kind": kind, "country": country, "hops": hops, "min": least, "first": first}
        api, every = await _both(empty_client, start, **case)
        assert api == every, (start, case)
        compared += 1
        chains += len(api)
    assert compared == 216
    assert chains > 400  # most questions have answers, so the comparison means something


async def test_the_search_finds_exactly_the_best_of_all_chains_in_the_corpus(
    corpus_client: GraphClient,
) -> None:
    remark = "statement:takaichi-2025-11-07-diet"
    cases: list[dict[str, Any]] = [
        {"kind": "INDUSTRY", "country": "country:JPN", "hops": 6, "min": 0.0, "first": 25},
        {"kind": None, "country": None, "hops": 4, "min": 0.0, "first": 50},
        {"kind": None, "country": None, "hops": 6, "min": 0.6, "first": 50},
        {"kind": "INDUSTRY", "country": None, "hops": 5, "min": 0.0, "first": 3},
        {"kind": "INDUSTRY", "country": None, "hops": 6, "min": 0.0, "first": 25,
         "as_of": "2025-12-01"},
    ]  # fmt: skip
    for case in cases:
        api, every = await _both(corpus_client, remark, **case)
        assert api, case
        assert api == every, case


async def test_ties_and_small_limits_keep_the_exhaustive_order(empty_client: GraphClient) -> None:
    """Equal scores rank by fewer hops, then by the nodes' ids, also when the bound prunes."""
    load_corpus(empty_client, WORLD)
    for first in (1, 2, 3, 5):
        api, every = await _both(
            empty_client,
            "statement:remark",
            kind=None, country=None, hops=6, min=0.0, first=first,
        )  # fmt: skip
        assert api == every
        assert len(api) == first
