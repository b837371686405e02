"""``dyad synth --scale N``: a deterministic synthetic world streamed into the batched loader.

See ``loaders.synth.world`` for what the world holds and how it grows. Loading goes through
the same ``BatchWriter`` as the research-data loaders (read what exists, create what is new,
update what changed, one transaction per batch), so a second run changes nothing and a
larger scale adds only its new blocks. If writing fails part-way, what this run wrote is
undone batch by batch, newest first.
"""

from __future__ import annotations

from graph import GraphClient, GraphError
from loaders.errors import LoadFailedError, RefusedError
from loaders.research_data.batches import BatchWriter
from loaders.synth.world import Anchors, expected_size, synthetic_world
from loaders.write import LoadSummary, ProgressCallback

__all__ = ["Anchors", "expected_size", "load_synthetic", "synthetic_world"]


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
