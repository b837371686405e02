"""Beyond one machine: the settings that let Dyad run on a cluster, tested where one server
can test them (docs/SCALING.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from api import ApiSettings, create_app
from api.cli import main
from graph import GraphClient, GraphSettings, QueryFailedError, fingerprint, open_driver
from loaders import load_corpus
from tests.http import in_process
from tests.test_graphql_api import WORLD, ask

# Slow tier (`make test-fast` leaves it out): servers and replicas of their own.
pytestmark = pytest.mark.slow


@pytest.fixture
def routed(graph_settings: GraphSettings) -> Iterator[GraphClient]:
    """A client that reaches the test server through ``neo4j://`` (a routing table)."""
    uri = graph_settings.effective_uri().replace("bolt://", "neo4j://")
    settings = GraphSettings(uri=uri)
    assert settings.routing
    driver = open_driver(settings)
    try:
        yield GraphClient(driver)
    finally:
        driver.close()


@pytest.mark.anyio
async def test_a_routing_uri_loads_reads_and_serves(
    empty_client: GraphClient,
    routed: GraphClient,
    graph_settings: GraphSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_corpus(routed, WORLD)  # writes go to the leader the routing table names
    assert fingerprint(routed) == fingerprint(empty_client)
    uri = graph_settings.effective_uri().replace("bolt://", "neo4j://")
    monkeypatch.setenv("NEO4J_URI", uri)  # GraphQL reads (``ask``) route through it too
    app = create_app(ApiSettings(), GraphSettings(uri=uri), client=routed)
    async with in_process(app) as http:
        health = await http.get("/healthz")
    assert health.status_code == 200
    assert health.json()["neo4j"]["reachable"] is True
    status, body = await ask(routed, '{ node(id: "country:JPN") { id name } }')
    assert status == 200
    assert body["data"]["node"]["name"] == "Japan"


def test_reads_run_in_read_transactions_which_a_cluster_sends_to_secondaries(
    empty_client: GraphClient,
) -> None:
    load_corpus(empty_client, WORLD)
    before = fingerprint(empty_client)
    with pytest.raises(QueryFailedError, match="read access mode"):
        empty_client.read_text("CREATE (:Entity {id: 'country:XXX'})", {})
    assert fingerprint(empty_client) == before


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("http://127.0.0.1:7474", "the scheme must be one of bolt, bolt+s"),
        ("localhost:7687", "the scheme must be one of"),
        ("neo4j://", "no host"),
    ],
)
def test_a_uri_the_driver_cannot_use_is_refused_with_the_setting_named(
    uri: str, message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        GraphSettings(uri=uri)
    monkeypatch.setenv("NEO4J_URI", uri)
    assert main(["fingerprint"]) == 2
    err = capsys.readouterr().err
    assert "bad setting" in err
    assert "NEO4J_URI" in err


@pytest.mark.anyio
async def test_api_replicas_share_nothing_a_cursor_from_one_pages_on_another(
    empty_client: GraphClient, graph_settings: GraphSettings, graph_settings_env: None
) -> None:
    """Behind a load balancer, page 2 may be asked of another replica than page 1."""
    load_corpus(empty_client, WORLD)
    query = """query($after: String) { industries(first: 1, after: $after, sort: NAME) {
                 edges { node { id } } pageInfo { endCursor } } }"""
    other_driver = open_driver(graph_settings)
    try:
        other = GraphClient(other_driver)  # a second process's driver and caches
        _, first = await ask(empty_client, query)
        cursor = first["data"]["industries"]["pageInfo"]["endCursor"]
        _, on_a = await ask(empty_client, query, after=cursor)
        _, on_b = await ask(other, query, after=cursor)
    finally:
        other_driver.close()
    assert on_a == on_b
    assert on_b["data"]["industries"]["edges"][0]["node"]["id"] == "industry:jpn-motors"
