"""Growth: the same queries at synthetic scales 1, 10, 100, 1000 on one growing database.

The synthetic world at a larger scale contains the smaller one (``loaders.synth``), so each
step loads only the new blocks (timed: rows per second at that size) and then times the
cases over HTTP and through the driver. Latency is reported relative to scale 1. Scales
above 1000 are built by ``neo4j-admin import`` instead (``bench/__main__.py``).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from bench.harness import (
    Case,
    Rounds,
    ServedApi,
    chains_case,
    compare,
    holders_case,
    impact_case,
    in_force_case,
    list_case,
    neighbourhood_case,
    neo4j_pid,
    policies_case,
    rss_mib,
    search_case,
    timeline_case,
)
from graph import GraphClient
from loaders.synth import Anchors, load_synthetic

__all__ = ["grow", "measure_step", "relative_to_first", "root_field_cases", "synthetic_cases"]


def synthetic_cases() -> list[Case]:
    """The four root fields of the mixed workload (concurrency, load), anchored on ids that
    exist at every scale."""
    return [
        chains_case(Anchors.statement, Anchors.home),
        neighbourhood_case(Anchors.hub),
        search_case("rare earth export controls"),
        policies_case(Anchors.home, dt.date(2024, 1, 1)),
    ]


def root_field_cases() -> list[Case]:
    """Every root field that reads the graph: the mixed workload's four, then a list without
    ``totalCount``, ``timeline``, ``inForce``, ``holders`` and ``impact``."""
    return [
        *synthetic_cases(),
        list_case("policies"),
        timeline_case(Anchors.home),
        in_force_case(Anchors.home, dt.date(2025, 1, 1)),
        holders_case(Anchors.office),
        impact_case(Anchors.policy, Anchors.home),
    ]


def grow(
    client: GraphClient,
    api: ServedApi,
    scales: list[int],
    rounds: Rounds,
    home: Path,
    *,
    on_step: Any = None,
) -> list[dict[str, Any]]:
    """Load each scale in turn (the batched loader, only the new blocks) into the Neo4j whose
    home is ``home`` and time every case there. Call ``relative_to_first`` on all the steps
    when done."""
    steps: list[dict[str, Any]] = []
    loaded = 0
    for scale in scales:
        started = time.perf_counter()
        summary = load_synthetic(client, scale, first_block=loaded)
        seconds = time.perf_counter() - started
        rows = sum(c.created for c in (*summary.labels.values(), *summary.types.values()))
        loaded = scale
        steps.append(measure_step(client, api, scale, rows, seconds, rounds, home))
        if on_step:
            on_step(steps[-1])
    return steps


def measure_step(
    client: GraphClient,
    api: ServedApi,
    scale: int,
    rows: int,
    seconds: float,
    rounds: Rounds,
    home: Path,
) -> dict[str, Any]:
    """The graph's size and every case timed, at ``scale``, which took ``seconds`` to load
    ``rows``; then the memory of the Neo4j whose home is ``home`` (``memory_of``)."""
    size = client.read("bench/size")[0]
    cases = [_said(compare(client, api, case, rounds)) for case in root_field_cases()]
    return {
        "scale": scale,
        "nodes": size["nodes"],
        "listings": size["listings"],
        "relationships": size["relationships"],
        "load_rows": rows,
        "load_s": round(seconds, 1),
        "load_rows_per_s": round(rows / seconds),
        "cases": cases,
        "memory": memory_of(client, home),
    }


def memory_of(client: GraphClient, home: Path) -> dict[str, float]:
    """What the Neo4j whose home is ``home`` holds, in MiB: its store on disk (what a page
    cache must hold for no read to touch the disk), its heap in use and the most it may take,
    and its resident memory (heap and the page cache pages it has touched)."""
    heap = client.read("bench/heap")[0]
    store = home / "data" / "databases" / "neo4j"
    stored = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    return {
        "store_mib": round(stored / 2**20, 1),
        "heap_used_mib": round(heap["used"] / 2**20, 1),
        "heap_max_mib": round(heap["max"] / 2**20, 1),
        "rss_mib": rss_mib(neo4j_pid(home)),
    }


def _said(case: dict[str, Any]) -> dict[str, Any]:
    """Print a case's medians as soon as it is measured: a scale's step takes minutes."""
    print(
        f"  {case['case']}: driver {case['cypher']['median_ms']} ms, "
        f"HTTP {case['http']['median_ms']} ms",
        flush=True,
    )
    return case


def relative_to_first(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``steps`` with each case's latency relative to the first step's."""
    base = {c["case"]: c for c in steps[0]["cases"]}
    for step in steps:
        for case in step["cases"]:
            first = base[case["case"]]
            case["cypher_growth"] = round(
                case["cypher"]["median_ms"] / first["cypher"]["median_ms"], 2
            )
            case["http_growth"] = round(case["http"]["median_ms"] / first["http"]["median_ms"], 2)
    return steps
