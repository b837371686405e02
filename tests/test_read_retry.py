"""Reads are auto-commit and are retried by the one policy, ``graph.retry`` (for
``GraphSettings.retry_seconds``, on the errors the driver calls retryable), against the real
server."""

from __future__ import annotations

import asyncio
import logging

import pytest

from graph import GraphClient, GraphSettings, LocalServer, QueryFailedError, open_driver
from graph.research_runner import ResearcherCypher, ResearchSettings, run_cypher

#: The retry policy's logger, which says when it will send a read again.
RETRY_LOG = "dyad.graph"


@pytest.mark.slow  # stops and starts a Neo4j of its own
@pytest.mark.anyio
async def test_reads_sent_while_neo4j_restarts_are_retried_and_answer(
    own_server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A restart, or a cluster member leaving: reads sent meanwhile (the API's and a
    researcher's) are sent again, and answer once Neo4j is back."""
    settings = GraphSettings(uri=own_server.bolt_uri, retry_seconds=120.0)
    driver = open_driver(settings)
    client = GraphClient(driver, retry_seconds=settings.retry_seconds)
    try:
        assert client.read_text("RETURN 1 AS one", {}) == [{"one": 1}]
        own_server.stop()
        with caplog.at_level(logging.WARNING, logger=RETRY_LOG):
            reads = [
                asyncio.ensure_future(asyncio.to_thread(client.read_text, f"RETURN {n} AS n", {}))
                for n in (2, 3)
            ]
            research = asyncio.ensure_future(
                asyncio.to_thread(
                    run_cypher, client, ResearcherCypher("RETURN 4 AS n"), {}, ResearchSettings()
                )
            )
            # All three have failed once and are waiting to be sent again: the policy says so,
            # naming each (the API's reads are "query", the researcher's "cypher").
            await asyncio.wait_for(_logged(caplog, "query failed", times=2), timeout=60)
            await asyncio.wait_for(_logged(caplog, "cypher failed", times=1), timeout=60)
            assert not any(read.done() for read in [*reads, research])
            await asyncio.to_thread(own_server.start)
            assert [await read for read in reads] == [[{"n": 2}], [{"n": 3}]]
            assert (await research).rows == [[4]]
    finally:
        driver.close()


def test_a_refused_query_is_not_retried(
    graph_client: GraphClient, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger=RETRY_LOG),
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
