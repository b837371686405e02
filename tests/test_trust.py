"""Trust: Neo4j down means 503 and recovery without a restart; a load killed midway leaves
whole transactions only and completes when run again; CORS only for configured origins."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from api import ApiSettings, create_app
from graph import (
    GraphClient,
    GraphSettings,
    LocalServer,
    fingerprint,
    migrate,
    open_driver,
)
from loaders import LoadFailedError, load_corpus
from loaders.write import plan_and_write
from schema import Country, Relationship, Reliability, Source, SourceKind
from tests.conftest import ROOT
from tests.http import in_process

pytestmark = [
    pytest.mark.slow,  # starts, stops and kills a Neo4j of its own
    pytest.mark.skipif(
        bool(os.environ.get("NEO4J_URI")), reason="needs a local server it may stop and kill"
    ),
]
MINI = ROOT / "tests" / "data" / "mini_corpus.yaml"
#: Countries in the killed load (and WORLD - 1 relationships among them).
WORLD = 5_000


@pytest.mark.anyio
async def test_neo4j_down_is_503_and_the_api_recovers_without_a_restart(
    own_server: LocalServer,
) -> None:
    app = create_app(ApiSettings(), GraphSettings(uri=own_server.bolt_uri))
    query = {"query": "{ countries { totalCount } }"}
    async with in_process(app) as http:
        assert (await http.post("/graphql", json=query)).status_code == 200
        own_server.stop()
        down = await http.post("/graphql", json=query)
        assert down.status_code == 503
        assert down.json()["errors"][0]["extensions"]["code"] == "NEO4J_UNAVAILABLE"
        health = await http.get("/healthz")
        assert health.status_code == 503
        assert "unavailable" in health.json()["neo4j"]["error"].lower()
        own_server.start()
        back = await http.post("/graphql", json=query)
        assert back.status_code == 200, back.json()
        assert (await http.get("/healthz")).status_code == 200


def _big_world(count: int) -> tuple[list[object], list[Relationship]]:
    source = Source(
        id="source:s",
        name="s",
        title="t",
        publisher="p",
        origin="p",
        reliability=Reliability.A,
        source_kind=SourceKind.DATASET,
        citation="synthetic",
    )
    nodes: list[object] = [source]
    rels = []
    for i in range(count):
        nodes.append(
            Country(id=f"country:X{i}", name=f"Land {i}", iso3="XXX", sources=["source:s"])
        )
        if i:
            rels.append(
                Relationship(
                    start=f"country:X{i}",
                    type="IMPORTS_FROM",
                    end=f"country:X{i - 1}",
                    sources=["source:s"],
                    confidence=0.5,
                    status="unverified",
                )
            )
    return nodes, rels


def test_a_load_killed_midway_writes_nothing_and_completes_when_run_again(
    own_server: LocalServer,
) -> None:
    nodes, rels = _big_world(WORLD)
    driver = open_driver(GraphSettings(), own_server.bolt_uri)
    client = GraphClient(driver)
    migrate(client)
    load_corpus(client, [MINI])
    before = fingerprint(client)
    failure: list[BaseException] = []
    # The loader reports progress after each label's rows: the first report means rows are
    # written and the transaction is open. The load waits there until Neo4j is killed.
    written = threading.Event()
    killed = threading.Event()
    progress: list[tuple[int, int]] = []

    def first_rows_then_hold(done: int, total: int) -> None:
        progress.append((done, total))
        if not written.is_set():
            written.set()
            assert killed.wait(timeout=60), "Neo4j was never killed"

    def load() -> None:
        try:
            plan_and_write(
                client,
                nodes,  # type: ignore[arg-type]
                rels,
                batch_size=500,
                by="test",
                progress=first_rows_then_hold,
            )
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=load)
    worker.start()
    assert written.wait(timeout=120), "the load wrote nothing"
    pid = own_server.status().pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    killed.set()
    worker.join(timeout=120)
    driver.close()
    assert progress[0][0] < progress[0][1]  # killed midway: relationships still to write
    assert failure, "the load did not report the fault"
    assert isinstance(failure[0], LoadFailedError)
    assert "nothing was written" in str(failure[0])

    own_server.start()
    driver = open_driver(GraphSettings(), own_server.bolt_uri)
    try:
        client = GraphClient(driver)
        assert fingerprint(client) == before  # whole transactions only: none of the load
        plan_and_write(client, nodes, rels, batch_size=5000, by="test")  # type: ignore[arg-type]
        once = fingerprint(client)
        assert once.labels["Country"] == 2 + WORLD
        client.autocommit("graph/clear")
        load_corpus(client, [MINI])
        plan_and_write(client, nodes, rels, batch_size=5000, by="test")  # type: ignore[arg-type]
        assert fingerprint(client) == once  # same as an uninterrupted load
    finally:
        driver.close()


@pytest.mark.anyio
async def test_cors_only_for_configured_origins(
    graph_client: GraphClient, graph_settings: GraphSettings
) -> None:
    allowed = "http://127.0.0.1:3000"
    settings = ApiSettings(cors_origins=(allowed,))
    app = create_app(settings, graph_settings, client=graph_client)
    async with in_process(app) as http:
        preflight = {"access-control-request-method": "POST"}
        ok = await http.options("/graphql", headers={"origin": allowed, **preflight})
        assert ok.headers.get("access-control-allow-origin") == allowed
        other = await http.options("/graphql", headers={"origin": "http://evil.test", **preflight})
        assert "access-control-allow-origin" not in other.headers
    closed = create_app(ApiSettings(), graph_settings, client=graph_client)
    async with in_process(closed) as http:
        response = await http.post(
            "/graphql", json={"query": "{ __typename }"}, headers={"origin": allowed}
        )
        assert "access-control-allow-origin" not in response.headers
