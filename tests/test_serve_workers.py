"""``DYAD_WORKERS``: ``dyad serve`` with several worker processes on one port, each building
the app from the environment."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from graph import GraphClient, GraphSettings
from tests.http import dyad_serve

pytestmark = pytest.mark.slow  # `dyad serve` and its workers in processes of their own

QUERY = '{ node(id: "country:JPN") { id name } }'


def test_two_worker_processes_answer_on_one_port(
    corpus_client: GraphClient, graph_settings: GraphSettings, tmp_path: Path
) -> None:
    printed = tmp_path / "serve.log"
    with dyad_serve(
        graph_settings.effective_uri(), output=printed, ready_seconds=180, DYAD_WORKERS="2"
    ) as url:
        deadline = time.monotonic() + 180
        while printed.read_text().count("Application startup complete") < 2:
            assert time.monotonic() < deadline, printed.read_text()
            time.sleep(0.2)  # until the second worker's startup is in the log
        answers = [
            httpx.post(f"{url}/graphql", json={"query": QUERY}, timeout=60).json() for _ in range(4)
        ]
    assert [a.get("data") for a in answers] == [
        {"node": {"id": "country:JPN", "name": "Japan"}}
    ] * 4, answers
    assert printed.read_text().count("Started server process") == 2  # none died and restarted
