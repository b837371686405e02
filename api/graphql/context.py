"""What every resolver gets: the graph client, and whether the caller may write."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool

import queries
from api.graphql.errors import ErrorCode, UserFacingError, user_facing
from api.graphql.selection import RelationPlan
from api.graphql.subgraph import Subgraph
from graph import GraphClient

__all__ = ["RequestContext"]


@dataclass
class RequestContext:
    #: The process's one driver, through which every read and write goes (in worker threads).
    client: GraphClient
    #: True when the request carried the curators' bearer token.
    curator: bool = False
    #: Seconds during which at least one of this request's ``fetch`` reads was waiting on
    #: Neo4j (``Server-Timing: graph``): root fields read concurrently, and their overlap
    #: counts once, so this never exceeds the request's own time. Analytics, research and
    #: mutations are not counted.
    graph_seconds: float = 0.0
    _reading: int = field(default=0, init=False, repr=False)
    _reading_since: float = field(default=0.0, init=False, repr=False)

    def require_curator(self) -> None:
        """Refuse a write without the curators' token (the HTTP layer refuses first; this
        is the second lock every mutation turns)."""
        if not self.curator:
            raise UserFacingError("mutations need the curators' token", ErrorCode.UNAUTHENTICATED)

    async def fetch(self, name: str, relations: RelationPlan | int, **params: Any) -> Subgraph:
        """Run the API query ``name`` (one query) and return its answer as a subgraph.

        ``relations`` says which relationships of the answer's nodes to fetch: the plan
        compiled from the request's selection (``relation_plan``), or a depth for every
        relationship to that depth.
        """
        plan = (
            relations if isinstance(relations, RelationPlan) else RelationPlan.everything(relations)
        )
        sent = plan.params()
        params |= sent
        if not self._reading:
            self._reading_since = time.perf_counter()
        self._reading += 1
        try:
            with user_facing():  # a query that fails otherwise is a bug of ours: masked
                rows = await run_in_threadpool(
                    self.client.read_text,
                    queries.api_query(name, plan.walks()),
                    params,
                    name=f"api/{name}",
                    convert=False,
                )
        finally:
            self._reading -= 1
            if not self._reading:
                self.graph_seconds += time.perf_counter() - self._reading_since
        return Subgraph.from_row(rows[0], sent["nodeProps"])
