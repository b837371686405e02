"""``history``: the record's own history of a node, relationship or queue item, as GraphQL.

The same entries as ``dyad history`` (``loaders/history.py``), newest first, as a Relay
connection paged by keyset on (time, id).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.graphql.analytics import run_analysis
from api.graphql.context import RequestContext
from api.graphql.pagination import Connection, build_connection, page_request, scope_of
from api.graphql.subgraph import Subgraph
from loaders.history import HistoryEntry, as_of, history
from schema import ChangeAction, ChangeSubject, edge_id

__all__ = ["Change", "HistoryFields", "KnownAt", "known_at"]

#: The ``knownAt`` argument of ``node``, ``causalChains``, ``timeline`` and ``search``.
KnownAt = Annotated[
    dt.datetime | None,
    strawberry.argument(
        name="knownAt",
        description="Answer as the record stood then (knowledge time, not the facts' valid "
        "time): what it first recorded later is absent, what it corrected later shows its "
        "earlier properties.",
    ),
]

strawberry.enum(ChangeAction, description="What a write did to its subject.")
strawberry.enum(ChangeSubject, description="What kind of thing a change is about.")


def _json(props: dict[str, object] | None) -> str | None:
    return None if props is None else json.dumps(props, sort_keys=True, ensure_ascii=False)


@strawberry.type(
    description="One entry of the record's own history: what a write changed, when (knowledge "
    "time, not the facts' valid time), by which command (`api token` for a mutation) and "
    "from which sources."
)
class Change:
    id: strawberry.ID
    subject: str = strawberry.field(
        description="A node or queue item id, or a relationship's edge id (start|TYPE|end|key)."
    )
    subject_kind: ChangeSubject
    action: ChangeAction
    at: dt.datetime
    by: str
    sources: list[strawberry.ID]
    before: str | None = strawberry.field(description="The properties before, as JSON text.")
    after: str | None = strawberry.field(description="The properties after, as JSON text.")
    changed: list[str] = strawberry.field(description="The properties whose value changed.")


def build_change(entry: HistoryEntry) -> Change:
    return Change(
        id=strawberry.ID(entry.id),
        subject=entry.subject,
        subject_kind=entry.kind,
        action=entry.action,
        at=entry.at,
        by=entry.by,
        sources=[strawberry.ID(s) for s in entry.sources],
        before=_json(entry.before),
        after=_json(entry.after),
        changed=entry.changed,
    )


@strawberry.type(description="The record's history; the root `Query` inherits it.")
class HistoryFields:
    @strawberry.field(
        description="What the record changed about a node (its relationships included), a "
        "relationship (by edge id) or a queue item, newest first."
    )
    async def history(
        self,
        info: Info[RequestContext, None],
        id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Change]:
        request = page_request(scope_of("history", str(id)), first, after, None, None)
        cursor = request.cursor
        since = (dt.datetime.fromisoformat(cursor[0]), cursor[1]) if cursor else None
        client = info.context.client
        entries = await run_analysis(
            lambda: history(client, str(id), limit=request.size + 1, after=since)
        )
        page = entries[: request.size]
        return build_connection(
            request,
            [(e.at.isoformat(), e.id) for e in page],
            [build_change(e) for e in page],
            more=len(entries) > request.size,
            total=None,
        )


def _revive(then: Any, now: Any) -> Any:
    """A value as JSON kept it, typed as the value it has now (dates come back as dates)."""
    if isinstance(then, str) and isinstance(now, dt.datetime):
        return dt.datetime.fromisoformat(then)
    if isinstance(then, str) and isinstance(now, dt.date):
        return dt.date.fromisoformat(then)
    return then


def _as_then(now: dict[str, Any], then: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    props = {k: _revive(v, now.get(k)) for k, v in then.items() if v is not None}
    if "text" not in now:  # long texts stay out of answers, then as now
        props.pop("text", None)
    return props | {k: now[k] for k in keep if k in now}


async def known_at(info: Info[RequestContext, None], graph: Subgraph, at: dt.datetime) -> Subgraph:
    """``graph`` as the record held it at ``at`` (knowledge time): what was first recorded
    later is left out, and what was corrected later shows its earlier properties."""
    edges = {
        edge_id(r["start"], r["type"], r["end"], str(r["properties"].get("key", ""))): r
        for r in graph.relationships
    }
    client = info.context.client
    states = await run_analysis(lambda: as_of(client, [*graph.nodes, *edges], at))
    wanted = graph.properties
    nodes: dict[str, dict[str, Any]] = {}
    for node_id, node in graph.nodes.items():
        if node_id not in states:
            nodes[node_id] = node
        elif (props := states[node_id]) is not None:
            # Only what the answer read of the node now (the fields the request selected).
            if wanted is not None:
                props = {k: v for k, v in props.items() if k in wanted}
            nodes[node_id] = _as_then(node, props, ("id", "labels"))
    rels = []
    for edge, rel in edges.items():
        if rel["start"] not in nodes or rel["end"] not in nodes:
            continue
        if edge in states:
            then = states[edge]
            if then is None:
                continue
            rel = rel | {"properties": _as_then(rel["properties"], then, ())}
        rels.append(rel)
    known = Subgraph(
        roots=[r for r in graph.roots if r in nodes],
        nodes=nodes,
        relationships=rels,
        raw_sources=graph.raw_sources,
        extra=graph.extra,
        properties=wanted,
    )
    for index, rel in enumerate(rels):
        known.by_node[rel["start"]].append(index)
        if rel["end"] != rel["start"]:
            known.by_node[rel["end"]].append(index)
    return known
