"""``create_app(settings)``: the Starlette application that serves Dyad over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TypedDict

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from api.explorer import routes as explorer_routes
from api.graphql import GraphQLEndpoint, build_schema
from api.graphql.schema import ExtensionFactory
from api.health import healthz
from api.research_http import routes as research_routes
from api.settings import ApiSettings
from graph import GraphClient, GraphSettings, open_driver

__all__ = ["create_app"]


class _State(TypedDict):
    graph: GraphClient


def create_app(
    api_settings: ApiSettings,
    graph_settings: GraphSettings,
    client: GraphClient | None = None,
    extensions: Sequence[ExtensionFactory] = (),
    browser_url: str | None = None,
) -> Starlette:
    """Build the app. The Neo4j driver opens when the app starts and closes when it stops.

    ``client`` lends the app an open client instead (tests count its round trips).
    ``extensions`` are strawberry schema extensions added to the schema's own (tracing, say).
    ``browser_url`` is Neo4j Browser's address, for the explorer's Cypher tab to link to.
    """

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[_State]:
        # Graph reads and writes run in threads (the driver is synchronous): at most
        # api_settings.threads at once, the rest wait their turn in order.
        anyio.to_thread.current_default_thread_limiter().total_tokens = api_settings.threads
        driver = None
        if client is None:
            driver = open_driver(graph_settings)
            graph = GraphClient(
                driver,
                database=graph_settings.database,
                timeout=graph_settings.query_timeout,
                retry_seconds=graph_settings.retry_seconds,
            )
        else:
            graph = client
        try:
            yield {"graph": graph}
        finally:
            if driver is not None:
                driver.close()

    token = api_settings.api_token.get_secret_value() if api_settings.api_token else None
    graphql = GraphQLEndpoint(build_schema(extensions), token)
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/graphql", graphql.handle, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
        Mount("/static", StaticFiles(packages=[("api", "static")]), name="static"),
        *explorer_routes(),
        *research_routes(browser_url=browser_url),
    ]
    middleware = (
        [
            Middleware(
                CORSMiddleware,
                allow_origins=list(api_settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["accept", "authorization", "content-type"],
            )
        ]
        if api_settings.cors_origins
        else []
    )
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.state.settings = api_settings
    return app
