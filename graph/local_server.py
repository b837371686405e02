"""The local Neo4j 5.26 Community server: built from Maven Central, run in its own JVM.

``graph/server/`` is a small Maven project whose launcher runs the packaged server's own
bootstrapper in-process (Bolt, and HTTP with Neo4j Browser). ``LocalServer`` builds it once
(``graph/server/target``, rebuilt only when the pom or launcher changes), starts it detached
with a pid file, waits until ``RETURN 1`` answers on database ``neo4j``, and stops it.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from graph.client import GraphClient
from graph.driver import open_driver
from graph.errors import GraphError, LocalServerError
from graph.settings import GraphSettings, LocalServerSettings

__all__ = ["SERVER_PROJECT", "LocalServer", "ServerStatus"]

SERVER_PROJECT = Path(__file__).parent / "server"
_MAIN_CLASS = "dyad.server.Launcher"
_LOG_TAIL_LINES = 40
#: Where database ``neo4j`` keeps its store and its transaction logs, under ``data/``.
_STORE = Path("databases") / "neo4j"
_TX_LOGS = Path("transactions") / "neo4j"


@dataclass(frozen=True)
class ServerStatus:
    state: str  # "running", "stopped", "dead" (pid file left by a server that died), "starting"
    pid: int | None
    bolt_uri: str
    detail: str

    @property
    def running(self) -> bool:
        return self.state == "running"


class LocalServer:
    """Build, start, stop and inspect the local Neo4j described by ``settings``."""

    def __init__(self, settings: LocalServerSettings, project: Path = SERVER_PROJECT) -> None:
        self.settings = settings
        self.project = project
        self.home = settings.home.resolve()
        self.pid_file = self.home / "neo4j.pid"
        self.log_file = self.home / "logs" / "console.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.settings.bolt_port}"

    @property
    def browser_url(self) -> str | None:
        port = self.settings.http_port
        return f"http://127.0.0.1:{port}/browser/" if port else None

    # -- build -------------------------------------------------------------------------

    def _build_stamp(self) -> str:
        digest = hashlib.sha256()
        for path in sorted(self.project.rglob("*")):
            if path.is_file() and "target" not in path.relative_to(self.project).parts:
                digest.update(str(path.relative_to(self.project)).encode())
                digest.update(path.read_bytes())
        return digest.hexdigest()

    def is_built(self) -> bool:
        stamp = self.project / "target" / "dyad-build.stamp"
        return stamp.is_file() and stamp.read_text() == self._build_stamp()

    def build(self) -> bool:
        """Build the server with Maven unless the cached build is current. True if it built."""
        if self.is_built():
            return False
        mvn = shutil.which("mvn")
        if mvn is None:
            raise LocalServerError("Maven (mvn) is not on PATH; it builds the local Neo4j")
        result = subprocess.run(
            [mvn, "-q", "-B", "package", "-DskipTests"],
            cwd=self.project,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).splitlines()[-_LOG_TAIL_LINES:])
            raise LocalServerError(f"building the local Neo4j with Maven failed:\n{tail}")
        (self.project / "target" / "dyad-build.stamp").write_text(self._build_stamp())
        return True

    # -- start / stop ------------------------------------------------------------------

    def _command(self) -> list[str]:
        java = shutil.which("java")
        if java is None:
            raise LocalServerError("java is not on PATH; Neo4j 5.26 needs Java 17 or 21")
        target = self.project / "target"
        classpath = f"{target / 'classes'}{os.pathsep}{target / 'lib' / '*'}"
        s = self.settings
        http = (
            [
                "server.http.enabled=true",
                f"server.http.listen_address=127.0.0.1:{s.http_port}",
                f"server.http.advertised_address=127.0.0.1:{s.http_port}",
            ]
            if s.http_port
            else ["server.http.enabled=false"]
        )
        return [
            java,
            f"-Xms{min_size(s.heap, '512m')}",
            f"-Xmx{s.heap}",
            "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8",
            *([f"-Ddyad.parent.pid={os.getpid()}"] if s.exit_with_parent else []),
            "-cp",
            classpath,
            _MAIN_CLASS,
            str(self.home),
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
            f"server.bolt.advertised_address=127.0.0.1:{s.bolt_port}",
            *http,
            "server.https.enabled=false",
            "dbms.security.auth_enabled=false",
            "dbms.usage_report.enabled=false",
            f"server.memory.pagecache.size={s.pagecache}",
            "db.tx_log.rotation.retention_policy=2 files",
        ]

    def import_files(
        self, arguments: list[str], options: tuple[str, ...], *, force: bool = False
    ) -> str:
        """Bulk-load CSV files with ``neo4j-admin database import full`` into database ``neo4j``.

        The server must be stopped (the import writes store files). The import runs into a
        staging folder; only when it has succeeded does its store replace database ``neo4j``
        (which must be empty unless ``force``), so a failed import loses nothing. Returns
        the tool's closing summary.
        """
        if self.status().running:
            raise LocalServerError(
                "stop Neo4j first (dyad neo4j stop): the import writes the store"
            )
        data = self.home / "data"
        if (data / _STORE).exists() and any((data / _STORE).iterdir()) and not force:
            raise LocalServerError(
                f"{data / _STORE} already holds a database; importing replaces it (use --force)"
            )
        self.build()
        java = shutil.which("java")
        if java is None:
            raise LocalServerError("java is not on PATH; neo4j-admin needs Java 17 or 21")
        staging = self.home / "import-staging"
        shutil.rmtree(staging, ignore_errors=True)
        (self.home / "logs").mkdir(parents=True, exist_ok=True)
        (staging / "conf").mkdir(parents=True)
        (staging / "conf" / "neo4j.conf").write_text("# neo4j-admin import into staging\n")
        command = [
            java,
            f"-Xmx{self.settings.heap}",
            "-cp",
            str(self.project / "target" / "lib" / "*"),
            "org.neo4j.cli.AdminTool",
            "database",
            "import",
            "full",
            "neo4j",  # before the file lists, which take every argument after them
            "--verbose",  # the cause of a failure (file and position) is printed only so
            f"--report-file={self.home / 'logs' / 'import.report'}",  # bad rows, if any
            *options,
            *arguments,
        ]
        env = os.environ | {"NEO4J_HOME": str(staging), "NEO4J_CONF": str(staging / "conf")}
        try:
            done = subprocess.run(command, env=env, capture_output=True, check=False)
            output = (done.stdout + done.stderr).decode("utf-8", "replace").replace("\0", "")
            if done.returncode != 0 or "IMPORT DONE" not in output:
                causes = [
                    line.removeprefix("Caused by: ").split(": ", 1)[-1]
                    for line in output.splitlines()
                    if line.startswith("Caused by: ")
                ]
                last = [ln for ln in output.splitlines() if ln.strip()][-3:]
                reason = causes[-1] if causes else " ".join(last)
                raise LocalServerError(
                    f"neo4j-admin database import failed (nothing was replaced): {reason}"
                )
            for part in (_STORE, _TX_LOGS):
                old = data / part
                if old.exists():
                    shutil.rmtree(old)
                old.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(staging / "data" / part, old)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return output[output.index("IMPORT DONE") :].strip()

    def start(self) -> ServerStatus:
        """Start the server unless it already runs; wait until it answers queries."""
        self.home.mkdir(parents=True, exist_ok=True)
        with self._lock():
            current = self.status()
            if current.running:
                return current
            if current.pid is not None:
                # A server that died may still be closing its sockets for a moment.
                _reap(current.pid)
                self.pid_file.unlink(missing_ok=True)
                _wait_port_free(self.settings.bolt_port, timeout=10.0)
            if _port_in_use(self.settings.bolt_port):
                raise LocalServerError(
                    f"port {self.settings.bolt_port} is already in use by another process; "
                    "stop it, or choose another port with DYAD_NEO4J_BOLT_PORT"
                )
            self.build()
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            pid = self._spawn()
            self.pid_file.write_text(str(pid))
            try:
                self._wait_ready(pid)
            except BaseException:
                self._terminate(pid)
                self.pid_file.unlink(missing_ok=True)
                raise
            return self.status()

    def _spawn(self) -> int:
        """Start the JVM detached (its own session), output appended to the log file."""
        command = self._command()
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (
                os.POSIX_SPAWN_OPEN,
                1,
                str(self.log_file),
                os.O_WRONLY | os.O_APPEND | os.O_CREAT,
                0o644,
            ),
            (os.POSIX_SPAWN_DUP2, 1, 2),
        ]
        return os.posix_spawn(
            command[0], command, dict(os.environ), file_actions=actions, setsid=True
        )

    def _wait_ready(self, pid: int) -> None:
        deadline = time.monotonic() + self.settings.start_timeout
        driver = open_driver(GraphSettings(), self.bolt_uri)
        try:
            client = GraphClient(driver, timeout=5.0)
            while True:
                exited, status = os.waitpid(pid, os.WNOHANG)
                if exited:
                    raise LocalServerError(
                        f"Neo4j exited with status {os.waitstatus_to_exitcode(status)} while "
                        "starting; "
                        f"the end of {self.log_file}:\n{self.log_tail()}"
                    )
                if _port_in_use(self.settings.bolt_port):
                    try:
                        client.ping()
                        return
                    except GraphError:
                        pass
                if time.monotonic() > deadline:
                    raise LocalServerError(
                        f"Neo4j did not answer within {self.settings.start_timeout:.0f} s; "
                        f"the end of {self.log_file}:\n{self.log_tail()}"
                    )
                time.sleep(0.25)
        finally:
            driver.close()

    def stop(self, timeout: float = 60.0, *, discard: bool = False) -> bool:
        """Stop the server and wait for its JVM to exit. False if none was running.

        ``discard``: the data is thrown away next (a test run's), so the JVM is killed at
        once rather than shut down cleanly, which takes seconds of checkpointing."""
        with self._lock():
            pid = self._read_pid()
            if pid is None or not _is_our_process(pid, self.home):
                self.pid_file.unlink(missing_ok=True)
                return False
            self._terminate(pid, timeout, signal.SIGKILL if discard else signal.SIGTERM)
            self.pid_file.unlink(missing_ok=True)
            return True

    def _terminate(
        self, pid: int, timeout: float = 60.0, first: signal.Signals = signal.SIGTERM
    ) -> None:
        try:
            os.kill(pid, first)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while _alive(pid):
            _reap(pid)
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 10
            time.sleep(0.1)

    def status(self) -> ServerStatus:
        pid = self._read_pid()
        if pid is None:
            return ServerStatus("stopped", None, self.bolt_uri, "no server is running")
        if not _is_our_process(pid, self.home):
            return ServerStatus(
                "dead", pid, self.bolt_uri, f"the server (pid {pid}) is no longer running"
            )
        if not _port_in_use(self.settings.bolt_port):
            return ServerStatus(
                "starting", pid, self.bolt_uri, f"pid {pid} runs but Bolt is not listening yet"
            )
        return ServerStatus("running", pid, self.bolt_uri, f"running as pid {pid}")

    def log_tail(self, lines: int = _LOG_TAIL_LINES) -> str:
        if not self.log_file.is_file():
            return "(no log yet)"
        text = self.log_file.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    @contextmanager
    def _lock(self) -> Iterator[None]:
        self.home.mkdir(parents=True, exist_ok=True)
        with (self.home / "manager.lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def min_size(a: str, b: str) -> str:
    """The smaller of two JVM sizes such as ``1g`` and ``512m``."""

    def mib(size: str) -> int:
        return int(size[:-1]) * (1024 if size.endswith("g") else 1)

    return a if mib(a) <= mib(b) else b


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped) is not alive.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _reap(pid: int) -> None:
    """Collect the exit status of a server this process started, so it leaves no zombie."""
    with suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _is_our_process(pid: int, home: Path) -> bool:
    if not _alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return _MAIN_CLASS.encode() in cmdline and str(home).encode() in cmdline


def _wait_port_free(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while _port_in_use(port) and time.monotonic() < deadline:
        time.sleep(0.1)


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
