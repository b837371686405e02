"""``GET /explorer/map.json``: what the explorer's supply map draws, from two named queries.

``{"sites": [{"id", "label", "name", "siteType", "latitude", "longitude", "countries", "minerals":
[{"id", "name", "symbol"}], "operators": [{"id", "name", "key"}], "sources": [{"id", "name",
"reliability", "url"}]}], "shares": [{"mineral", "name", "share", "year", "key", "note",
"status", "sources"}]}``: every mine, deposit and plant (coordinates null where no source
gives them) and ``?country=``'s sourced shares of each mineral's supply (China's when not
given). Errors are the research doors' (``api.research_http.refusal``).
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from api.research_http import refusal
from graph import GraphClient, Neo4jUnavailableError, QueryFailedError, QueryTimeoutError

__all__ = ["MAP_PATH", "supply_map"]

MAP_PATH = "/explorer/map.json"
_DEFAULT_COUNTRY = "country:CHN"


def _read(client: GraphClient, country: str) -> dict[str, Any]:
    sites = client.read("explorer/supply_map_sites")
    shares = client.read("explorer/supply_map_shares", country=country)
    return {"sites": [dict(row) for row in sites], "shares": [dict(row) for row in shares]}


async def supply_map(request: Request) -> JSONResponse:
    country = request.query_params.get("country") or _DEFAULT_COUNTRY
    client: GraphClient = request.state.graph
    try:
        body = await run_in_threadpool(_read, client, country)
    except (Neo4jUnavailableError, QueryTimeoutError, QueryFailedError) as exc:
        return refusal(exc)
    return JSONResponse(body)
