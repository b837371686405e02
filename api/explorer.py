"""The explorer page at ``/``: graph, causal chains, timeline and Cypher workbench.

The page is static (``api/static/explorer/``) and talks only to this app: ``POST /graphql``
for the graph, ``GET /queries.json`` and ``GET /queries/{name}.json`` for canned Cypher,
``GET /explorer/map.json`` for the supply map (``api.supply_map``), and
``GET /explorer/vocabulary.json`` for what it draws: the kinds, relation types, statuses,
grades and methods of ``schema/``, with their colours and shapes (``schema.presentation``).
Every script and stylesheet it loads is served from ``/static/``; the Content-Security-Policy
sent with the page tells the browser to refuse anything else.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from api.supply_map import MAP_PATH, supply_map
from schema import explorer_vocabulary

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "EXPLORER_DIR",
    "VOCABULARY_PATH",
    "explorer_html",
    "routes",
    "vocabulary_json",
]

EXPLORER_DIR = Path(__file__).resolve().parent / "static" / "explorer"
VOCABULARY_PATH = "/explorer/vocabulary.json"

#: Only this origin. Inline styles are allowed because Cytoscape.js injects one <style>.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


@cache
def explorer_html() -> str:
    """The page's HTML, read once from the package."""
    return (EXPLORER_DIR / "index.html").read_text(encoding="utf-8")


@cache
def vocabulary_json() -> tuple[bytes, str]:
    """The vocabulary the page draws, as JSON, and its ETag; made once per process."""
    body = json.dumps(explorer_vocabulary(), ensure_ascii=False, separators=(",", ":"))
    data = body.encode("utf-8")
    return data, f'"{hashlib.sha256(data).hexdigest()[:32]}"'


async def vocabulary(request: Request) -> Response:
    """``GET /explorer/vocabulary.json``: revalidated by ETag, as ``/static/`` files are."""
    data, etag = vocabulary_json()
    headers = {"ETag": etag, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(data, media_type="application/json", headers=headers)


async def explorer_page(request: Request) -> HTMLResponse:
    return HTMLResponse(
        explorer_html(),
        headers={
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


def routes() -> list[BaseRoute]:
    """The explorer's routes, for ``create_app`` to add to its own."""
    return [
        Route("/", explorer_page, methods=["GET"], name="explorer"),
        Route(VOCABULARY_PATH, vocabulary, methods=["GET"], name="explorer-vocabulary"),
        Route(MAP_PATH, supply_map, methods=["GET"], name="explorer-map"),
    ]
