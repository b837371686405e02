"""Reads are one auto-commit query each, and are retried as the driver retries its
transactions (graph/read_retry.py), against the real server."""

from __future__ import annotations

import asyncio
import logging

import pytest

from graph import (
    AsyncReader,
    GraphClient,
    GraphSettings,
    LocalServer,
    QueryFailedError,
    open_async_driver,
    open_driver,
)
from graph.read_retry import RetryPolicy

PATIENT = RetryPolicy(max_seconds=120.0, first_delay=0.2, multiplier=1.5)


@pytest.mark.slow  # stops and starts a Neo4j of its own
@pytest.mark.anyio
async def test_reads_sent_while_neo4j_restarts_are_retried_and_answer(
    own_server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A restart, or a cluster member leaving: reads sent meanwhile are sent again, as the
    driver retries its transactions, and answer once Neo4j is back, in the API's async
    reader and in the synchronous client alike."""
    settings = GraphSettings(uri=own_server.bolt_uri)
    driver = open_driver(settings)
    client = GraphClient(driver, retries=PATIENT)
    reader = AsyncReader(open_async_driver(settings), client)
    try:
        assert client.read_text("RETURN 1 AS one", {}) == [{"one": 1}]
        assert await reader.read_text("RETURN 1 AS one", {}) == [{"one": 1}]
        own_server.stop()
        with caplog.at_level(logging.WARNING, logger="graph.read_retry"):
            api_read = asyncio.ensure_future(reader.read_text("RETURN 2 AS two", {}))
            client_read = asyncio.ensure_future(
                asyncio.to_thread(client.read_text, "RETURN 3 AS three", {})
            )
            # Both reads have failed once and are waiting to be sent again: each logs that.
            await asyncio.wait_for(_logged(caplog, "will be retried", times=2), timeout=60)
            assert not api_read.done()
            assert not client_read.done()
            await asyncio.to_thread(own_server.start)
            assert await api_read == [{"two": 2}]
            assert await client_read == [{"three": 3}]
        assert caplog.text.count("will be retried") >= 2
    finally:
        await reader.driver.close()
        driver.close()


def test_a_refused_query_is_not_retried(
    graph_client: GraphClient, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="graph.read_retry"),
        pytest.raises(QueryFailedError, match="refused"),
    ):
        graph_client.read_text("RETURN 1 +", {})
    assert "retried" not in caplog.text


def test_a_read_cannot_write(graph_client: GraphClient) -> None:
    """Retrying is safe because a read changes nothing: Neo4j refuses a write sent as one."""
    with pytest.raises(QueryFailedError):
        graph_client.read_text("CREATE (:RetryProbe) RETURN 1 AS one", {})
    assert graph_client.read_text("MATCH (n:RetryProbe) RETURN count(n) AS n", {}) == [{"n": 0}]


async def _logged(caplog: pytest.LogCaptureFixture, text: str, *, times: int) -> None:
    """Return once ``text`` has been logged ``times`` times (checked every 20 ms)."""
    while caplog.text.count(text) < times:
        await asyncio.sleep(0.02)
