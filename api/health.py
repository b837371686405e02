"""``GET /healthz``: is the API up, and can it reach Neo4j?"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from graph import GraphClient, GraphError

__all__ = ["healthz"]


def healthz(request: Request) -> JSONResponse:
    client: GraphClient = request.state.graph
    try:
        client.ping()
    except GraphError as exc:
        return JSONResponse(
            {"status": "unavailable", "neo4j": {"reachable": False, "error": str(exc)}},
            status_code=503,
        )
    return JSONResponse({"status": "ok", "neo4j": {"reachable": True, "database": client.database}})
