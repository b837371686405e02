"""The API's reads on the event loop (graph/async_reader.py), against the real server."""

from __future__ import annotations

import asyncio
import gc
import warnings

import pytest

from graph import AsyncReader, GraphClient, GraphSettings, open_async_driver

pytestmark = pytest.mark.anyio
SLOW = "UNWIND range(1, 300000) AS x RETURN count(x) AS n"


async def test_reads_cancelled_midway_run_to_their_end_and_leave_no_socket_open(
    graph_client: GraphClient, graph_settings: GraphSettings
) -> None:
    """graphql-core cancels a request's other root fields when one fails. Cancelled while
    the driver opened their connections, their reads used to leave the sockets open."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        for delay in (0, 0.0005, 0.001, 0.002, 0.004, 0.008):
            reader = AsyncReader(open_async_driver(graph_settings), graph_client)
            try:
                reads = [asyncio.ensure_future(reader.read_text(SLOW, {})) for _ in range(5)]
                await asyncio.sleep(delay)
                for read in reads:
                    read.cancel()
                for read in reads:
                    with pytest.raises(asyncio.CancelledError):
                        await read
                for _ in range(100):  # the reads go on, and end, in the background
                    if not [t for t in asyncio.all_tasks() if _reading(t)]:
                        break
                    await asyncio.sleep(0.05)
                assert not [t for t in asyncio.all_tasks() if _reading(t)]
                assert await reader.read_text("RETURN 1 AS one", {}) == [{"one": 1}]
            finally:
                await reader.driver.close()
            gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


def _reading(task: asyncio.Task[object]) -> bool:
    return getattr(task.get_coro(), "__qualname__", "") == "AsyncReader._read"


async def test_reads_count_in_the_clients_round_trips_and_keep_values_as_decoded(
    graph_client: GraphClient, graph_settings: GraphSettings
) -> None:
    reader = AsyncReader(open_async_driver(graph_settings), graph_client)
    try:
        before = graph_client.round_trips
        [row] = await reader.read_text("RETURN date('2025-11-07') AS day, [1, 2] AS xs", {})
        assert graph_client.round_trips == before + 1
        assert row["xs"] == [1, 2]
        assert row["day"].to_native().isoformat() == "2025-11-07"
    finally:
        await reader.driver.close()
