"""Running the app for tests: in-process (lifespan started, httpx) or as a real `dyad serve`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from api import ApiSettings, create_app
from graph import GraphSettings
from tests.conftest import ROOT, free_port

GRAPHQL_RESPONSE = {"accept": "application/graphql-response+json"}


@asynccontextmanager
async def in_process(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url="http://127.0.0.1"
        ) as client,
    ):
        yield client


async def graphql_answer(client: Any, query: str, **variables: Any) -> dict[str, Any]:
    """The JSON answer of one GraphQL request to an in-process app reading ``client``."""
    app = create_app(ApiSettings(), GraphSettings(), client=client)
    async with in_process(app) as http:
        response = await http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=GRAPHQL_RESPONSE
        )
    body: dict[str, Any] = response.json()
    return body


@contextmanager
def dyad_serve(
    neo4j_uri: str, *, output: Path | None = None, ready_seconds: float = 30, **env: str
) -> Iterator[str]:
    """``dyad serve`` as a real process on a free port; yields its base URL once it answers
    (within ``ready_seconds``).

    ``output``, if given, receives what the process prints (stdout and stderr).
    """
    port = free_port()
    environment = os.environ | {"NEO4J_URI": neo4j_uri, "DYAD_PORT": str(port)} | env
    printed = output.open("wb") if output is not None else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve"],
        cwd=ROOT,
        env=environment,
        stdout=printed,
        stderr=subprocess.STDOUT if output is not None else subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_seconds
        while True:
            try:
                httpx.get(f"{url}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, "dyad serve exited"
                assert time.monotonic() < deadline, (
                    f"dyad serve did not answer in {ready_seconds} s"
                )
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        # It exits once its reads in flight end (a page's last questions, on a busy machine),
        # each within the query timeout; a server still up after that is a hang, and fails.
        process.wait(timeout=GraphSettings().query_timeout + 20)
        if not isinstance(printed, int):
            printed.close()
