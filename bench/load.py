"""Load as users feel it, from a standard generator: ``wrk`` (Debian's package) with
``bench/load.lua`` posting the benchmark's mixed workload (``bench.growth.synthetic_cases``) to
/graphql in a closed loop, N connections each sending its next request when the last is
answered. It reports p50, p95, p99, requests/s and errors; an error is a transport failure, a
status other than 200 or an answer carrying GraphQL ``errors``.

Beside it, the ceiling: the same mix, as the Cypher the API sends (``bench/api_reads.py``),
through the driver's ``execute_query`` alone, from as many threads as wrk has connections.

Open-loop rates (fixed arrivals per second) need wrk2 or oha, which Debian bookworm does not
package; not measured here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, LiteralString

from bench.api_reads import read_sent_for
from bench.driver_floor import documented_read
from bench.growth import synthetic_cases
from bench.harness import Case, ServedApi, bench_client, served_api
from graph import GraphClient, migrate
from loaders.synth import load_synthetic

__all__ = ["driver_ceiling", "load_table", "measure_load", "under_load", "wrk_closed_loop"]

MIX = Path(__file__).with_suffix(".lua")


def wrk_closed_loop(
    url: str, cases: list[Case], *, clients: int = 32, seconds: float = 30, threads: int = 2
) -> dict[str, Any]:
    """``wrk`` with ``clients`` connections for ``seconds`` against ``url``, the cases in turn."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("the load benchmark needs wrk: apt-get install wrk (make bench does)")
    with tempfile.TemporaryDirectory() as folder:
        bodies = Path(folder) / "bodies.jsonl"
        bodies.write_text("".join(json.dumps({"query": c.graphql}) + "\n" for c in cases))
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
) -> dict[str, Any]:
    """The mix's reads (Cypher and parameters) through the driver alone, ``clients`` threads
    for ``seconds``."""
    deadline = time.monotonic() + seconds

    def worker(offset: int) -> list[float]:
        latencies: list[float] = []
        turn = offset
        while time.monotonic() < deadline:
            text, params = reads[turn % len(reads)]
            turn += 1
            started = time.perf_counter()
            documented_read(client, text, params)
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
        "errors": 0,  # an error ends the run with its exception
    }


def measure_load(
    client: GraphClient, api: ServedApi, scale: int, *, clients: int = 32, seconds: float = 30
) -> dict[str, Any]:
    """wrk against a running API, then the driver's ceiling on the same Neo4j and mix."""
    cases = synthetic_cases()
    # Recorded first, while nothing else runs: each is the API answering once, in-process.
    reads = [read_sent_for(api.bolt_uri, c.graphql, c.query) for c in cases]
    api_side = wrk_closed_loop(api.url, cases, clients=clients, seconds=seconds)
    ceiling = driver_ceiling(client, reads, clients=clients, seconds=seconds)
    return {
        "scale": scale,
        "api": api_side,
        "driver": ceiling,
        "api_share_of_ceiling": round(
            api_side["throughput_per_s"] / ceiling["throughput_per_s"], 3
        ),
    }


def under_load(
    home: Path, scale: int, *, clients: int = 32, seconds: float = 30, bolt_port: int = 7697,
    api_port: int = 8797,
) -> dict[str, Any]:  # fmt: skip
    """``measure_load`` on a fresh bench Neo4j holding the synthetic world at ``scale``."""
    with bench_client(home, fresh=True, port=bolt_port) as (client, bolt_uri):
        migrate(client)
        load_synthetic(client, scale)
        with served_api(bolt_uri, port=api_port) as api:
            return measure_load(client, api, scale, clients=clients, seconds=seconds)


def load_table(load: dict[str, Any]) -> list[str]:
    """The markdown section of a report's ``load`` part (bench/report.py)."""
    lines = [
        "",
        f"## Load at scale {load['scale']}: {load['api']['clients']} clients, closed loop, "
        "the mixed workload",
        "",
        "| side | requests | requests/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for side in ("api", "driver"):
        r = load[side]
        lines.append(
            f"| {r['generator']} | {r['requests']:,} | {r['throughput_per_s']} | {r['p50_ms']} "
            f"| {r['p95_ms']} | {r['p99_ms']} | {r['errors']} |"
        )
    lines += ["", f"The API's throughput is {load['api_share_of_ceiling']:.0%} of the ceiling."]
    return lines
