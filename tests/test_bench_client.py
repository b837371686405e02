"""The benchmark's own parts: its timed HTTP client reads what `dyad serve` answers as httpx
does, its driver floor reads the rows the client reads, and the plans page profiles the
queries the API sends."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from bench.driver_floor import documented_read
from bench.growth import memory_of
from bench.lean_http import LeanHttp, LeanHttpError
from bench.plans import PLAN_CASES, profiled_case
from graph import GraphClient, GraphSettings
from tests.conftest import _RunServer
from tests.http import dyad_serve

pytestmark = pytest.mark.slow  # `dyad serve` in its own process

QUERY = '{ node(id: "country:JPN") { id name } search(text: "rare earth", first: 3) { capped } }'


@pytest.fixture
def served(corpus_client: GraphClient, graph_settings: GraphSettings) -> Iterator[str]:
    with dyad_serve(graph_settings.effective_uri()) as url:
        yield f"{url}/graphql"


def test_lean_client_answers_as_httpx_does_request_after_request(served: str) -> None:
    expected = httpx.post(served, json={"query": QUERY}, timeout=30)
    lean = LeanHttp(served)
    try:
        answers = [lean.post({"query": QUERY}) for _ in range(3)]  # one connection, kept alive
        assert lean.status == expected.status_code == 200
        assert lean.headers["content-type"] == expected.headers["content-type"]
        timing = lean.timing
        bad = lean.post({"query": "{ node(id: 1) { nope } }"})
    finally:
        lean.close()
    assert answers == [expected.json()] * 3
    assert answers[0]["data"]["node"] == {"id": "country:JPN", "name": "Japan"}
    assert timing["total"] >= timing["graph"] > 0
    assert lean.status == 200
    assert bad["errors"][0]["locations"]


def test_lean_client_refuses_what_it_does_not_speak(served: str) -> None:
    with pytest.raises(LeanHttpError, match="only http://host:port/path"):
        LeanHttp(served.replace("http://", "https://"))
    lean = LeanHttp(served)
    lean.socket.shutdown(2)  # the connection is gone: an error, not an empty answer
    with pytest.raises((LeanHttpError, OSError)):
        lean.post({"query": QUERY})
    lean.close()


def test_the_benchmarks_floor_reads_the_same_rows_through_execute_query(
    graph_client: GraphClient,
) -> None:
    text = "UNWIND range(1, 3) AS x RETURN x, date('2025-11-07') AS day"
    floor = documented_read(graph_client, text, {})
    assert floor == graph_client.read_text(text, {})
    assert floor[0]["day"].isoformat() == "2025-11-07"


def test_the_plans_page_profiles_every_hot_request_as_the_api_sends_it(
    corpus_client: GraphClient, graph_settings: GraphSettings
) -> None:
    """docs/PLANS.md (``make plans``): each request is one the API answers, and its query's
    plan comes back as an operator tree with db hits."""
    for case in PLAN_CASES:
        hits, tree = profiled_case(corpus_client, graph_settings.effective_uri(), case)
        assert hits > 0, case.name
        assert tree[0].startswith("ProduceResults"), (case.name, tree[0])
        assert any("NodeUniqueIndexSeek" in line or "Index" in line for line in tree), case.name


def test_the_growth_step_measures_what_neo4j_holds_in_memory_and_on_disk(
    corpus_client: GraphClient,
) -> None:
    """`make bench` states memory as measured (#24): the store a page cache must hold, the
    heap in use against its maximum, and the server's resident memory."""
    if _RunServer.home is None:
        pytest.skip("NEO4J_URI names a server whose files are not on this machine")
    memory = memory_of(corpus_client, _RunServer.home)
    assert memory["store_mib"] > 1  # the corpus, its indexes and its list keys
    assert 0 < memory["heap_used_mib"] <= memory["heap_max_mib"]
    assert memory["rss_mib"] > memory["store_mib"]
