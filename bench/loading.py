"""Loading: the batched loader against row-at-a-time MERGE, on the same rows.

Both load the synthetic world at scale 3 (about 12,000 rows) into an emptied database,
after one warm-up load each (so neither pays for planning its queries); the fingerprints of
the two results must be equal. Row-at-a-time runs one transaction per row
(``queries/bench/merge_*_row.cypher``), as a first loader often does.

The batched load takes under two seconds, so one garbage collection or checkpoint in Neo4j
moves it by a third: it is timed BATCHED_RUNS times and its median counts. Row-at-a-time
takes half a minute, 12,000 transactions that average such pauses out, and runs once.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from graph import GraphClient, fingerprint, migrate
from loaders.synth import load_synthetic, synthetic_world
from schema import Node

__all__ = ["BATCHED_RUNS", "batched_against_row_at_a_time"]

BATCHED_RUNS = 5


def _row_at_a_time(client: GraphClient, scale: int, limit: int | None = None) -> int:
    rows = 0
    for item in synthetic_world(scale):
        if limit is not None and rows >= limit:
            break
        if isinstance(item, Node):
            client.write(
                "bench/merge_node_row",
                id=item.id,
                properties=item.properties(),
                label=item.label.value,
            )
        else:
            client.write(
                "bench/merge_relationship_row",
                start=item.start,
                end=item.end,
                key=item.key,
                type=item.type.value,
                properties=item.properties(),
            )
        rows += 1
    return rows


def batched_against_row_at_a_time(client: GraphClient, scale: int = 3) -> dict[str, Any]:
    """Rows per second of each way on the same rows, and their ratio."""
    client.autocommit("graph/clear")
    migrate(client)
    load_synthetic(client, 1)  # warm-up: plans cached
    client.autocommit("graph/clear")
    _row_at_a_time(client, 1, limit=500)
    runs: list[float] = []
    for _ in range(BATCHED_RUNS):
        client.autocommit("graph/clear")
        migrate(client)
        started = time.perf_counter()
        summary = load_synthetic(client, scale)
        runs.append(time.perf_counter() - started)
    batched_s = statistics.median(runs)
    rows = sum(c.total for c in (*summary.labels.values(), *summary.types.values()))
    batched = fingerprint(client)

    client.autocommit("graph/clear")
    migrate(client)
    started = time.perf_counter()
    row_rows = _row_at_a_time(client, scale)
    row_s = time.perf_counter() - started
    row_print = fingerprint(client)
    client.autocommit("graph/clear")
    return {
        "rows": rows,
        "same_graph": batched == row_print and rows == row_rows,
        "batched_s": round(batched_s, 2),
        "batched_runs_s": [round(s, 2) for s in runs],
        "batched_rows_per_s": round(rows / batched_s),
        "row_at_a_time_s": round(row_s, 2),
        "row_at_a_time_rows_per_s": round(row_rows / row_s),
        "ratio": round(row_s / batched_s, 1),
    }
