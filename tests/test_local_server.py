"""The local Neo4j: one server however often it is started, no JVM left after stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import GraphClient, GraphSettings, LocalServer, LocalServerSettings, open_driver
from graph.local_server import min_size
from tests.conftest import free_port

pytestmark = [
    pytest.mark.slow,  # starts, stops and kills servers of its own
    pytest.mark.skipif(
        bool(os.environ.get("NEO4J_URI")), reason="NEO4J_URI points elsewhere; nothing local runs"
    ),
]


def _our_jvms(home: Path) -> list[int]:
    out = subprocess.run(
        ["pgrep", "-f", f"dyad.server.Launcher {home}"],
        capture_output=True,
        text=True,
        check=False,
    )
    return [int(pid) for pid in out.stdout.split()]


def test_start_twice_one_server_stop_leaves_no_jvm_and_a_killed_server_shows_dead(
    tmp_path: Path,
) -> None:
    server = LocalServer(
        LocalServerSettings(
            home=tmp_path,
            bolt_port=free_port(),
            http_port=0,
            pagecache="64m",
            exit_with_parent=True,
        )
    )
    try:
        first = server.start()
        second = server.start()
        assert first.running
        assert second.running
        assert first.pid == second.pid
        assert _our_jvms(tmp_path) == [first.pid]

        driver = open_driver(GraphSettings(), server.bolt_uri)
        try:
            GraphClient(driver).ping()
        finally:
            driver.close()

        assert server.stop() is True
        assert _our_jvms(tmp_path) == []
        assert server.status().state == "stopped"

        killed = server.start()
        assert killed.pid is not None
        os.kill(killed.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while server.status().state != "dead" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.status().state == "dead"
        restarted = server.start()
        assert restarted.running
        assert restarted.pid != killed.pid
    finally:
        server.stop()
    assert _our_jvms(tmp_path) == []


def test_start_refuses_a_port_someone_else_holds(tmp_path: Path) -> None:
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        server = LocalServer(LocalServerSettings(home=tmp_path, bolt_port=port, http_port=0))
        with pytest.raises(Exception, match=f"port {port} is already in use"):
            server.start()
    assert _our_jvms(tmp_path) == []


def test_the_build_is_cached() -> None:
    server = LocalServer(LocalServerSettings())
    server.build()
    assert server.is_built()
    assert server.build() is False


def test_min_size() -> None:
    assert min_size("1g", "512m") == "512m"
    assert min_size("256m", "512m") == "256m"


def test_a_server_started_with_exit_with_parent_stops_when_its_parent_dies(
    tmp_path: Path,
) -> None:
    """A test run that dies must not leave a JVM behind."""
    script = (
        "import sys; from pathlib import Path; from graph import LocalServer, LocalServerSettings;"
        f"s = LocalServer(LocalServerSettings(home=Path({str(tmp_path)!r}), bolt_port={free_port()},"
        " http_port=0, pagecache='64m', exit_with_parent=True)); s.start(); print('up', flush=True)"
    )
    parent = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    assert "up" in parent.stdout
    deadline = time.monotonic() + 20
    while _our_jvms(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _our_jvms(tmp_path) == []
