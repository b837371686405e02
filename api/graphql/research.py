"""``cannedQuery(name, params)``: the researchers' canned queries through GraphQL.

The same catalog as ``dyad query`` and ``GET /queries/{name}.json``, with the same caps;
rows come back as JSON (nodes, relationships and paths as small maps) and the graph they
hold as Cytoscape.js elements.
"""

from __future__ import annotations

from functools import cache
from typing import Any, cast

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON
from strawberry.types import Info

from api.graphql.context import RequestContext
from api.graphql.errors import ErrorCode, UserFacingError, user_facing
from graph.graph_form import elements
from graph.research_runner import ResearchSettings, run_canned

__all__ = ["CannedQueryResult", "ResearchFields"]


@cache
def _settings() -> ResearchSettings:
    """The caps, read from the environment once, on first use."""
    return ResearchSettings()


@strawberry.type(description="The answer of a canned research query.")
class CannedQueryResult:
    name: str
    columns: list[str]
    rows: JSON = strawberry.field(
        description="One list per row, in `columns` order; nodes, relationships and paths "
        "as maps ({id, labels, properties}, {type, start, end, properties}, {nodes, "
        "relationships})."
    )
    graph: JSON = strawberry.field(
        description="The nodes, relationships and paths in the rows as Cytoscape.js elements: "
        "{nodes: [{data: {id, label, kind, status, date}}], edges: [{data: {id, source, "
        "target, type, label, status, confidence, sources}}]}."
    )
    truncated: bool = strawberry.field(
        description="True when the row cap (DYAD_RESEARCH_MAX_ROWS) cut the answer short."
    )


@strawberry.type(name="ResearchFields")
class ResearchFields:
    """Root fields for researchers; the root ``Query`` inherits them.

    A strawberry type (never referenced, so absent from the schema): strawberry collects
    inherited fields only from bases that are strawberry types.
    """

    @strawberry.field(
        description="Run a canned query from the catalog (`GET /queries.json` lists them) "
        "with parameters given as a JSON object; read-only, time- and row-capped."
    )
    async def canned_query(
        self,
        info: Info[RequestContext, None],
        name: str,
        params: JSON | None = None,
    ) -> CannedQueryResult:
        given: Any = params or {}
        if not isinstance(given, dict):
            raise UserFacingError("`params` must be a JSON object", ErrorCode.BAD_USER_INPUT)
        with user_facing():
            result = await run_in_threadpool(
                run_canned, info.context.client, name, given, _settings()
            )
        return CannedQueryResult(
            name=result.name,
            columns=result.columns,
            rows=cast(JSON, result.json_rows()),
            graph=cast(JSON, elements(result.graph)),
            truncated=result.truncated,
        )
