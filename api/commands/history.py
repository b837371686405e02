"""``dyad history ID``: the record's own history of a node, relationship or queue item."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from api.cli_support import CliSettings, open_client, out
from loaders.history import HistoryEntry, history

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "history",
        help="what the record changed about a node, relationship or queue item, newest first",
        description=(
            "Every write (load, load-article, ingest, review, GraphQL mutations, restore) "
            "records what it created, updated or retired, when, by which command (mutations: "
            "'api token'), and from which sources. A node's history includes its "
            "relationships'; a relationship is named by its edge id, start|TYPE|end|key."
        ),
    )
    parser.add_argument("id", help="a node id, an edge id (start|TYPE|end|key) or a queue item id")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--limit", type=int, default=100, help="at most this many (100)")
    parser.set_defaults(func=_cmd_history)


def _cmd_history(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        entries = history(client, args.id, limit=args.limit)
    if args.format == "json":
        out.print_json(json.dumps([as_json(e) for e in entries], ensure_ascii=False))
        return 0
    table = Table(title=f"History of {args.id}: {len(entries)} entries, newest first")
    for column in ("when (UTC)", "action", "subject", "by", "changed", "sources"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            f"{e.at:%Y-%m-%d %H:%M:%S}",
            e.action.value,
            e.subject,
            e.by,
            ", ".join(e.changed),
            ", ".join(e.sources),
        )
    out.print(table)
    return 0


def as_json(entry: HistoryEntry) -> dict[str, Any]:
    """One entry as ``--format json`` prints it."""
    return {
        "id": entry.id,
        "subject": entry.subject,
        "kind": entry.kind.value,
        "action": entry.action.value,
        "at": entry.at.isoformat(),
        "by": entry.by,
        "sources": list(entry.sources),
        "before": entry.before,
        "after": entry.after,
    }
