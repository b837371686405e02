"""API overhead: each GraphQL root field over HTTP against the same Cypher through the driver.

Both sides run interleaved in one process run, against one Neo4j holding the corpus, so
they share the machine's state; the figures are medians and p95 of wall-clock latency and
their ratio. Run with `make bench` (not part of `make test`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

import queries
from api.graphql.context import MAX_RELATIONS_PER_NODE
from graph import GraphClient, GraphSettings, LocalServer, LocalServerSettings, migrate, open_driver
from loaders import CORPUS_DIR, load_corpus
from schema import CAUSAL_TYPES, CausalDirection

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


@dataclass
class Case:
    name: str
    graphql: str
    cypher: str
    params: dict[str, Any]


FORWARD = [t.value for t, d in CAUSAL_TYPES.items() if d is CausalDirection.FORWARD]
BACKWARD = [t.value for t, d in CAUSAL_TYPES.items() if d is CausalDirection.BACKWARD]
BASE = {"relDepth": 0, "relLimit": MAX_RELATIONS_PER_NODE}

CASES = [
    Case(
        "causalChains",
        """{ causalChains(from: "statement:takaichi-2025-11-07-diet", toKind: INDUSTRY,
             toCountry: "country:JPN", maxHops: 6, first: 10) {
             score hops steps { cause { id name } effect { id name } relation confidence status
             sources { id title url } } } }""",
        "causal_chains",
        BASE
        | {
            "from": "statement:takaichi-2025-11-07-diet",
            "toLabel": "Industry",
            "toCountry": "country:JPN",
            "maxHops": 6,
            "minConfidence": 0.0,
            "asOf": None,
            "limit": 10,
            "forwardTypes": FORWARD,
            "backwardTypes": BACKWARD,
        },
    ),
    Case(
        "neighbourhood",
        '{ neighbourhood(id: "country:JPN", depth: 2, limit: 200) { elements } }',
        "neighbourhood",
        BASE | {"id": "country:JPN", "depth": 2, "relTypes": [], "limit": 200},
    ),
    Case(
        "search",
        '{ search(text: "rare earth export controls", first: 20) { score node { id name kind } } }',
        "search",
        BASE
        | {
            "query": "(rare^3 OR rare*^2 OR rare~1) (earth^3 OR earth*^2 OR earth~1) "
            "(export^3 OR export*^2 OR export~1) (controls^3 OR controls*^2 OR controls~1)",
            "kinds": [],
            "limit": 20,
        },
    ),
    Case(
        "policies (filtered list)",
        """{ policies(filter: {country: "country:JPN", from: "2025-01-01"}, sort: DATE, first: 20) {
             totalCount nodes { id name ... on Policy { announced legalRef } } } }""",
        "page_asc",
        BASE
        | {
            "label": "Policy",
            "text": None,
            "country": "country:JPN",
            "from": dt.date(2025, 1, 1),
            "to": None,
            "status": None,
            "minConfidence": None,
            "sort": "date",
            "afterKey": None,
            "afterId": None,
            "limit": 20,
            "withTotal": True,
        },
    ),
]


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
    }


def run(iterations: int = 60, warmup: int = 10) -> dict[str, Any]:
    home = ROOT / ".dyad" / "bench-neo4j"
    server = LocalServer(LocalServerSettings(home=home, bolt_port=7697, http_port=0))
    server.start()
    driver = open_driver(GraphSettings(), server.bolt_uri)
    api: subprocess.Popen[bytes] | None = None
    try:
        client = GraphClient(driver)
        client.autocommit("graph/clear")
        migrate(client)
        load_corpus(client, [CORPUS_DIR])
        port = 8797
        env = os.environ | {"NEO4J_URI": server.bolt_uri, "DYAD_PORT": str(port)}
        api = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/graphql"
        with httpx.Client(timeout=30) as http:
            deadline = time.monotonic() + 30
            while True:
                try:
                    http.get(f"http://127.0.0.1:{port}/healthz")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            results = []
            for case in CASES:
                text = queries.api_query(case.cypher)

                def direct(case: Case = case, text: str = text) -> object:
                    return client.read_text(text, case.params)

                def over_http(case: Case = case) -> object:
                    response = http.post(url, json={"query": case.graphql})
                    body = response.json()
                    if "errors" in body:
                        raise RuntimeError(body["errors"])
                    return body

                for _ in range(warmup):
                    direct()
                    over_http()
                cypher_ms: list[float] = []
                http_ms: list[float] = []
                for _ in range(iterations):
                    cypher_ms.append(_timed(direct))
                    http_ms.append(_timed(over_http))
                c, h = _summary(cypher_ms), _summary(http_ms)
                results.append(
                    {
                        "case": case.name,
                        "iterations": iterations,
                        "cypher": c,
                        "http": h,
                        "median_ratio": round(h["median_ms"] / c["median_ms"], 3),
                        "p95_ratio": round(h["p95_ms"] / c["p95_ms"], 3),
                    }
                )
    finally:
        if api is not None:
            api.terminate()
            api.wait(timeout=20)
        driver.close()
        server.stop()
    return {
        "benchmark": "api_overhead",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "results": results,
    }


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| root field | Cypher via driver: median (p95) ms "
        "| GraphQL over HTTP: median (p95) ms | ratio of medians |",
        "|---|---|---|---|",
    ]
    for r in report["results"]:
        lines.append(
            f"| {r['case']} | {r['cypher']['median_ms']:.2f} ({r['cypher']['p95_ms']:.2f}) "
            f"| {r['http']['median_ms']:.2f} ({r['http']['p95_ms']:.2f}) "
            f"| {r['median_ratio']:.2f}× |"
        )
    return "\n".join(lines)


def main() -> None:
    report = run()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "api_overhead.json").write_text(json.dumps(report, indent=2))
    table = markdown(report)
    (RESULTS / "api_overhead.md").write_text(table + "\n")
    print(table)


if __name__ == "__main__":
    main()
