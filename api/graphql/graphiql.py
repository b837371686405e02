"""GraphiQL, fully offline: strawberry's page with its CDN files served from ``/static/vendor/``.

The vendored files are byte-identical to the npm packages, so the page's ``integrity``
hashes still hold (a test checks every one).
"""

from __future__ import annotations

from functools import cache

from starlette.responses import HTMLResponse
from strawberry.http.ides import get_graphql_ide_html

__all__ = ["CDN_PREFIX", "VENDOR_PREFIX", "graphiql_html", "graphiql_page"]

CDN_PREFIX = "https://unpkg.com/"
VENDOR_PREFIX = "/static/vendor/"


@cache
def graphiql_html() -> str:
    return get_graphql_ide_html("graphiql").replace(CDN_PREFIX, VENDOR_PREFIX)


def graphiql_page() -> HTMLResponse:
    return HTMLResponse(graphiql_html())
