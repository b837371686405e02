"""The explorer page at ``/``: graph, causal chains, timeline and Cypher workbench.

The page is static (``api/static/explorer/``) and talks only to this app: ``POST /graphql``
for the graph, ``GET /queries.json`` and ``GET /queries/{name}.json`` for canned Cypher.
Every script and stylesheet it loads is served from ``/static/``; the Content-Security-Policy
sent with the page tells the browser to refuse anything else.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Route

__all__ = ["CONTENT_SECURITY_POLICY", "EXPLORER_DIR", "explorer_html", "routes"]

EXPLORER_DIR = Path(__file__).resolve().parent / "static" / "explorer"

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
    return [Route("/", explorer_page, methods=["GET"], name="explorer")]
