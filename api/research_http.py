"""Canned queries and exports as plain JSON over HTTP, the way Datasette serves canned SQL.

* ``GET /queries.json``: the catalog ``{"queries": [{"name", "title", "description",
  "parameters": [{"name", "type", "default", "description"}], "example"}]}``.
* ``GET /queries/{name}.json?param=value…``: ``{"name", "columns", "rows", "graph":
  {"nodes": [{"data": {"id", "label", "kind", "status", "date"}}], "edges": [{"data": {"id",
  "source", "target", "type", "label", "status", "confidence", "sources"}}]}, "truncated",
  "notifications": [{"status", "severity", "description", "line", "column"}]}``: the graph is
  drawn as every graph answer is (``graph.graph_form.elements``); notifications are what
  Neo4j noticed about the query (an unknown label, a deprecation), passed on. A ``list``
  parameter takes commas or repeats (``?statuses=alleged&statuses=unverified``); a ``date``
  parameter is ``YYYY-MM-DD`` and travels to Neo4j as a Date (parameters are typed in the
  catalog).
* ``POST /cypher.json`` with ``{"cypher": "MATCH …", "params": {…}}`` (or ``GET
  /cypher.json?cypher=…``): a researcher's own Cypher through the same guard and caps as
  ``dyad cypher`` (refused unless it only reads; READ transaction, time limit, row cap),
  answered in the canned queries' shape. Errors: 400 ``REFUSED`` (it would write),
  400 ``QUERY_FAILED`` (Neo4j refused it: a syntax error, say). ``/queries.json`` also says
  where this door is, its caps, and Neo4j Browser's address when the app knows it.
* ``GET /export/{format}?from=ID&depth=N``: the graph or a neighbourhood as ``cytoscape``,
  ``nodelink`` (JSON), ``graphml`` (XML) or ``csv`` (a zip of nodes.csv and edges.csv).

Errors are ``{"error": {"code", "message"}}``: 404 ``NOT_FOUND``, 400 ``BAD_PARAMETER``,
400 ``QUERY_TIMEOUT`` (as Datasette does), 503 ``NEO4J_UNAVAILABLE``.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

import queries
from graph import (
    GraphClient,
    Neo4jUnavailableError,
    NodeNotFoundError,
    QueryFailedError,
    QueryTimeoutError,
)
from graph.exports import EXPORT_FORMATS, MAX_DEPTH, csv_zip, export_text, read_graph
from graph.research_catalog import canned, catalog
from graph.research_errors import BadParameterError, CypherRefusedError, UnknownQueryError
from graph.research_runner import (
    ResearcherCypher,
    ResearchSettings,
    date_params,
    run_canned,
    run_cypher,
)

__all__ = ["routes"]

_MEDIA_TYPES = {
    "cytoscape": "application/json",
    "nodelink": "application/json",
    "graphml": "application/graphml+xml",
    "csv": "application/zip",
}


def error(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


#: The one translation of the research doors' errors into answers: code and HTTP status, most
#: specific first (a refused Cypher is a failed query too). Only an unavailable Neo4j is 503.
_ANSWERS: tuple[tuple[type[Exception], str, int], ...] = (
    (UnknownQueryError, "NOT_FOUND", 404),
    (NodeNotFoundError, "NOT_FOUND", 404),
    (BadParameterError, "BAD_PARAMETER", 400),
    (CypherRefusedError, "REFUSED", 400),
    (QueryTimeoutError, "QUERY_TIMEOUT", 400),
    (QueryFailedError, "QUERY_FAILED", 400),
    (Neo4jUnavailableError, "NEO4J_UNAVAILABLE", 503),
)
_REFUSALS = tuple(kind for kind, _, _ in _ANSWERS)


def refusal(exc: Exception) -> JSONResponse:
    """The answer to one of ``_REFUSALS``."""
    for kind, code, status in _ANSWERS:
        if isinstance(exc, kind):
            return error(code, str(exc), status)
    raise exc


def _lister(settings: ResearchSettings, browser_url: str | None) -> Any:
    def query_list(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "queries": [q.as_dict() for q in catalog().values()],
                "cypher": {
                    "url": "/cypher.json",
                    "timeout": settings.timeout,
                    "maxRows": settings.max_rows,
                    "neo4jBrowser": browser_url,
                    "example": queries.load("explorer/cypher_example"),
                },
            }
        )

    return query_list


def _params(request: Request, name: str) -> dict[str, Any]:
    types = {p.name: p.type for p in canned(name).parameters}
    params: dict[str, Any] = {}
    for key in request.query_params:
        values = request.query_params.getlist(key)
        params[key] = ",".join(values) if types.get(key) == "list" else values[-1]
    return params


def _runner(settings: ResearchSettings) -> Any:
    def run_query(request: Request) -> JSONResponse:
        name = request.path_params["name"]
        client: GraphClient = request.state.graph
        try:
            result = run_canned(client, name, _params(request, name), settings)
        except _REFUSALS as exc:
            return refusal(exc)
        return JSONResponse(result.as_json())

    return run_query


def _cypher_runner(settings: ResearchSettings) -> Any:
    async def run_text(request: Request) -> JSONResponse:
        if request.method == "POST":
            try:
                body = await request.json()
            except ValueError:
                return error("BAD_PARAMETER", 'send JSON: {"cypher": "MATCH …"}', 400)
            if not isinstance(body, dict):
                return error("BAD_PARAMETER", "send a JSON object", 400)
            text, params = body.get("cypher"), body.get("params") or {}
        else:
            text, params = request.query_params.get("cypher"), {}
        if not isinstance(text, str) or not text.strip():
            return error("BAD_PARAMETER", "cypher: the query text is missing", 400)
        if not isinstance(params, dict):
            return error("BAD_PARAMETER", "params must be a JSON object", 400)
        client: GraphClient = request.state.graph
        try:
            result = await run_in_threadpool(
                run_cypher, client, ResearcherCypher(text), date_params(params), settings
            )
        except _REFUSALS as exc:
            return refusal(exc)
        return JSONResponse(result.as_json())

    return run_text


def _export(request: Request) -> Response:
    fmt = request.path_params["format"]
    if fmt not in EXPORT_FORMATS:
        return error("NOT_FOUND", f"no export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}", 404)
    from_id = request.query_params.get("from")
    try:
        depth = int(request.query_params.get("depth", "1"))
    except ValueError:
        return error("BAD_PARAMETER", "depth must be an integer", 400)
    if not 0 <= depth <= MAX_DEPTH:
        return error("BAD_PARAMETER", f"depth must be between 0 and {MAX_DEPTH}", 400)
    client: GraphClient = request.state.graph
    try:
        graph = read_graph(client, from_id, depth)
    except _REFUSALS as exc:
        return refusal(exc)
    body: str | bytes = csv_zip(graph) if fmt == "csv" else export_text(graph, fmt)
    suffix = {"cytoscape": "cyjs", "nodelink": "json", "graphml": "graphml", "csv": "zip"}[fmt]
    return Response(
        body,
        media_type=_MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="dyad.{suffix}"'},
    )


def routes(
    settings: ResearchSettings | None = None, browser_url: str | None = None
) -> list[BaseRoute]:
    """The research routes; caps are read from the environment once, here, unless given.
    ``browser_url`` is Neo4j Browser's address, which the explorer links to when known."""
    chosen = settings or ResearchSettings()
    return [
        Route("/queries.json", _lister(chosen, browser_url), methods=["GET"]),
        Route("/queries/{name}.json", _runner(chosen), methods=["GET"]),
        Route("/cypher.json", _cypher_runner(chosen), methods=["GET", "POST"]),
        Route("/export/{format}", _export, methods=["GET"]),
    ]
