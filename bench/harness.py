"""What every benchmark shares: a Neo4j of its own, a served API, cases and timing.

A case is one GraphQL request and the name of the API query that answers it. The Cypher and
its parameters are recorded from the API answering the request (``bench/api_reads.py``), so
the driver side runs exactly what the API runs; the two are timed side by side (interleaved,
in one run) and checked to give the same answer.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.api_reads import read_sent_for
from bench.driver_floor import documented_read
from bench.lean_http import KeptAlive, server_timing
from graph import GraphClient, GraphSettings, LocalServer, LocalServerSettings, open_driver
from loaders.admin_csv import import_arguments, import_options

__all__ = [
    "RESULTS",
    "ROOT",
    "Case",
    "Rounds",
    "ServedApi",
    "bench_client",
    "compare",
    "machine",
    "neo4j_pid",
    "rss_mib",
    "served_api",
    "summary",
    "timed",
]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


@dataclass
class Case:
    """One GraphQL request and the API query (``queries/api/<query>.cypher``) answering it."""

    name: str
    graphql: str
    query: str
    #: The node ids the HTTP answer names, to check both sides agree.
    http_ids: Callable[[dict[str, Any]], set[str]] = field(default=lambda body: set())
    #: Whether the answer names exactly the query's roots (else only nodes the query read:
    #: chains name their start, holders their office, impact its policy, as roots too).
    roots_exact: bool = True


@dataclass(frozen=True)
class ServedApi:
    """A running ``dyad serve``: its /graphql URL, and the Neo4j it reads."""

    url: str
    bolt_uri: str
    #: The ``dyad serve`` process (its CPU and memory are measured under load).
    pid: int = 0


def chains_case(start: str, to_country: str) -> Case:
    return Case(
        "causalChains",
        f"""{{ causalChains(from: "{start}", toKind: INDUSTRY, toCountry: "{to_country}",
             maxHops: 6, first: 10) {{
             score hops steps {{ cause {{ id name }} effect {{ id name }} relation confidence
             status sources {{ id title url }} }} }} }}""",
        "causal_chains",
        lambda body: {
            node["id"]
            for chain in body["data"]["causalChains"]
            for step in chain["steps"]
            for node in (step["cause"], step["effect"])
        },
        roots_exact=False,
    )


def neighbourhood_case(center: str) -> Case:
    return Case(
        "neighbourhood",
        f'{{ neighbourhood(id: "{center}", depth: 2, limit: 200) {{ elements }} }}',
        "neighbourhood",
        lambda body: {e["data"]["id"] for e in body["data"]["neighbourhood"]["elements"]["nodes"]},
    )


def search_case(text: str) -> Case:
    return Case(
        "search",
        f'{{ search(text: "{text}", first: 20) {{ edges {{ score node {{ id name kind }} }} }} }}',
        "search",
        lambda body: {hit["node"]["id"] for hit in body["data"]["search"]["edges"]},
    )


def policies_case(country: str, since: dt.date) -> Case:
    return Case(
        "policies (filtered list)",
        f"""{{ policies(filter: {{country: "{country}", from: "{since.isoformat()}"}},
             sort: DATE, first: 20) {{
             totalCount nodes {{ id name ... on Policy {{ announced legalRef }} }} }} }}""",
        "page_asc",
        lambda body: {node["id"] for node in body["data"]["policies"]["nodes"]},
    )


def list_case(kind: str) -> Case:
    """A list without ``totalCount``: the first 20 of a kind by date."""
    return Case(
        f"{kind} (list)",
        f"{{ {kind}(sort: DATE, first: 20) {{ nodes {{ id name }} }} }}",
        "page_asc",
        lambda body: {node["id"] for node in body["data"][kind]["nodes"]},
    )


def timeline_case(country: str) -> Case:
    return Case(
        "timeline",
        f'{{ timeline(countries: ["{country}"]) {{ items {{ id }} }} }}',
        "timeline",
        lambda body: {item["id"] for item in body["data"]["timeline"]["items"]},
    )


def in_force_case(country: str, as_of: dt.date) -> Case:
    return Case(
        "inForce",
        f'{{ inForce(asOf: "{as_of.isoformat()}", country: "{country}") {{ id name }} }}',
        "in_force",
        lambda body: {policy["id"] for policy in body["data"]["inForce"]},
    )


def holders_case(office: str) -> Case:
    return Case(
        "holders",
        f'{{ holders(office: "{office}") {{ person {{ id name }} validFrom }} }}',
        "office_holders",
        lambda body: {holding["person"]["id"] for holding in body["data"]["holders"]},
        roots_exact=False,
    )


def impact_case(policy: str, country: str) -> Case:
    return Case(
        "impact",
        f"""{{ impact(policy: "{policy}", country: "{country}") {{
             industries {{ industry {{ id name }} exposure }} }} }}""",
        "impact",
        lambda body: {i["industry"]["id"] for i in body["data"]["impact"]["industries"]},
        roots_exact=False,
    )


@dataclass(frozen=True)
class Rounds:
    """How long ``compare`` warms up and then measures, in rounds (one call of each side).

    Each phase runs at least its number of rounds and at least its seconds, whichever is
    longer: a slow query (a list at scale 1000 takes about 200 ms) gets its rounds, and a fast one
    (2 ms at scale 1) gets enough time to settle and enough samples for a steady median. A
    query that takes seconds (an unbounded read at scale 1000) stops after ``most_seconds``
    once it has ``fewest`` rounds: its median says enough, and the run must end.
    """

    iterations: int = 60
    warmup: int = 10
    seconds: float = 3.0
    warmup_seconds: float = 2.0
    most_seconds: float = 60.0
    fewest: int = 12

    def warming(self) -> Iterator[int]:
        return _rounds(self.warmup, self.warmup_seconds, cap=(self.most_seconds, 2))

    def measuring(self, *, whole: int = 1) -> Iterator[int]:
        """Rounds to measure, stopping only after a multiple of ``whole`` (so that each side
        goes first equally often)."""
        return _rounds(self.iterations, self.seconds, whole, cap=(self.most_seconds, self.fewest))


def _rounds(
    at_least: int, seconds: float, whole: int = 1, *, cap: tuple[float, int] | None = None
) -> Iterator[int]:
    """0, 1, 2 … until both ``at_least`` rounds and ``seconds`` have passed, and the count
    is a multiple of ``whole``; or, with ``cap`` (most seconds, fewest rounds), once both of
    those have passed (and the count is a multiple of ``whole``)."""
    started = time.perf_counter()
    done = 0
    while True:
        spent = time.perf_counter() - started
        if done % whole == 0:
            if done >= at_least and spent >= seconds:
                return
            if cap is not None and spent >= cap[0] and done >= cap[1]:
                return
        yield done
        done += 1


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)

    return {
        "median_ms": round(statistics.median(ordered), 3),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
    }


def machine() -> dict[str, Any]:
    def first_line(*command: str) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError:
            return "unknown"
        return ((done.stdout or done.stderr).splitlines() or ["unknown"])[0]

    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    return {
        "cpus": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "java": first_line("java", "-version"),
    }


@contextmanager
def bench_client(
    home: Path, *, fresh: bool, heap: str = "4g", pagecache: str = "4g", port: int = 7697,
    imported: Path | None = None,
) -> Iterator[tuple[GraphClient, str]]:  # fmt: skip
    """A Neo4j of the benchmark's own (its own data folder and port), and a client on it.

    ``fresh`` starts from an empty database (the data folder is removed first); with
    ``imported`` (a folder of import files, ``dyad synth --csv``), the database is what
    ``neo4j-admin import`` makes of them.
    """
    if fresh and (home / "data").exists():
        shutil.rmtree(home / "data")
    server = LocalServer(
        LocalServerSettings(
            home=home, bolt_port=port, http_port=0, heap=heap, pagecache=pagecache,
            exit_with_parent=True,
        )
    )  # fmt: skip
    if imported is not None:
        server.import_files(import_arguments(imported), import_options(imported), force=True)
    server.start()
    driver = open_driver(GraphSettings(), server.bolt_uri)
    try:
        yield GraphClient(driver), server.bolt_uri
    finally:
        driver.close()
        server.stop()


def neo4j_pid(home: Path) -> int:
    """The process of the Neo4j whose home is ``home`` (0 when none runs)."""
    pid_file = home / "neo4j.pid"
    return int(pid_file.read_text()) if pid_file.exists() else 0


def rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` and its children, in MiB."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        parent = next(ln.split()[1] for ln in status.splitlines() if ln.startswith("PPid:"))
        if int(entry.name) == pid or int(parent) == pid:
            total += next(
                int(ln.split()[1]) for ln in status.splitlines() if ln.startswith("VmRSS:")
            )
    return round(total / 1024, 1)


@contextmanager
def served_api(bolt_uri: str, port: int = 8797, workers: int = 1) -> Iterator[ServedApi]:
    """``dyad serve`` against ``bolt_uri``, in its own process (and ``workers`` worker
    processes when more than one)."""
    env = os.environ | {"NEO4J_URI": bolt_uri, "DYAD_PORT": str(port), "DYAD_WORKERS": str(workers)}
    api = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        with httpx.Client(timeout=5) as http:
            while True:
                try:
                    http.get(f"http://127.0.0.1:{port}/healthz")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or api.poll() is not None:
                        raise RuntimeError("dyad serve did not come up") from None
                    time.sleep(0.2)
        yield ServedApi(f"http://127.0.0.1:{port}/graphql", bolt_uri, api.pid)
    finally:
        stopped(api)


def stopped(process: subprocess.Popen[bytes]) -> None:
    """Stop a server the bench started: asked, then killed after a minute. The figures are
    taken by then, and a server still draining a queue must not lose them."""
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def compare(
    client: GraphClient,
    api: ServedApi,
    case: Case,
    rounds: Rounds,
) -> dict[str, Any]:
    """Time the Cypher through the driver and the GraphQL request over HTTP, interleaved.

    The driver side is timed twice: through the driver's documented call, ``execute_query``
    with rows as dicts of plain values (``Record.data()``), which the targets measure
    against; and through ``GraphClient.read_text`` with the values as the driver decoded
    them, as the API reads (it converts only temporal values itself).
    """
    text, params = read_sent_for(api.bolt_uri, case.graphql, case.query)
    lean = KeptAlive(api.url)  # a slow driver-side query may leave it idle past keep-alive

    def direct() -> list[dict[str, Any]]:
        return documented_read(client, text, params)

    def decoded() -> list[dict[str, Any]]:
        return client.read_text(text, params, convert=False)

    timings: list[str] = []  # each answer's Server-Timing, read once timing is over

    def over_http() -> dict[str, Any]:
        body = lean.post({"query": case.graphql})
        if "errors" in body:
            raise RuntimeError(f"{case.name}: {body['errors']}")
        timings.append(lean.http.headers.get("server-timing", ""))
        return body

    rows, body = direct(), over_http()
    cypher_ids = set(rows[0]["roots"]) if rows else set()
    same = case.http_ids(body) <= {n["id"] for n in rows[0]["nodes"]} if rows else False
    if case.roots_exact:
        same = same and case.http_ids(body) == cypher_ids
    for _ in rounds.warming():
        direct()
        decoded()
        over_http()
    timings.clear()
    cypher_ms: list[float] = []
    decoded_ms: list[float] = []
    http_ms: list[float] = []
    sides: list[tuple[Callable[[], Any], list[float]]] = [
        (direct, cypher_ms),
        (decoded, decoded_ms),
        (over_http, http_ms),
    ]
    for iteration in rounds.measuring(whole=len(sides)):
        # Each side goes first, second and third equally often: a query run right after
        # the same query runs warmer, and that must not favour one side.
        turn = iteration % len(sides)
        for call, samples in sides[turn:] + sides[:turn]:
            samples.append(timed(call))
    lean.close()
    parsed = [server_timing(header) for header in timings]
    inside_ms = [timing["total"] for timing in parsed]
    graph_ms = [timing.get("graph", 0.0) for timing in parsed]
    c, d, h = summary(cypher_ms), summary(decoded_ms), summary(http_ms)
    return {
        "case": case.name,
        "iterations": len(http_ms),
        "same_answer": same,
        "answer_size": len(cypher_ids),
        "cypher": c,
        "decoded": d,
        "http": h,
        # Where the HTTP side's time went, from the API's own Server-Timing header: inside
        # its GraphQL endpoint, and of that, waiting on Neo4j. The rest of the HTTP median
        # is outside the endpoint: the two processes' hand-offs, HTTP, the client.
        "inside_api_ms": round(statistics.median(inside_ms), 3),
        "neo4j_in_api_ms": round(statistics.median(graph_ms), 3),
        # The target: the API's median within 3 ms of the driver's documented call.
        "median_gap_ms": round(h["median_ms"] - c["median_ms"], 3),
        "median_ratio": round(h["median_ms"] / c["median_ms"], 3),
        "decoded_ratio": round(h["median_ms"] / d["median_ms"], 3),
        "p95_ratio": round(h["p95_ms"] / c["p95_ms"], 3),
    }
