"""Load as users feel it, from standard generators, on the benchmark's mixed workload
(``bench.growth.synthetic_cases``) posted to /graphql.

- Closed loop: ``wrk`` (Debian's package) with ``bench/load.lua``, N connections each sending
  its next request when the last is answered.
- The ceiling: the same mix, as the Cypher the API sends (``bench/api_reads.py``), through the
  driver's ``execute_query`` alone, from as many threads as wrk has connections.
- Open loop: ``bench/openloop/run.mjs`` (Node's http client, no dependencies) at fixed
  arrival rates, each request timed from when it was due. wrk2, oha and vegeta are not
  packaged by Debian, and autocannon's fixed rate arrives as one burst a second (the script
  says why).

Each run reports p50, p95, p99, requests/s and errors (a transport failure, a status other
than 200, or an answer carrying GraphQL ``errors``), and the CPU each process (the API, Neo4j)
used over the run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, LiteralString

from bench.api_reads import read_sent_for
from bench.driver_floor import documented_read
from bench.growth import synthetic_cases
from bench.harness import Case, ServedApi, bench_client, neo4j_pid, rss_mib, served_api
from graph import GraphClient, migrate
from loaders.synth import load_synthetic

__all__ = [
    "OPEN_LOOP_RATES",
    "driver_ceiling",
    "load_table",
    "measure_load",
    "open_loop",
    "under_load",
    "wrk_closed_loop",
]

MIX = Path(__file__).with_suffix(".lua")
OPENLOOP = Path(__file__).with_name("openloop") / "run.mjs"
#: Arrival rates (requests/s) of the open-loop runs.
OPEN_LOOP_RATES = (50, 100, 150, 200, 400)


@contextmanager
def _bodies(cases: list[Case]) -> Iterator[Path]:
    """The cases' GraphQL requests as a file of JSON bodies, one a line."""
    with tempfile.TemporaryDirectory() as folder:
        bodies = Path(folder) / "bodies.jsonl"
        bodies.write_text("".join(json.dumps({"query": c.graphql}) + "\n" for c in cases))
        yield bodies


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its children (uvicorn's
    workers), from /proc; 0 for no process."""
    if not pid:
        return 0.0
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _with_cpu(pids: dict[str, int], run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``run()``'s figures, with the CPU each process of ``pids`` used over it, in percent of
    one core."""
    before = {name: _cpu_seconds(pid) for name, pid in pids.items()}
    started = time.monotonic()
    figures = run()
    elapsed = time.monotonic() - started
    figures["cpu_percent"] = {
        name: round(100 * (_cpu_seconds(pid) - before[name]) / elapsed)
        for name, pid in pids.items()
        if pid
    }
    return figures


def wrk_closed_loop(
    url: str, cases: list[Case], *, clients: int = 32, seconds: float = 30, threads: int = 2
) -> dict[str, Any]:
    """``wrk`` with ``clients`` connections for ``seconds`` against ``url``, the cases in turn."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("the load benchmark needs wrk: apt-get install wrk (make bench does)")
    with _bodies(cases) as bodies:
        done = subprocess.run(
            [wrk, f"-t{threads}", f"-c{clients}", f"-d{round(seconds)}s", "--timeout", "60s",
             "-s", str(MIX), url, "--", str(bodies)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    errors = sum(figures[k] for k in ("graphql_errors", "connect", "read", "write", "timeout"))
    return {
        "generator": "wrk (closed loop)",
        "clients": clients,
        "seconds": round(figures["seconds"], 1),
        "requests": figures["requests"],
        "throughput_per_s": round((figures["requests"] - errors) / figures["seconds"], 1),
        "p50_ms": figures["p50_ms"],
        "p95_ms": figures["p95_ms"],
        "p99_ms": figures["p99_ms"],
        "errors": errors,
        "cases": [c.name for c in cases],
    }


def driver_ceiling(
    client: GraphClient,
    reads: list[tuple[LiteralString, dict[str, Any]]],
    *,
    clients: int = 32,
    seconds: float = 30,
    names: list[str] | None = None,
) -> dict[str, Any]:
    """The mix's reads (Cypher and parameters) through the driver alone, ``clients`` threads
    for ``seconds``. A failed read is counted by kind (``names``: the reads' cases)."""
    names = names or [f"read {i}" for i in range(len(reads))]
    deadline = time.monotonic() + seconds
    errors: Counter[str] = Counter()

    def worker(offset: int) -> list[float]:
        latencies: list[float] = []
        turn = offset
        while time.monotonic() < deadline:
            text, params = reads[turn % len(reads)]
            turn += 1
            started = time.perf_counter()
            try:
                documented_read(client, text, params)
            except Exception as exc:  # counted by kind, as wrk counts its errors
                errors[f"{names[(turn - 1) % len(reads)]}: {type(exc).__name__}"] += 1
                continue
            latencies.append((time.perf_counter() - started) * 1000)
        return latencies

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        latencies = sorted(x for run in pool.map(worker, range(clients)) for x in run)
    elapsed = time.monotonic() - started

    def at(q: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2)

    return {
        "generator": "driver execute_query, threads (closed loop)",
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "throughput_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": at(0.5),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "errors": sum(errors.values()),
        "errors_by_kind": dict(errors),
    }


def open_loop(url: str, cases: list[Case], rate: int, *, seconds: float = 20) -> dict[str, Any]:
    """``rate`` requests/s for ``seconds``, the cases in turn, one due every ``1 / rate`` s
    whatever the answers do, each timed from when it was due (``bench/openloop/run.mjs``)."""
    with _bodies(cases) as bodies:
        done = subprocess.run(
            ["node", str(OPENLOOP), url, str(bodies), str(rate), str(round(seconds))],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {"generator": "paced (open loop)", **figures}


def _turning_point(runs: list[dict[str, Any]]) -> int | None:
    """The first rate the server does not keep up with (under 95% of it served) or whose p50
    is more than twice the lowest rate's."""
    base = runs[0]["p50_ms"]
    for run in runs:
        if run["throughput_per_s"] < 0.95 * run["rate"] or run["p50_ms"] > 2 * base:
            return int(run["rate"])
    return None


def measure_load(
    client: GraphClient,
    api: ServedApi,
    scale: int,
    *,
    clients: int = 32,
    seconds: float = 30,
    rates: tuple[int, ...] = OPEN_LOOP_RATES,
    neo4j_pid: int = 0,
) -> dict[str, Any]:
    """wrk against a running API, the driver's ceiling on the same Neo4j and mix, then
    the open loop at each of ``rates``; each with the CPU the API and Neo4j used."""
    cases = synthetic_cases()
    # Recorded first, while nothing else runs: each is the API answering once, in-process.
    reads = [read_sent_for(api.bolt_uri, c.graphql, c.query) for c in cases]
    pids = {"api": api.pid, "neo4j": neo4j_pid}
    api_side = _with_cpu(
        pids, lambda: wrk_closed_loop(api.url, cases, clients=clients, seconds=seconds)
    )
    rss = rss_mib(api.pid)
    ceiling = _with_cpu(
        pids,
        lambda: driver_ceiling(
            client, reads, clients=clients, seconds=seconds, names=[c.name for c in cases]
        ),
    )
    opened = [
        _with_cpu(pids, partial(open_loop, api.url, cases, rate, seconds=seconds)) for rate in rates
    ]
    return {
        "scale": scale,
        "api": api_side,
        "driver": ceiling,
        "api_share_of_ceiling": round(
            api_side["throughput_per_s"] / ceiling["throughput_per_s"], 3
        ),
        "api_rss_mib": rss,
        "open_loop": opened,
        "turns_up_at": _turning_point(opened) if opened else None,
    }


def under_load(
    home: Path, scale: int, *, clients: int = 32, seconds: float = 30, bolt_port: int = 7697,
    api_port: int = 8797, rates: tuple[int, ...] = OPEN_LOOP_RATES, workers: int = 1,
) -> dict[str, Any]:  # fmt: skip
    """``measure_load`` on a fresh bench Neo4j holding the synthetic world at ``scale``."""
    with bench_client(home, fresh=True, port=bolt_port) as (client, bolt_uri):
        migrate(client)
        load_synthetic(client, scale)
        with served_api(bolt_uri, port=api_port, workers=workers) as api:
            return {"api_workers": workers} | measure_load(
                client, api, scale, clients=clients, seconds=seconds, rates=rates,
                neo4j_pid=neo4j_pid(home),
            )  # fmt: skip


def load_table(load: dict[str, Any]) -> list[str]:
    """The markdown section of a report's ``load`` part (bench/report.py)."""
    lines = [
        "",
        f"## Load at scale {load['scale']}: {load['api']['clients']} clients, closed loop, "
        f"the mixed workload, {load.get('api_workers', 1)} API process(es)",
        "",
        "| side | requests | requests/s | p50 ms | p95 ms | p99 ms | errors | CPU % (API, Neo4j) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for side in ("api", "driver"):
        r = load[side]
        lines.append(
            f"| {r['generator']} | {r['requests']:,} | {r['throughput_per_s']} | {r['p50_ms']} "
            f"| {r['p95_ms']} | {r['p99_ms']} | {r['errors']} | {_cpu(r)} |"
        )
    lines += ["", f"The API's throughput is {load['api_share_of_ceiling']:.0%} of the ceiling."]
    if load.get("driver", {}).get("errors_by_kind"):
        lines += [f"Ceiling errors: {load['driver']['errors_by_kind']}"]
    if load.get("api_rss_mib"):
        lines += [f"The API's resident memory after the closed loop: {load['api_rss_mib']} MiB."]
    if load.get("open_loop"):
        lines += [
            "",
            "### Open loop (fixed arrival rate, each request timed from when it was due)",
            "",
            "| rate /s | served /s | p50 ms | p95 ms | p99 ms | errors | CPU % (API, Neo4j) |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in load["open_loop"]:
            lines.append(
                f"| {r['rate']} | {r['throughput_per_s']} | {r['p50_ms']} | {r['p95_ms']} "
                f"| {r['p99_ms']} | {r['errors']} | {_cpu(r)} |"
            )
        turn = load.get("turns_up_at")
        lines += [
            "",
            f"Latency turns up at {turn} requests/s."
            if turn
            else "Latency does not turn up at these rates.",
        ]
    return lines


def _cpu(run: dict[str, Any]) -> str:
    cpu = run.get("cpu_percent", {})
    return f"{cpu.get('api', '–')}, {cpu.get('neo4j', '–')}"
