"""``dyad synth``: a deterministic synthetic world, streamed into the batched loader."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from api.cli import main
from graph import GraphClient, fingerprint
from loaders import RefusedError
from loaders.corpus import CORPUS_DIR, load_corpus
from loaders.synth import Anchors, load_synthetic, synthetic_world
from schema import Node, Relationship
from tests.test_graphql_api import ask

# In-process apps read GraphQL through their own async driver, to NEO4J_URI: the test server.
pytestmark = [
    pytest.mark.slow,  # loads synthetic worlds
    pytest.mark.usefixtures("graph_settings_env"),
]


def _digest(items: list[Node | Relationship]) -> list[str]:
    return [repr(item) for item in items]


def test_the_same_seed_gives_the_same_world_and_another_seed_another() -> None:
    once = _digest(list(synthetic_world(2, seed=7)))
    assert once == _digest(list(synthetic_world(2, seed=7)))
    assert once != _digest(list(synthetic_world(2, seed=8)))


def test_a_larger_scale_contains_the_smaller_world_unchanged() -> None:
    small = _digest(list(synthetic_world(2)))
    large = _digest(list(synthetic_world(3)))
    assert large[: len(small)] == small
    assert _digest(list(synthetic_world(3, first_block=2))) == large[len(small) :]


def test_every_relationship_comes_after_both_of_its_ends() -> None:
    seen: set[str] = set()
    for item in synthetic_world(6):
        if isinstance(item, Node):
            assert item.id not in seen, f"{item.id} twice"
            seen.add(item.id)
        else:
            assert item.start in seen, item.identity
            assert item.end in seen, item.identity


def test_scale_one_is_about_the_corpus_and_each_block_adds_about_4000_rows() -> None:
    items = list(synthetic_world(1))
    nodes = sum(isinstance(i, Node) for i in items)
    assert 800 <= nodes <= 1_300  # the corpus has 601 nodes and 945 relationships
    late = list(synthetic_world(701, first_block=700))  # every reference kind at its cap
    late_nodes = sum(isinstance(i, Node) for i in late)
    assert 950 <= late_nodes <= 1_050  # so scale 1000 is about a million nodes
    assert 2_800 <= len(late) - late_nodes <= 3_200  # and about three million relationships


def test_activity_piles_onto_a_few_hub_states() -> None:
    involves: Counter[str] = Counter(
        item.end
        for item in synthetic_world(5)
        if isinstance(item, Relationship) and item.type.value == "INVOLVES"
    )
    degrees = sorted(involves.values(), reverse=True)
    assert degrees[0] > 10 * degrees[len(degrees) // 2]
    assert involves.most_common(1)[0][0] == Anchors.hub


def test_loading_twice_changes_nothing_and_growing_equals_loading_at_once(
    empty_client: GraphClient,
) -> None:
    summary = load_synthetic(empty_client, 2, batch_size=1_500)
    created = sum(c.created for c in (*summary.labels.values(), *summary.types.values()))
    grown = fingerprint(empty_client)
    assert created == grown.nodes + grown.relationships
    again = load_synthetic(empty_client, 2, batch_size=1_500)
    assert again.changed == 0
    assert fingerprint(empty_client) == grown

    empty_client.autocommit("graph/clear")
    load_synthetic(empty_client, 1)
    load_synthetic(empty_client, 2, first_block=1)
    assert fingerprint(empty_client) == grown


def test_a_graph_holding_research_data_is_refused(empty_client: GraphClient) -> None:
    load_corpus(empty_client, [CORPUS_DIR])
    before = fingerprint(empty_client)
    with pytest.raises(RefusedError, match="dyad synth did not make"):
        load_synthetic(empty_client, 1)
    assert fingerprint(empty_client) == before


def test_the_command_line_loads_counts_and_refuses(
    empty_client: GraphClient,
    graph_settings_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["synth", "--scale", "1", "--dry-run"]) == 0
    assert fingerprint(empty_client).nodes == 0
    assert main(["synth", "--scale", "1"]) == 0
    out = capsys.readouterr().out
    assert "rows/s" in out
    assert ":Country" in out
    assert fingerprint(empty_client).nodes > 800
    with pytest.raises(SystemExit) as exited:
        main(["synth", "--scale", "0"])
    assert exited.value.code == 2
    assert "0 is not at least 1" in capsys.readouterr().err


@pytest.mark.anyio
async def test_the_anchor_chain_reaches_industries_of_the_home_state(
    empty_client: GraphClient,
) -> None:
    load_synthetic(empty_client, 3)
    status, body = await ask(
        empty_client,
        """query($from: ID!, $home: ID!) {
             causalChains(from: $from, toKind: INDUSTRY, toCountry: $home, first: 5) {
               hops steps { cause { id } effect { id } relation sources { id } } } }""",
        **{"from": Anchors.statement, "home": Anchors.home},
    )
    assert status == 200, body
    chains: list[dict[str, Any]] = body["data"]["causalChains"]
    assert chains
    first = chains[0]["steps"]
    assert first[0]["cause"]["id"] == Anchors.statement
    assert first[0]["relation"] == "PROVOKED"
    assert all(step["sources"] for chain in chains for step in chain["steps"])


@pytest.mark.anyio
async def test_a_hub_lends_a_sample_and_the_answer_says_so(empty_client: GraphClient) -> None:
    load_synthetic(empty_client, 6)
    status, body = await ask(
        empty_client,
        "query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 50,"
        ' datasets: ["synth"]) { hubs nodes { data { id } } } }',
        id=Anchors.hub,
    )
    assert status == 200, body
    answer = body["data"]["neighbourhood"]
    assert len(answer["nodes"]) == 51  # the centre and 50 neighbours
    assert answer["hubs"] >= 1  # the centre has more relationships than the fan-out
