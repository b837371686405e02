"""/healthz says whether Neo4j is reachable, in-process and through a real server."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from api import ApiSettings, create_app
from graph import GraphSettings
from tests.conftest import free_port
from tests.http import dyad_serve, in_process

pytestmark = pytest.mark.slow  # `dyad serve` in its own process


@pytest.mark.anyio
async def test_healthz_ok_when_neo4j_answers(graph_settings: GraphSettings) -> None:
    async with in_process(create_app(ApiSettings(), graph_settings)) as client:
        response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "neo4j": {"reachable": True, "database": "neo4j"}}


@pytest.mark.anyio
async def test_healthz_503_when_neo4j_is_down() -> None:
    nowhere = GraphSettings(uri=f"bolt://127.0.0.1:{free_port()}")
    async with in_process(create_app(ApiSettings(), nowhere)) as client:
        response = await client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["neo4j"]["reachable"] is False
    assert "unavailable" in body["neo4j"]["error"]


def test_dyad_serve_answers_healthz_on_a_real_port(
    graph_settings: GraphSettings, tmp_path: Path
) -> None:
    quiet = tmp_path / "quiet.log"
    with dyad_serve(graph_settings.effective_uri(), output=quiet) as url:
        response = httpx.get(f"{url}/healthz?from=quiet", timeout=5)
    assert response.status_code == 200
    assert response.json()["neo4j"]["reachable"] is True
    assert "Dyad serves" in quiet.read_text()
    assert "from=quiet" not in quiet.read_text()  # no access log unless asked for


def test_dyad_access_log_prints_one_line_per_request(
    graph_settings: GraphSettings, tmp_path: Path
) -> None:
    logged = tmp_path / "logged.log"
    with dyad_serve(graph_settings.effective_uri(), output=logged, DYAD_ACCESS_LOG="true") as url:
        assert httpx.get(f"{url}/healthz?from=logged", timeout=5).status_code == 200
    lines = [line for line in logged.read_text().splitlines() if "from=logged" in line]
    assert len(lines) == 1
    assert '"GET /healthz?from=logged HTTP/1.1" 200' in lines[0]
