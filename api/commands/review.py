"""``dyad review``: the queue ingest fills: list, accept, link or reject; nothing is deleted."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from api.cli_support import CliSettings, open_client, out
from graph.graph_form import json_safe
from loaders.review import Decision, ReviewItem, accept, link, list_items, reject
from schema import CandidateKind, ReviewLabel, ReviewState, Status

__all__ = ["register"]

_KINDS = {"entity": ReviewLabel.CANDIDATE_ENTITY, "claim": ReviewLabel.CANDIDATE_CLAIM}


def register(subparsers: Any) -> None:
    review = subparsers.add_parser(
        "review",
        help="the review queue: list, accept, link or reject what ingest could not place",
        description=(
            "Pending items never reach chains, lists, search or exports. Accepting creates "
            "the node or relationship with the article as its source, validated as the "
            "loader validates (grades and status rules); rejecting retires the item with a "
            "reason. Nothing is deleted."
        ),
    )
    actions = review.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="queue items, oldest first")
    listing.add_argument("--kind", choices=sorted(_KINDS), help="entity or claim (default both)")
    listing.add_argument(
        "--state",
        choices=[*(s.value for s in ReviewState), "all"],
        default=ReviewState.PENDING.value,
        help="which items (default pending)",
    )
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.add_argument("--limit", type=int, default=1000, help="at most this many (1000)")
    listing.set_defaults(func=_cmd_list)

    accepting = actions.add_parser("accept", help="create the node or relationship it proposes")
    accepting.add_argument("id", help="the item's id (review list shows them)")
    accepting.add_argument(
        "--as", dest="kind", choices=[k.value for k in CandidateKind], help="entity: its kind"
    )
    accepting.add_argument("--status", choices=[s.value for s in Status], help="its status")
    accepting.add_argument("--confidence", type=float, help="claim: its confidence, 0..1")
    accepting.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="entity: a field its kind needs, e.g. org_type=company, place_type=city",
    )
    accepting.set_defaults(func=_cmd_accept)

    linking = actions.add_parser("link", help="the name is a node already in the graph")
    linking.add_argument("id")
    linking.add_argument("--to", required=True, metavar="NODE_ID", help="the node it names")
    linking.set_defaults(func=_cmd_link)

    rejecting = actions.add_parser("reject", help="retire the item, with a reason")
    rejecting.add_argument("id")
    rejecting.add_argument("--reason", required=True, help="why it is rejected")
    rejecting.set_defaults(func=_cmd_reject)


def _cmd_list(args: argparse.Namespace, settings: CliSettings) -> int:
    state = None if args.state == "all" else ReviewState(args.state)
    kind = _KINDS[args.kind] if args.kind else None
    with open_client(settings) as client:
        items = list_items(client, kind=kind, state=state, limit=args.limit)
    if args.format == "json":
        out.print_json(json.dumps([_as_json(item) for item in items], ensure_ascii=False))
        return 0
    table = Table(title=f"Review queue ({args.state}): {len(items)} items")
    table.add_column("id", no_wrap=True)
    for column in ("what", "suggested kind", "status", "state"):
        table.add_column(column)
    for item in items:
        p = item.properties
        table.add_row(
            item.id,
            str(p.get("name", "")),
            str(p.get("suggested_kind", "")),
            str(p.get("status", "")),
            str(p.get("state", "")),
        )
    out.print(table)
    return 0


def _as_json(item: ReviewItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": "entity" if item.kind is ReviewLabel.CANDIDATE_ENTITY else "claim",
        "source": item.source,
        "sourceTitle": item.title,
        "resolvedAs": item.resolved_as,
        "properties": json_safe(item.properties),
    }


def _fields(pairs: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"--set takes FIELD=VALUE, not {pair!r}")
        fields[name.strip()] = value
    return fields


def _cmd_accept(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        decision = accept(
            client,
            args.id,
            kind=CandidateKind(args.kind) if args.kind else None,
            status=Status(args.status) if args.status else None,
            confidence=args.confidence,
            fields=_fields(args.set),
        )
    _said(decision)
    return 0


def _cmd_link(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        _said(link(client, args.id, args.to))
    return 0


def _cmd_reject(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        _said(reject(client, args.id, args.reason))
    return 0


def _said(decision: Decision) -> None:
    made = f": {decision.created}" if decision.created else ""
    out.print(f"{decision.item} {decision.state.value}{made}")
