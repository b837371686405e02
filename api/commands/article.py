"""``dyad load-article FILE``: an article's text as a Source, linked mentions and claims."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.table import Table

from api.cli_support import CliSettings, open_client, out
from loaders.article import (
    ArticleLoad,
    ArticleOptions,
    load_article,
    parse_article_date,
)
from schema import Reliability

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "load-article",
        help="read a news article: link its entities, extract its hedged claims, store it",
        description=(
            "Read a UTF-8 text file, link the entities it names to the graph, extract its "
            "claims with the status its hedges give, and write the Source, its MENTIONS and "
            "its claims in one transaction (the same text twice changes nothing)."
        ),
    )
    parser.add_argument("file", help="the article, a UTF-8 text file")
    parser.add_argument(
        "--date", help="the article's date, YYYY-MM-DD: roles and relative dates read by it"
    )
    parser.add_argument("--url", help="where the article was published")
    parser.add_argument("--publisher", help="who published it")
    parser.add_argument("--title", help="its title (default: its first sentence)")
    parser.add_argument(
        "--grade",
        choices=[grade.value for grade in Reliability],
        default=Reliability.D.value,
        help="the article's reliability grade, A-E (docs/CORPUS.md; default D: not yet graded)",
    )
    parser.add_argument(
        "--origin", help="whose reporting it carries, e.g. Reuters (default: the publisher)"
    )
    parser.add_argument("--dry-run", action="store_true", help="read and count; write nothing")
    parser.set_defaults(func=_cmd_load_article)


def _cmd_load_article(args: argparse.Namespace, settings: CliSettings) -> int:
    path = Path(args.file)
    date = parse_article_date(args.date, str(path)) if args.date is not None else None
    options = ArticleOptions(
        date=date,
        url=args.url,
        publisher=args.publisher,
        title=args.title,
        reliability=Reliability(args.grade),
        origin=args.origin,
    )
    with open_client(settings) as client:
        result = load_article(
            client, path, options, dry_run=args.dry_run, batch_size=settings.graph.batch_size
        )
    _report(result)
    return 0


def _report(result: ArticleLoad) -> None:
    reading = result.reading
    if reading.options.date is None:
        out.print("No --date: role phrases link to the office and relative dates stay unread.")
    mentions = Table(title=f"Mentions in {reading.source_id}")
    for column in ("chars", "text", "entity", "how"):
        mentions.add_column(column)
    for m in reading.linking.mentions:
        mentions.add_row(f"{m.start}-{m.end}", m.text, m.entity_id, m.how)
    out.print(mentions)
    claims = Table(title="Claims (method: extracted)")
    for column in ("sentence", "claim", "status", "why"):
        claims.add_column(column)
    for c in reading.claims.claims:
        claims.add_row(
            str(c.sentence.index + 1),
            f"{c.start} -[{c.type.value}]-> {c.end}",
            c.certainty.status.value,
            c.note,
        )
    out.print(claims)
    for t in reading.temporals:
        out.print(f"date: {t.describe()}")
    for u in reading.linking.unlinked:
        out.print(f"unlinked (for review): {u.start}-{u.end} '{u.text}': {u.reason}")
    for r in reading.claims.unresolved:
        out.print(f"unresolved (for review): sentence {r.sentence.index + 1}: {r.reason}")
    summary = result.summary
    verb = "would change" if summary.dry_run else "changed"
    out.print(
        f"{reading.source_id}: {len(reading.linking.mentions)} mentions, "
        f"{len(reading.claims.claims)} claims; {summary.changed} nodes and relationships "
        f"{verb}{' (dry run: nothing written)' if summary.dry_run else ''}."
    )
