"""Recording the history (``schema/history.py``) inside the transaction that writes.

``plan_and_write`` is the one write path, and the one place that records: it collects a
:class:`Change` for every node and relationship it creates or updates, adds those its ``also``
step returns (queue items queued or decided), and appends them all with :func:`record` before
the transaction commits. Unchanged rows record nothing. :func:`history` reads them back.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import GraphClient, WriteBatch
from graph.graph_form import json_safe
from schema import ChangeAction, ChangeSubject, change_row, edge_id

__all__ = [
    "Change",
    "HistoryEntry",
    "as_of",
    "history",
    "node_change",
    "record",
    "relationship_change",
]


@dataclass(frozen=True, slots=True)
class Change:
    """One change a write makes, before it is stamped with when and by whom."""

    subject: str
    kind: ChangeSubject
    action: ChangeAction
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    sources: Sequence[str] = ()
    ends: tuple[str, str] | None = field(default=None)


def _sources(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    for props in (after, before):
        if props and props.get("sources"):
            return [str(s) for s in props["sources"]]
    return []


def node_change(
    node_id: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    *,
    is_source: bool = False,
) -> Change:
    """A node created (``before`` None) or updated; a Source is its own source."""
    action = ChangeAction.CREATED if before is None else ChangeAction.UPDATED
    sources = [node_id] if is_source else _sources(before, after)
    return Change(node_id, ChangeSubject.NODE, action, before, after, sources)


def relationship_change(
    start: str,
    rel_type: str,
    end: str,
    key: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
) -> Change:
    """A relationship created (``before`` None) or updated."""
    action = ChangeAction.CREATED if before is None else ChangeAction.UPDATED
    return Change(
        edge_id(start, rel_type, end, key),
        ChangeSubject.RELATIONSHIP,
        action,
        before,
        after,
        _sources(before, after),
        (start, end),
    )


def _safe(props: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if props is None else {str(k): json_safe(v) for k, v in props.items()}


def record(tx: WriteBatch, changes: Sequence[Change], *, by: str, batch_size: int = 1000) -> int:
    """Append ``changes`` in the open transaction, all stamped now and ``by``; returns how many.

    Entries of one write share their time and are ordered by their place in ``changes``.
    """
    if not changes:
        return 0
    at = dt.datetime.now(dt.UTC)
    write = f"{at:%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:12]}"
    rows = [
        change_row(
            c.subject,
            c.kind,
            c.action,
            _safe(c.before),
            _safe(c.after),
            by=by,
            at=at,
            change_id=f"{write}-{n:07d}",
            sources=c.sources,
            start=c.ends[0] if c.ends else None,
            end=c.ends[1] if c.ends else None,
        )
        for n, c in enumerate(changes)
    ]
    tx.run_batches("history/record", rows, batch_size)
    return len(rows)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One recorded change, as ``dyad history`` and GraphQL's ``history`` show it."""

    id: str
    subject: str
    kind: ChangeSubject
    action: ChangeAction
    at: dt.datetime
    by: str
    sources: tuple[str, ...]
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def changed(self) -> list[str]:
        """The properties whose value differs between before and after, sorted."""
        before, after = self.before or {}, self.after or {}
        return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def _loads(text: str | None) -> dict[str, Any] | None:
    return None if text is None else dict(json.loads(text))


def history(
    client: GraphClient,
    subject: str,
    *,
    limit: int = 100,
    after: tuple[dt.datetime, str] | None = None,
) -> list[HistoryEntry]:
    """The entries about ``subject`` (and a node's relationships), newest first; ``after`` is
    the (time, id) of the last entry of the previous page."""
    rows = client.read(
        "history/entries",
        id=subject,
        afterAt=after[0].isoformat() if after else None,
        afterId=after[1] if after else None,
        limit=limit,
    )
    return [
        HistoryEntry(
            id=c["id"],
            subject=c["subject"],
            kind=ChangeSubject(c["subject_kind"]),
            action=ChangeAction(c["action"]),
            at=c["at"],
            by=c["by"],
            sources=tuple(c.get("sources") or ()),
            before=_loads(c.get("before")),
            after=_loads(c.get("after")),
        )
        for c in (row["change"] for row in rows)
    ]


def as_of(
    client: GraphClient, subjects: Sequence[str], known_at: dt.datetime
) -> dict[str, dict[str, Any] | None]:
    """How the record held ``subjects`` (node ids, edge ids) at ``known_at``: their properties
    then (JSON-safe), or None where they were not yet recorded. Subjects the history holds
    nothing about (loaded before it began) are left out: they answer as they are."""
    rows = client.read("history/as_of", subjects=list(subjects), knownAt=known_at)
    return {
        row["subject"]: None
        if row["action"] == ChangeAction.RETIRED.value
        else _loads(row["after"])
        for row in rows
        if row["recorded"]
    }
