"""Writing validated nodes and relationships in one transaction, in batches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import GraphClient, GraphError, WriteBatch, store_list_keys
from loaders.errors import LoadFailedError
from loaders.history import Change, node_change, record, relationship_change
from schema import Label, Node, Relationship, RelType, without_list_keys

__all__ = ["AlsoWrite", "Counts", "LoadSummary", "ProgressCallback", "plan_and_write"]

#: Called with (rows done, rows in all) as batches are written.
ProgressCallback = Callable[[int, int], None]
#: Called with the open transaction after the rows are written (also in a dry run, whose
#: transaction is then rolled back): what must commit together with them. It returns the
#: changes it made (queue items queued or decided), recorded in the history with the rest.
AlsoWrite = Callable[[WriteBatch], Sequence[Change] | None]


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class LoadSummary:
    """What a load did (or, dry, would do) per label and per relationship type."""

    labels: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    types: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    dry_run: bool = False
    #: The ids of the nodes, relationships (``schema.edge_id``) and queue items changed.
    subjects: set[str] = field(default_factory=set)

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated for c in (*self.labels.values(), *self.types.values()))


def _node_row(node: Node) -> dict[str, Any]:
    return {"id": node.id, "properties": node.properties()}


def _rel_row(rel: Relationship) -> dict[str, Any]:
    return {"start": rel.start, "end": rel.end, "key": rel.key, "properties": rel.properties()}


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def norm(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [norm(v) for v in value]
        if hasattr(value, "to_native"):
            return value.to_native()
        return value

    return {k: norm(v) for k, v in a.items()} == {k: norm(v) for k, v in b.items()}


def plan_and_write(
    client: GraphClient,
    nodes: Sequence[Node],
    relationships: Sequence[Relationship],
    *,
    batch_size: int,
    by: str,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    also: AlsoWrite | None = None,
) -> LoadSummary:
    """Write everything in one transaction (all or nothing) and say what changed.

    Existing rows are read first, inside the same transaction, to count created, updated and
    unchanged; only created and updated rows are written, so a re-load costs reads alone.
    With ``dry_run`` the transaction is rolled back after counting. ``also`` writes more in
    the same transaction (the review queue of an ingested article).

    Every node and relationship created or updated, and every change ``also`` reports, is
    recorded in the history (``loaders/history.py``) in that same transaction, as done ``by``
    the command named (``"dyad load"``, ``"api token"``): a re-load that changes nothing
    records nothing.
    """
    summary = LoadSummary(dry_run=dry_run)
    by_label: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        by_label[node.label].append(_node_row(node))
    by_type: dict[RelType, list[dict[str, Any]]] = defaultdict(list)
    for rel in relationships:
        by_type[rel.type].append(_rel_row(rel))
    total = len(nodes) + len(relationships)
    done = 0
    changes: list[Change] = []
    written: list[str] = []  # ids whose list keys (graph/list_keys.py) may have changed

    class _DryRunRollback(Exception):
        pass

    try:
        with client.transaction("load") as tx:
            for label, rows in sorted(by_label.items()):
                changed = _count_nodes(tx, label, rows, summary, batch_size, changes)
                if not dry_run:
                    tx.run_batches("load/merge_nodes", changed, batch_size, label=label.value)
                written += [row["id"] for row in changed]
                done += len(rows)
                if progress:
                    progress(done, total)
            for rel_type, rows in sorted(by_type.items()):
                created, updated = _count_relationships(
                    tx, rel_type, rows, summary, batch_size, changes
                )
                if not dry_run:
                    tx.run_batches(
                        "load/create_relationships", created, batch_size, type=rel_type.value
                    )
                    tx.run_batches(
                        "load/update_relationships", updated, batch_size, type=rel_type.value
                    )
                written += [row[end] for row in (*created, *updated) for end in ("start", "end")]
                done += len(rows)
                if progress:
                    progress(done, total)
            if not dry_run:
                store_list_keys(tx.run, written)
            if also is not None:
                changes += also(tx) or ()
            record(tx, changes, by=by, batch_size=batch_size)
            summary.subjects.update(c.subject for c in changes)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    except GraphError as exc:
        raise LoadFailedError(
            f"writing failed and was rolled back; nothing was written: {exc}"
        ) from exc
    return summary


def _count_nodes(
    tx: WriteBatch,
    label: Label,
    rows: list[dict[str, Any]],
    summary: LoadSummary,
    batch_size: int,
    changes: list[Change],
) -> list[dict[str, Any]]:
    """Count created, updated and unchanged nodes; return the rows that need writing, and
    add what changes to ``changes``."""
    counts = summary.labels[label.value]
    changed: list[dict[str, Any]] = []
    for offset in range(0, len(rows), batch_size):
        batch = rows[offset : offset + batch_size]
        existing = {
            r["id"]: r for r in tx.run("load/existing_ids", ids=[row["id"] for row in batch])
        }
        for row in batch:
            found = existing.get(row["id"])
            if found is None:
                counts.created += 1
            elif label.value in found["labels"] and _same(
                without_list_keys(found["properties"]), row["properties"]
            ):
                counts.unchanged += 1
                continue
            else:
                counts.updated += 1
            changed.append(row)
            before = None if found is None else without_list_keys(found["properties"])
            is_source = label is Label.SOURCE
            changes.append(node_change(row["id"], before, row["properties"], is_source=is_source))
    return changed


def _count_relationships(
    tx: WriteBatch,
    rel_type: RelType,
    rows: list[dict[str, Any]],
    summary: LoadSummary,
    batch_size: int,
    changes: list[Change],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Count created, updated and unchanged relationships; return the new and changed rows,
    and add what changes to ``changes``."""
    counts = summary.types[rel_type.value]
    created: list[dict[str, Any]] = []
    updated: list[dict[str, Any]] = []
    for offset in range(0, len(rows), batch_size):
        batch = rows[offset : offset + batch_size]
        existing = {
            (r["start"], r["end"], r["key"]): r["properties"]
            for r in tx.run("load/existing_relationships", rows=batch, type=rel_type.value)
        }
        for row in batch:
            found = existing.get((row["start"], row["end"], row["key"]))
            if found is None:
                counts.created += 1
                created.append(row)
            elif _same(found, row["properties"]):
                counts.unchanged += 1
                continue
            else:
                counts.updated += 1
                updated.append(row)
            changes.append(
                relationship_change(
                    row["start"], rel_type.value, row["end"], row["key"], found, row["properties"]
                )
            )
    return created, updated
