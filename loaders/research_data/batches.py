"""Writing a file's nodes and relationships in batches, and undoing them if a batch fails.

A 100,000-row file does not fit one Neo4j transaction under a 1 GiB heap (transaction state
is capped at 70% of it), so each batch of ``batch_size`` rows commits on its own. The file
was checked whole before the first write, so bad input never gets here; if writing fails
part-way (Neo4j stops, a constraint), ``undo`` deletes what the load created and restores
what it changed, batch by batch, newest first. Counting created / updated / unchanged reads
the existing rows in the same transaction as each write (in READ mode for a dry run).

Like ``plan_and_write``, every batch records what it created or updated in the history
(``loaders/history.py``), in its own transaction, as done ``by`` the command named; an undo
records what it took back (created: retired; updated: its earlier properties again).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from graph import GraphClient, GraphError, store_list_keys
from loaders.errors import LoadFailedError
from loaders.history import Change, node_change, record, relationship_change
from loaders.write import LoadSummary
from schema import (
    ChangeAction,
    ChangeSubject,
    Label,
    Node,
    Relationship,
    RelType,
    edge_id,
    without_list_keys,
)

__all__ = ["BatchWriter", "Journal"]

Row = dict[str, Any]


class _Runner(Protocol):
    def run(self, name: str, **params: Any) -> list[Row]: ...


class _ReadRunner:
    def __init__(self, client: GraphClient) -> None:
        self.client = client

    def run(self, name: str, **params: Any) -> list[Row]:
        return self.client.read(name, **params)


def _same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    def norm(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [norm(v) for v in value]
        return value.to_native() if hasattr(value, "to_native") else value

    return {k: norm(v) for k, v in a.items()} == {k: norm(v) for k, v in b.items()}


@dataclass
class Journal:
    """What committed batches did, so that a failed load can be undone."""

    created_nodes: list[str] = field(default_factory=list)
    created_rels: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    updated_nodes: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    updated_rels: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))

    def extend(self, other: Journal) -> None:
        self.created_nodes.extend(other.created_nodes)
        for table, into in ((other.created_rels, self.created_rels),
                            (other.updated_nodes, self.updated_nodes),
                            (other.updated_rels, self.updated_rels)):  # fmt: skip
            for key, rows in table.items():
                into[key].extend(rows)

    def undo(self, client: GraphClient, batch_size: int, by: str) -> None:
        """Delete what was created and put back what was changed, one batch at a time; then
        record it in the history."""

        def batches(rows: list[Any]) -> list[list[Any]]:
            return [rows[i : i + batch_size] for i in range(0, len(rows), batch_size)]

        for rel_type, rows in self.created_rels.items():
            for chunk in batches(rows):
                client.write("research_data/delete_relationships", rows=chunk, type=rel_type)
        for chunk in batches(self.created_nodes):
            client.write("research_data/delete_nodes", ids=chunk)
        for label, rows in self.updated_nodes.items():
            for chunk in batches(rows):
                client.write("load/merge_nodes", rows=chunk, label=label)
        for rel_type, rows in self.updated_rels.items():
            for chunk in batches(rows):
                client.write("load/update_relationships", rows=chunk, type=rel_type)
        touched = [r["id"] for rows in self.updated_nodes.values() for r in rows]
        for table in (self.created_rels, self.updated_rels):
            touched += [r[end] for rows in table.values() for r in rows for end in ("start", "end")]
        store_list_keys(client.write, touched)
        with client.transaction("load") as tx:
            record(tx, self._undone(), by=f"{by} (undone)", batch_size=batch_size)

    def _undone(self) -> list[Change]:
        """What undoing took back: created rows retired, updated ones as they were."""
        retired, restored = ChangeAction.RETIRED, ChangeAction.UPDATED

        def rels(table: dict[str, list[Row]], action: ChangeAction) -> list[Change]:
            return [
                Change(
                    edge_id(r["start"], rel_type, r["end"], r["key"]),
                    ChangeSubject.RELATIONSHIP,
                    action,
                    None,
                    r.get("properties"),
                    ends=(r["start"], r["end"]),
                )
                for rel_type, rows in table.items()
                for r in rows
            ]

        node = ChangeSubject.NODE
        return [
            *(Change(i, node, retired, None, None) for i in self.created_nodes),
            *rels(self.created_rels, retired),
            *(
                Change(r["id"], node, restored, None, r["properties"])
                for rows in self.updated_nodes.values()
                for r in rows
            ),
            *rels(self.updated_rels, restored),
        ]


class BatchWriter:
    """Buffers items; every ``batch_size`` of them are counted and written in one transaction.

    With ``client=None`` it only counts (the checking pass before any write). ``by`` names the
    command in the history.
    """

    def __init__(
        self, client: GraphClient | None, summary: LoadSummary, batch_size: int, *, by: str
    ) -> None:
        self.client = client
        self.by = by
        self.summary = summary
        self.batch_size = batch_size
        self.journal = Journal()
        self.nodes: dict[Label, list[Row]] = defaultdict(list)
        self.rels: dict[RelType, list[Row]] = defaultdict(list)
        self.buffered = 0

    def add(self, item: Node | Relationship) -> None:
        if self.client is None:  # checking only: count, skip the serialisation
            if isinstance(item, Node):
                self.summary.labels[item.label.value].created += 1
            else:
                self.summary.types[item.type.value].created += 1
            return
        if isinstance(item, Node):
            self.nodes[item.label].append({"id": item.id, "properties": item.properties()})
        else:
            row = {"start": item.start, "end": item.end, "key": item.key}
            self.rels[item.type].append(row | {"properties": item.properties()})
        self.buffered += 1
        if self.buffered >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.buffered:
            return
        journal = Journal()
        if self.client is None:
            pass
        elif self.summary.dry_run:
            self._apply(_ReadRunner(self.client), journal)
        else:
            with self.client.transaction("load") as tx:
                changes = self._apply(tx, journal)
                record(tx, changes, by=self.by, batch_size=self.batch_size)
            self.journal.extend(journal)  # only once the batch has committed
        self.nodes.clear()
        self.rels.clear()
        self.buffered = 0

    def undo_all(self, what: str, cause: Exception) -> None:
        """After ``cause`` stopped the load: undo every committed batch, newest first.

        Raises ``LoadFailedError`` naming both failures if undoing fails too.
        """
        if self.client is None:
            return
        try:
            self.journal.undo(self.client, self.batch_size, self.by)
        except GraphError as undo_exc:
            raise LoadFailedError(
                f"{what}: writing failed ({cause}) and so did undoing the batches already "
                f"written ({undo_exc}); loading it again completes it"
            ) from cause

    def _apply(self, runner: _Runner, journal: Journal) -> list[Change]:
        """Count every row; write only the new and the changed ones (a re-load only reads);
        return what changed, for the history."""
        write = not self.summary.dry_run
        changes: list[Change] = []
        written: list[str] = []  # ids whose list keys (graph/list_keys.py) may have changed
        for label, rows in sorted(self.nodes.items()):
            counts = self.summary.labels[label.value]
            found = {
                r["id"]: r for r in runner.run("load/existing_ids", ids=[r["id"] for r in rows])
            }
            changed = []
            for row in rows:
                old = found.get(row["id"])
                if old is not None:
                    old = old | {"properties": without_list_keys(old["properties"])}
                if old is None:
                    counts.created += 1
                    journal.created_nodes.append(row["id"])
                elif label.value in old["labels"] and _same(old["properties"], row["properties"]):
                    counts.unchanged += 1
                    continue
                else:
                    counts.updated += 1
                    journal.updated_nodes[label.value].append(
                        {"id": row["id"], "properties": old["properties"]}
                    )
                changed.append(row)
                before = None if old is None else old["properties"]
                is_source = label is Label.SOURCE
                changes.append(
                    node_change(row["id"], before, row["properties"], is_source=is_source)
                )
            if write and changed:
                runner.run("load/merge_nodes", rows=changed, label=label.value)
            written += [row["id"] for row in changed]
        for rel_type, rows in sorted(self.rels.items()):
            counts = self.summary.types[rel_type.value]
            found = {
                (r["start"], r["end"], r["key"]): r["properties"]
                for r in runner.run("load/existing_relationships", rows=rows, type=rel_type.value)
            }
            created, updated = [], []
            for row in rows:
                ident = {"start": row["start"], "end": row["end"], "key": row["key"]}
                old = found.get((row["start"], row["end"], row["key"]))
                if old is None:
                    counts.created += 1
                    journal.created_rels[rel_type.value].append(ident)
                    created.append(row)
                elif _same(old, row["properties"]):
                    counts.unchanged += 1
                    continue
                else:
                    counts.updated += 1
                    journal.updated_rels[rel_type.value].append(ident | {"properties": old})
                    updated.append(row)
                changes.append(
                    relationship_change(
                        row["start"], rel_type.value, row["end"], row["key"], old, row["properties"]
                    )
                )
            if write and created:
                runner.run("load/create_relationships", rows=created, type=rel_type.value)
            if write and updated:
                runner.run("load/update_relationships", rows=updated, type=rel_type.value)
            written += [row[end] for row in (*created, *updated) for end in ("start", "end")]
        if write:
            store_list_keys(runner.run, written)
        return changes
