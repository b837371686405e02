"""The record's own history: an append-only log of every write, in the graph.

Every write (``dyad load``, ``dyad load-article``, ``dyad ingest``, a review decision, a
GraphQL mutation, ``dyad restore``) records, inside the same transaction, one ``Change`` per
node, relationship or queue item it created, updated or retired:

- ``subject``: the node's or queue item's id, or a relationship's edge id
  (``start|TYPE|end|key``, :func:`edge_id`); ``start`` and ``end`` too for a relationship,
  so a node's history lists the changes to its relationships as well;
- ``action`` (:class:`ChangeAction`), ``before`` and ``after``: the properties as JSON text
  (``null`` before a creation);
- ``at`` (a datetime: knowledge time, not the facts' valid time), ``by`` (the command, or
  ``"api token"`` for a mutation: never the token itself) and ``sources`` (the Source ids the
  subject cites, or the article a queue item was read in).

A ``Change`` carries neither ``Entity`` nor ``ReviewItem`` and is joined to nothing
(:data:`HISTORY_PATTERNS` is empty): no traversal of the record or of the queue meets it, and
reads that do not ask for history never touch it. Nothing in it is ever updated or deleted.
A write that changes nothing records nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

__all__ = [
    "API_TOKEN_ACTOR",
    "CHANGE_LABEL",
    "HISTORY_PATTERNS",
    "ChangeAction",
    "ChangeSubject",
    "change_row",
    "edge_id",
]

#: The label of a history entry; its ``id`` (``change:…``) is unique.
CHANGE_LABEL = "Change"

#: What a Change names as its author for a GraphQL mutation: the role, never the token.
API_TOKEN_ACTOR = "api token"

#: A Change is joined to nothing: it names its subject by id.
HISTORY_PATTERNS: tuple[()] = ()


class ChangeAction(StrEnum):
    """What a write did to its subject."""

    CREATED = "created"
    UPDATED = "updated"
    RETIRED = "retired"
    RESTORED = "restored"


class ChangeSubject(StrEnum):
    """What kind of thing a Change is about."""

    NODE = "node"
    RELATIONSHIP = "relationship"
    REVIEW_ITEM = "review item"
    GRAPH = "graph"


def edge_id(start: str, rel_type: str, end: str, key: str) -> str:
    """A relationship's stable id: its ends, its type and its ``key``."""
    return f"{start}|{rel_type}|{end}|{key}"


def _json(props: Mapping[str, Any] | None) -> str | None:
    return None if props is None else json.dumps(props, sort_keys=True, ensure_ascii=False)


def change_row(
    subject: str,
    kind: ChangeSubject,
    action: ChangeAction,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    *,
    by: str,
    at: dt.datetime,
    change_id: str,
    sources: Sequence[str] = (),
    start: str | None = None,
    end: str | None = None,
) -> dict[str, Any]:
    """One history entry as stored. ``before``/``after`` must be JSON-safe already."""
    return {
        "id": f"{CHANGE_LABEL.lower()}:{change_id}",
        "subject": subject,
        "subject_kind": kind.value,
        "action": action.value,
        "before": _json(before),
        "after": _json(after),
        "at": at,
        "by": by,
        "sources": list(sources),
        "start": start,
        "end": end,
    }
