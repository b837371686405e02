"""What every resolver gets: the graph client, and whether the caller may write."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import queries
from api.graphql.errors import ErrorCode, UserFacingError
from api.graphql.subgraph import Subgraph
from graph import (
    AsyncReader,
    GraphClient,
    Neo4jUnavailableError,
    QueryFailedError,
    QueryTimeoutError,
)

__all__ = ["MAX_RELATIONS_PER_NODE", "RequestContext"]

MAX_RELATIONS_PER_NODE = 100


@dataclass
class RequestContext:
    #: For what runs in a worker thread: writes, research queries, analytics.
    client: GraphClient
    #: For the API queries, read on the event loop.
    reader: AsyncReader
    #: True when the request carried the curators' bearer token.
    curator: bool = False
    #: Seconds during which at least one of this request's ``fetch`` reads was waiting on
    #: Neo4j (``Server-Timing: graph``): root fields read concurrently, and their overlap
    #: counts once, so this never exceeds the request's own time. Reads that run in worker
    #: threads (analytics, research, mutations) are not counted.
    graph_seconds: float = 0.0
    _reading: int = field(default=0, init=False, repr=False)
    _reading_since: float = field(default=0.0, init=False, repr=False)

    async def fetch(self, name: str, relation_depth: int, **params: Any) -> Subgraph:
        """Run the API query ``name`` (one round trip) and return its answer as a subgraph."""
        params |= {"relDepth": relation_depth, "relLimit": MAX_RELATIONS_PER_NODE}
        if not self._reading:
            self._reading_since = time.perf_counter()
        self._reading += 1
        try:
            rows = await self.reader.read_text(queries.api_query(name), params, name=f"api/{name}")
        except QueryTimeoutError as exc:
            raise UserFacingError(
                "the query ran past its time limit; narrow it down", ErrorCode.QUERY_TIMEOUT
            ) from exc
        except Neo4jUnavailableError as exc:
            raise UserFacingError("Neo4j is unavailable", ErrorCode.NEO4J_UNAVAILABLE) from exc
        except QueryFailedError as exc:
            raise RuntimeError(str(exc)) from exc  # masked: a bug in our Cypher, not the user's
        finally:
            self._reading -= 1
            if not self._reading:
                self.graph_seconds += time.perf_counter() - self._reading_since
        return Subgraph.from_row(rows[0])
