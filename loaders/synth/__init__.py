"""``dyad synth --scale N``: a deterministic synthetic world streamed into the batched loader.

See ``loaders.synth.world`` for what the world holds and how it grows. Loading goes through
the same ``BatchWriter`` as the research-data loaders (read what exists, create what is new,
update what changed, one transaction per batch), so a second run changes nothing and a
larger scale adds only its new blocks. If writing fails part-way, what this run wrote is
undone batch by batch, newest first.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from graph import GraphClient, GraphError
from loaders.admin_csv import check_import_folder, write_import_files
from loaders.errors import LoadFailedError, RefusedError
from loaders.research_data.batches import BatchWriter
from loaders.synth.world import Anchors, expected_size, synthetic_world
from loaders.write import LoadSummary, ProgressCallback

__all__ = [
    "BLOCKS_PER_PROCESS",
    "Anchors",
    "expected_size",
    "load_synthetic",
    "synthetic_world",
    "write_synthetic_files",
]

#: Blocks per process, at least, when the import files are written by several processes.
BLOCKS_PER_PROCESS = 50


def load_synthetic(
    client: GraphClient,
    scale: int,
    *,
    seed: int = 1,
    first_block: int = 0,
    batch_size: int = 10_000,
    dry_run: bool = False,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> LoadSummary:
    """Generate blocks ``first_block``..``scale - 1`` and load them in batches.

    Refuses a graph holding anything but synthetic nodes (the corpus, research data) unless
    ``force``: synthetic facts must never mix with a graph researchers cite.
    """
    if not force:
        foreign = client.read("synth/foreign_node")
        if foreign:
            raise RefusedError(
                f"the graph holds {foreign[0]['id']!r}, which dyad synth did not make; "
                "synthetic data goes into an empty database (or pass force)"
            )
    summary = LoadSummary(dry_run=dry_run)
    writer = BatchWriter(client, summary, batch_size, by="dyad synth")
    nodes, rels = expected_size(scale)
    first_nodes, first_rels = expected_size(first_block) if first_block else (0, 0)
    total = nodes + rels - first_nodes - first_rels
    done = 0
    try:
        for item in synthetic_world(scale, seed, first_block=first_block):
            writer.add(item)
            done += 1
            if progress and done % batch_size == 0:
                progress(min(done, total), total)
        writer.flush()
    except GraphError as exc:
        writer.undo_all("synth", exc)
        raise LoadFailedError(
            f"synth: writing failed and what was written was undone: {exc}"
        ) from exc
    if progress:
        progress(total, total)
    return summary


def write_synthetic_files(
    scale: int,
    folder: Path,
    *,
    seed: int = 1,
    processes: int | None = None,
    blocks_per_process: int = BLOCKS_PER_PROCESS,
) -> dict[str, int]:
    """Write the world at ``scale`` as ``neo4j-admin import`` files into ``folder`` (empty);
    rows per file name (``nodes-Policy``, ``relationships-MADE_BY``...).

    Blocks are independent (each seeded by ``(seed, block)``), so ``processes`` (default: one
    per CPU, each with at least ``blocks_per_process`` blocks) each write a contiguous range
    of blocks into files of their own (``nodes-Policy.part1.csv``...); the files hold the
    same rows as one process writes.
    """
    parts = max(1, min(processes or os.cpu_count() or 1, scale // blocks_per_process))
    if parts == 1:
        return write_import_files(synthetic_world(scale, seed), folder).counts
    check_import_folder(folder)
    bounds = [scale * k // parts for k in range(parts + 1)]
    counts: dict[str, int] = {}
    with ProcessPoolExecutor(parts) as pool:
        runs = [
            pool.submit(_write_part, seed, bounds[k], bounds[k + 1], folder, f"part{k + 1}")
            for k in range(parts)
        ]
        for run in runs:
            for name, rows in run.result().items():
                counts[name] = counts.get(name, 0) + rows
    return counts


def _write_part(seed: int, first: int, last: int, folder: Path, part: str) -> dict[str, int]:
    world = synthetic_world(last, seed, first_block=first)
    return write_import_files(world, folder, part=part).counts
