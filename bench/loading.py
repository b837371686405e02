"""Loading: the batched loader against row-at-a-time MERGE, on the same rows.

Both load the synthetic world at scale 1 (about 4,000 rows) into an emptied database; the
fingerprints of the two results must be equal. Row-at-a-time runs one autocommit
transaction per row (``queries/bench/merge_*_row.cypher``), as a first loader often does.
"""

from __future__ import annotations

import time
from typing import Any

from graph import GraphClient, fingerprint, migrate
from loaders.synth import load_synthetic, synthetic_world
from schema import Node

__all__ = ["batched_against_row_at_a_time"]


def _row_at_a_time(client: GraphClient, scale: int) -> int:
    rows = 0
    for item in synthetic_world(scale):
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


def batched_against_row_at_a_time(client: GraphClient, scale: int = 1) -> dict[str, Any]:
    """Rows per second of each way on the same rows, and their ratio."""
    client.autocommit("graph/clear")
    migrate(client)
    started = time.perf_counter()
    summary = load_synthetic(client, scale)
    batched_s = time.perf_counter() - started
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
        "batched_rows_per_s": round(rows / batched_s),
        "row_at_a_time_s": round(row_s, 2),
        "row_at_a_time_rows_per_s": round(row_rows / row_s),
        "ratio": round(row_s / batched_s, 1),
    }
