"""The floor the benchmark holds the API to: the same Cypher through the driver's own
documented call, as a researcher using the driver would write it.

Benchmark-only, so it lives here and not in the package. It needs no import of ``neo4j``
(only ``graph/`` imports it): it calls the driver that ``GraphClient`` already holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, LiteralString

from graph import GraphClient

__all__ = ["documented_read"]


def documented_read(
    client: GraphClient, text: LiteralString, params: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Run ``text`` through ``driver.execute_query`` in READ mode, rows as ``Record.data()``.

    This is the driver manual's first way to run a query, with the client's database and
    bookmarks and the driver's own retries, as the API's reads run.
    """

    def rows_of(result: Any) -> list[dict[str, Any]]:
        return [record.data() for record in result]

    rows: list[dict[str, Any]] = client.driver.execute_query(
        text,
        dict(params),
        routing_="r",
        database_=client.database,
        bookmark_manager_=client.bookmarks,
        result_transformer_=rows_of,
    )
    return rows
