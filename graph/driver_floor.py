"""The floor the benchmark holds the API to: the same Cypher through the driver's own
documented call, as a researcher using the driver would write it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, LiteralString

from neo4j import Query, Result, RoutingControl

from graph.client import GraphClient, Record, translated_errors

__all__ = ["documented_read"]


def documented_read(
    client: GraphClient, text: LiteralString, params: Mapping[str, Any]
) -> list[Record]:
    """Run ``text`` through ``driver.execute_query`` in READ mode, rows as ``Record.data()``.

    This is the driver manual's first way to run a query, with what the API's reads also
    have: READ routing, the client's database, time limit and bookmarks, retries. It costs
    two round trips to Neo4j; ``GraphClient.read_text``, which the API's reads follow,
    costs one (graph/read_retry.py).
    """

    def rows_of(result: Result) -> list[Record]:
        return [record.data() for record in result]

    client.round_trips += 1
    with translated_errors("floor"):
        return client.driver.execute_query(
            Query(text, timeout=client.timeout),
            dict(params),
            routing_=RoutingControl.READ,
            database_=client.database,
            bookmark_manager_=client.bookmarks,
            result_transformer_=rows_of,
        )
