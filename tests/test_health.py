"""/healthz says whether Neo4j is reachable, in-process and through a real server."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from api import ApiSettings, create_app
from graph import GraphSettings
from tests.conftest import ROOT, free_port
from tests.http import in_process

pytestmark = pytest.mark.anyio


async def test_healthz_ok_when_neo4j_answers(graph_settings: GraphSettings) -> None:
    async with in_process(create_app(ApiSettings(), graph_settings)) as client:
        response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "neo4j": {"reachable": True, "database": "neo4j"}}


async def test_healthz_503_when_neo4j_is_down() -> None:
    nowhere = GraphSettings(uri=f"bolt://127.0.0.1:{free_port()}")
    async with in_process(create_app(ApiSettings(), nowhere)) as client:
        response = await client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["neo4j"]["reachable"] is False
    assert "unavailable" in body["neo4j"]["error"]


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
def test_dyad_serve_answers_healthz_on_a_real_port(
    anyio_backend: str, graph_settings: GraphSettings
) -> None:
    port = free_port()
    env = os.environ | {"NEO4J_URI": graph_settings.effective_uri(), "DYAD_PORT": str(port)}
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, "dyad serve exited"
                assert time.monotonic() < deadline, "dyad serve did not answer in 30 s"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["neo4j"]["reachable"] is True
    finally:
        process.terminate()
        process.wait(timeout=20)
