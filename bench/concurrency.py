"""Concurrency: N clients for a fixed time against /graphql, each sending the cases in turn.

Every request is timed end to end; an error is a non-200 status, a body with ``errors``,
or a transport failure. Reports throughput, p50, p99 and the errors by kind.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import Counter
from typing import Any

import httpx

from bench.harness import Case

__all__ = ["hammer"]


async def _client(
    http: httpx.AsyncClient,
    url: str,
    cases: list[Case],
    offset: int,
    deadline: float,
    latencies: list[float],
    errors: Counter[str],
) -> None:
    turn = offset
    while time.monotonic() < deadline:
        case = cases[turn % len(cases)]
        turn += 1
        started = time.perf_counter()
        try:
            response = await http.post(url, json={"query": case.graphql})
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            errors[f"{case.name}: {type(exc).__name__}"] += 1
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or "errors" in body:
            errors[f"{case.name}: HTTP {response.status_code}"] += 1


async def _run(url: str, cases: list[Case], clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(_client(http, url, cases, i, deadline, latencies, errors) for i in range(clients))
        )
        elapsed = time.monotonic() - started
    ordered = sorted(latencies)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0

    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies) + sum(errors.values()),
        "throughput_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered), 1) if ordered else 0,
        "p99_ms": at(0.99),
        "errors": sum(errors.values()),
        "errors_by_kind": dict(errors),
        "cases": [c.name for c in cases],
    }


def hammer(
    url: str, cases: list[Case], *, clients: int = 32, seconds: float = 30
) -> dict[str, Any]:
    """``clients`` concurrent clients for ``seconds`` against ``url``."""
    return asyncio.run(_run(url, cases, clients, seconds))
