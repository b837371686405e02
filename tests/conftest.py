"""One real Neo4j for the whole run: a local server on a free port, or ``NEO4J_URI``.

Tiers: tests marked ``slow`` (``browser`` implies it) are left out of ``make test-fast``;
``make test`` runs every test. Slow are: browsers, servers of a test's own, synthetic worlds,
generated documents, plan checks (EXPLAIN, PROFILE), races, and walks of whole lists.

Tests that write ask for ``empty_client``: an empty, migrated database. Tests that read
the curated corpus ask for ``corpus_client``; it is loaded once and reloaded only after a
writing test has run.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from graph import (
    GraphClient,
    GraphSettings,
    LocalServer,
    LocalServerSettings,
    migrate,
    open_driver,
)
from loaders import CORPUS_DIR, load_corpus

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every browser test is slow: the fast tier (``-m "not slow"``) leaves them out.

    Within each module, tests that only read the corpus run before tests that write, so the
    corpus is loaded once per module rather than after every writing test."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
    modules: dict[str, int] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::", 1)[0], len(modules))

    def order(item: pytest.Item) -> tuple[int, bool]:
        fixtures = getattr(item, "fixturenames", ())
        writes = "empty_client" in fixtures or "corpus_client" not in fixtures
        return modules[item.nodeid.split("::", 1)[0]], writes

    items.sort(key=order)


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _DatabaseState:
    """What the shared database holds: 'unknown', 'dirty' or 'corpus'."""

    contents = "unknown"


class _RunServer:
    """The run's Neo4j: started while pytest collects, in a temporary folder of its own."""

    home: Path | None = None
    starting: Future[LocalServer] | None = None


def pytest_sessionstart(session: pytest.Session) -> None:
    """Start the run's Neo4j while pytest collects (seconds the two would otherwise add up);
    ``graph_settings`` waits for it, and the run's end stops it whether used or not."""
    if os.environ.get("NEO4J_URI") or session.config.option.collectonly:
        return
    _RunServer.home = Path(tempfile.mkdtemp(prefix="dyad-test-neo4j-"))
    server = LocalServer(
        LocalServerSettings(
            home=_RunServer.home,
            bolt_port=free_port(),
            http_port=0,
            pagecache="256m",
            exit_with_parent=True,
        )
    )

    def started() -> LocalServer:
        server.start()
        return server

    _RunServer.starting = ThreadPoolExecutor(1, "neo4j-start").submit(started)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _RunServer.starting is not None and _RunServer.starting.exception() is None:
        _RunServer.starting.result().stop(discard=True)  # killed: its data is thrown away
    if _RunServer.home is not None:
        shutil.rmtree(_RunServer.home, ignore_errors=True)


@pytest.fixture(scope="session")
def graph_settings() -> GraphSettings:
    if os.environ.get("NEO4J_URI"):
        return GraphSettings()
    assert _RunServer.starting is not None, "pytest_sessionstart starts the run's Neo4j"
    return GraphSettings(uri=_RunServer.starting.result().bolt_uri)


@pytest.fixture(scope="session")
def graph_client(graph_settings: GraphSettings) -> Iterator[GraphClient]:
    driver = open_driver(graph_settings)
    client = GraphClient(driver, database=graph_settings.database)
    migrate(client)
    try:
        yield client
    finally:
        driver.close()


def _empty(client: GraphClient) -> None:
    client.autocommit("graph/clear")
    migrate(client)


@pytest.fixture
def empty_client(graph_client: GraphClient) -> GraphClient:
    """The shared database, emptied: for tests that write (so it is dirty afterwards)."""
    _empty(graph_client)
    _DatabaseState.contents = "dirty"
    graph_client.round_trips = 0
    return graph_client


@pytest.fixture
def corpus_client(graph_client: GraphClient) -> GraphClient:
    """The shared database holding exactly the curated corpus (read-only tests)."""
    if _DatabaseState.contents != "corpus":
        _empty(graph_client)
        load_corpus(graph_client, [CORPUS_DIR])
        _DatabaseState.contents = "corpus"
    graph_client.round_trips = 0
    return graph_client


@pytest.fixture
def graph_settings_env(graph_settings: GraphSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the command line (which reads the environment) at the test database."""
    monkeypatch.setenv("NEO4J_URI", graph_settings.effective_uri())


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[LocalServer]:
    """A Neo4j of the test's own, which it may stop or kill (the run's shared one it may not)."""
    if os.environ.get("NEO4J_URI"):
        pytest.skip("needs a local server it may stop and kill")
    server = LocalServer(
        LocalServerSettings(
            home=tmp_path / "neo4j",
            bolt_port=free_port(),
            http_port=0,
            pagecache="64m",
            exit_with_parent=True,
        )
    )
    server.start()
    yield server
    server.stop()
