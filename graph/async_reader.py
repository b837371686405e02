"""Reads for an event loop: ``GraphClient.read_text`` through the async driver.

The API answers GraphQL queries on its event loop, so a request costs no hand-off to a
worker thread and back. Everything else (loading, writes, research
queries, analytics) keeps the synchronous ``GraphClient``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any, LiteralString

from neo4j import READ_ACCESS, AsyncDriver, AsyncGraphDatabase, Bookmarks, Query
from neo4j.exceptions import DriverError, Neo4jError

from graph.client import GraphClient, Record, translated_errors

__all__ = ["AsyncReader"]


class AsyncReader:
    """Reads through ``driver`` exactly as ``client`` does: each one auto-commit query in
    READ mode, one round trip to Neo4j, retried as ``client`` retries (graph/read_retry.py).

    It uses the client's database and time limit, counts its round trips in the client's
    ``round_trips``, and starts every read after the client's own writes (their bookmarks),
    so a query right after a mutation sees it, also on a cluster.
    """

    def __init__(self, driver: AsyncDriver, client: GraphClient) -> None:
        self.driver = driver
        self.client = client
        self.bookmarks = AsyncGraphDatabase.bookmark_manager(
            bookmarks_supplier=lambda: Bookmarks.from_raw_values(client.bookmarks.get_bookmarks())
        )

    async def read_text(
        self,
        text: LiteralString,
        params: Mapping[str, Any],
        *,
        name: str = "query",
    ) -> list[Record]:
        """Run Cypher text as one auto-commit read with the client's time limit.

        Rows hold the values as the driver decoded them: nodes, relationships and temporal
        values are not converted (``Record.data()`` would walk every value again). The API's
        queries return maps, lists and scalars, and ``Subgraph.from_row`` converts temporal
        values itself.

        A read once sent runs to its end, even when its caller is cancelled (graphql-core
        cancels a request's other root fields when one fails): reads cancelled while the
        driver opened their connections left the sockets open (tests/test_async_reader.py).
        """
        self.client.round_trips += 1
        read = asyncio.ensure_future(self._read(text, params, name))
        read.add_done_callback(_settled)
        return await asyncio.shield(read)

    async def _read(
        self, text: LiteralString, params: Mapping[str, Any], name: str
    ) -> list[Record]:
        query = Query(text, timeout=self.client.timeout)
        attempts = self.client.retries.attempts()
        with translated_errors(name):
            while True:
                try:
                    async with self.driver.session(
                        database=self.client.database,
                        default_access_mode=READ_ACCESS,
                        bookmark_manager=self.bookmarks,
                    ) as session:
                        result = await session.run(query, dict(params))
                        keys = result.keys()
                        return [dict(zip(keys, record, strict=True)) async for record in result]
                except (DriverError, Neo4jError) as error:
                    await asyncio.sleep(attempts.wait_after(error))


def _settled(read: asyncio.Future[list[Record]]) -> None:
    """Take a finished read's error, so an abandoned one is not reported as never retrieved."""
    if not read.cancelled():
        read.exception()
