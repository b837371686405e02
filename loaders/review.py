"""Reviewing the queue: list items, accept, link or reject them. Nothing is deleted.

- ``accept``: a candidate entity becomes a node (``--as`` a kind, fields the kind needs), with
  the article as its source and a MENTIONS from the article at the name's span; a candidate
  claim becomes its relationship. Both are validated exactly as the loader validates
  (``validate_records``: the models, the references, the source's grade and the status rules
  of ``schema/rules.py``); a breach is refused and nothing is written.
- ``link``: a candidate entity names a node already in the graph: the article MENTIONS it.
- ``reject``: the item is retired with the reason.

Every decision records its state, when, by which command, and what it created; the node or
relationship it creates, the decision and their history commit in one transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph import GraphClient, WriteBatch
from loaders.article import mention_record
from loaders.article.hedges import CONFIDENCE
from loaders.corpus import validate_records
from loaders.errors import InvalidInputError, Problem
from loaders.history import Change
from loaders.validate import KINDS
from loaders.write import plan_and_write
from schema import (
    CandidateKind,
    ChangeAction,
    ChangeSubject,
    Label,
    ReviewLabel,
    ReviewState,
    Status,
    id_prefix,
    stored_grade,
    strongest_status,
)

__all__ = ["Decision", "ReviewItem", "accept", "link", "list_items", "read_item", "reject"]

_SECTION = {label: key for key, label in KINDS.items()}
_CLAIM_FIELDS = ("start", "type", "end", "key", "confidence", "status", "method", "quote", "note")
_CLAIM_MEASURES = ("mineral", "share")


@dataclass(frozen=True)
class ReviewItem:
    """One queue item as the CLI shows it."""

    id: str
    kind: ReviewLabel
    properties: dict[str, Any]
    source: str | None
    title: str | None = None
    resolved_as: str | None = None
    #: The article's whole text: only ``read_item`` fetches it.
    article_text: str | None = None

    @property
    def state(self) -> ReviewState:
        return ReviewState(self.properties["state"])


@dataclass(frozen=True)
class Decision:
    item: str
    state: ReviewState
    created: str | None = None


def list_items(
    client: GraphClient,
    *,
    kind: ReviewLabel | None = None,
    state: ReviewState | None = ReviewState.PENDING,
    limit: int = 1000,
    after: tuple[dt.datetime, str] | None = None,
) -> list[ReviewItem]:
    """Queue items, oldest first (pending ones unless ``state`` says otherwise); ``after`` is
    the (created_at, id) of the last item of the previous page."""
    rows = client.read(
        "review/list",
        label=kind.value if kind else None,
        state=state.value if state else None,
        limit=limit,
        afterAt=after[0].isoformat() if after else None,
        afterId=after[1] if after else None,
    )
    return [_item_of(r) for r in rows]


def read_item(client: GraphClient, item_id: str) -> ReviewItem | None:
    """One queue item in any state, with its article's text; None when there is no such item."""
    rows = client.read("review/article", id=item_id)
    return _item_of(rows[0]) if rows else None


def _item_of(row: Mapping[str, Any]) -> ReviewItem:
    return ReviewItem(
        row["item"]["id"],
        ReviewLabel(row["kind"]),
        row["item"],
        row["source"],
        row["title"],
        row["resolvedAs"],
        row.get("text"),
    )


def _pending(client: GraphClient, item_id: str) -> tuple[ReviewItem, dict[str, Any]]:
    rows = client.read("review/item", id=item_id)
    if not rows:
        raise _refused(item_id, "no such item in the review queue")
    row = rows[0]
    item = ReviewItem(
        item_id, ReviewLabel(row["kind"]), row["item"], (row["source"] or {}).get("id")
    )
    if item.state is not ReviewState.PENDING:
        raise _refused(item_id, f"already {item.state.value}; a decided item stays as it is")
    if row["source"] is None:
        raise _refused(item_id, "the article it was found in is not in the graph")
    return item, row["source"]


def _refused(item_id: str, message: str) -> InvalidInputError:
    return InvalidInputError([Problem(f"review {item_id}", 0, "", message)])


def _decide(
    client: GraphClient,
    item: ReviewItem,
    state: ReviewState,
    command: str,
    changes: Mapping[str, Any],
    resolved_as: str | None = None,
    records: list[tuple[str, dict[str, Any]]] | None = None,
) -> Decision:
    """Write what the decision creates (validated as the loader validates) and record the
    decision on the item, in one transaction, with its history: all of it or nothing."""
    validated = validate_records(client, records, f"review {item.id}") if records else None
    stamp = {
        "state": state.value,
        "reviewed_at": dt.datetime.now(dt.UTC),
        "reviewed_by": command,
        **changes,
    }

    def decide(tx: WriteBatch) -> list[Change]:
        rows = tx.run(
            "review/decide",
            id=item.id,
            pending=ReviewState.PENDING.value,
            changes=stamp,
            resolvedAs=resolved_as,
        )
        if not rows:
            raise _refused(item.id, "decided by someone else meanwhile; nothing was changed")
        action = ChangeAction.RETIRED if state is ReviewState.REJECTED else ChangeAction.UPDATED
        after = {**item.properties, **stamp}
        sources = [item.source] if item.source else []
        return [Change(item.id, ChangeSubject.REVIEW_ITEM, action, item.properties, after, sources)]

    plan_and_write(
        client,
        validated.nodes if validated else [],
        validated.relationships if validated else [],
        batch_size=1000,
        by=command,
        also=decide,
    )
    return Decision(item.id, state, changes.get("result"))


def accept(
    client: GraphClient,
    item_id: str,
    *,
    kind: CandidateKind | None = None,
    status: Status | None = None,
    confidence: float | None = None,
    fields: Mapping[str, str] | None = None,
    command: str = "dyad review accept",
) -> Decision:
    """Create the node or relationship an item proposes, with the article as its source."""
    item, source = _pending(client, item_id)
    if item.kind is ReviewLabel.CANDIDATE_CLAIM:
        if kind is not None or fields:
            raise _refused(item_id, "--as and --set apply to candidate entities, not claims")
        record = _claim_record(item, source, status, confidence)
        result = f"{record['start']} -[{record['type']} {record['key']}]-> {record['end']}"
        return _decide(
            client,
            item,
            ReviewState.ACCEPTED,
            command,
            {"result": result},
            records=[("relationships", record)],
        )
    if confidence is not None:
        raise _refused(item_id, "--confidence applies to claims; a node has a status only")
    node = _node_record(client, item, source, kind, status, fields or {})
    label = Label(node.pop("_label"))
    records = [(_SECTION[label], node), ("relationships", _mention_of(item, node["id"]))]
    return _decide(
        client,
        item,
        ReviewState.ACCEPTED,
        command,
        {"result": node["id"]},
        node["id"],
        records=records,
    )


def link(
    client: GraphClient, item_id: str, to: str, *, command: str = "dyad review link"
) -> Decision:
    """Record that a candidate entity names ``to``, a node already in the graph."""
    item, _ = _pending(client, item_id)
    if item.kind is not ReviewLabel.CANDIDATE_ENTITY:
        raise _refused(item_id, "only a candidate entity links to a node; accept or reject a claim")
    found = client.read("review/node", id=to)
    if not found:
        raise _refused(item_id, f"no node {to!r} in the graph")
    if Label.SOURCE.value in found[0]["labels"]:
        raise _refused(item_id, f"{to} is a source, not something an article names")
    return _decide(
        client,
        item,
        ReviewState.ACCEPTED,
        command,
        {"result": to, "resolution": "linked"},
        to,
        records=[("relationships", _mention_of(item, to))],
    )


def reject(
    client: GraphClient, item_id: str, reason: str, *, command: str = "dyad review reject"
) -> Decision:
    """Retire an item with ``reason``; it stays in the graph, rejected."""
    if not reason.strip():
        raise _refused(item_id, "give a reason (--reason TEXT)")
    item, _ = _pending(client, item_id)
    return _decide(client, item, ReviewState.REJECTED, command, {"review_reason": reason.strip()})


def _claim_record(
    item: ReviewItem, source: Mapping[str, Any], status: Status | None, confidence: float | None
) -> dict[str, Any]:
    props = item.properties
    if not props.get("start") or not props.get("end"):
        raise _refused(
            item.id,
            f"the reader could not resolve this claim ({props.get('reason', 'no ends')}); "
            "reject it, or add the fact to the corpus by hand",
        )
    record = {name: props[name] for name in _CLAIM_FIELDS if props.get(name) is not None}
    record.update({name: props[name] for name in _CLAIM_MEASURES if props.get(name) is not None})
    record["sources"] = [source["id"]]
    if status is not None:
        record["status"] = status.value
        record["confidence"] = CONFIDENCE[status]
    if confidence is not None:
        record["confidence"] = confidence
    return record


def _node_record(
    client: GraphClient,
    item: ReviewItem,
    source: Mapping[str, Any],
    kind: CandidateKind | None,
    status: Status | None,
    fields: Mapping[str, str],
) -> dict[str, Any]:
    props = item.properties
    chosen = kind or (CandidateKind(props["suggested_kind"]) if "suggested_kind" in props else None)
    if chosen is None:
        kinds = ", ".join(k.value for k in CandidateKind)
        raise _refused(
            item.id, f"the reader suggests no kind for {props['name']!r}; give --as ({kinds})"
        )
    label = chosen.label
    node_id = f"{id_prefix(label)}:{_slug(props['name']) or item.id.partition(':')[2]}"
    if client.read("review/node", id=node_id):
        raise _refused(
            item.id,
            f"{node_id} is already in the graph; link to it: review link {item.id} --to {node_id}",
        )
    allowed = strongest_status([stored_grade(source)]) or Status.UNVERIFIED
    suggested: dict[str, Any] = {}
    if chosen.value == props.get("suggested_kind"):  # what the name says of its own kind
        suggested = {
            key.removeprefix("suggested_"): value
            for key, value in props.items()
            if key.startswith("suggested_") and key != "suggested_kind"
        }
    return {
        "_label": label.value,
        **suggested,
        **fields,
        "id": node_id,
        "name": props["name"],
        "sources": [source["id"]],
        "status": (status or allowed).value,
    }


def _mention_of(item: ReviewItem, entity: str) -> dict[str, Any]:
    props = item.properties
    return mention_record(
        str(item.source),
        entity,
        int(props["start_char"]),
        int(props["end_char"]),
        str(props["name"]),
        1.0,
        f"reviewed: {item.id}",
    )


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:100].strip("-")
