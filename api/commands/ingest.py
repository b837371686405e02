"""``dyad ingest PATH…``: many articles at once, what cannot be placed queued for review."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from api.cli_support import EXIT_BAD_INPUT, CliSettings, load_progress, open_client, out
from loaders.ingest import JSONL_FIELDS, IngestSummary, ingest
from schema import Reliability

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="read many articles (JSON Lines, RSS, Atom, text); queue what needs review",
        description=(
            "Read every article in the files and folders named, as load-article reads one: "
            f"JSON Lines (one article a line: {', '.join(JSONL_FIELDS)}; optionally grade and "
            "origin), RSS 2.0 and Atom feeds, .txt files. Each article's Source and the "
            "mentions it links are written in one transaction; names it cannot link and the "
            "claims it reads wait in the review queue (dyad review list). A bad article is "
            "reported with its place and nothing of it is written; the others load, and the "
            "exit code is 2. The same articles twice change nothing."
        ),
    )
    parser.add_argument("paths", nargs="+", help="files or folders")
    parser.add_argument(
        "--grade",
        choices=[grade.value for grade in Reliability],
        default=Reliability.D.value,
        help="grade of articles whose input gives none, A-E (default D: not yet graded)",
    )
    parser.add_argument("--dry-run", action="store_true", help="read and count; write nothing")
    parser.set_defaults(func=_cmd_ingest)


def _cmd_ingest(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client, load_progress("ingesting") as progress:
        summary = ingest(
            client,
            [Path(p) for p in args.paths],
            reliability=Reliability(args.grade),
            dry_run=args.dry_run,
            batch_size=settings.graph.batch_size,
            progress=progress,
        )
    for bad in summary.bad:
        print(f"bad article: {bad}", file=sys.stderr)
    _report(summary)
    return EXIT_BAD_INPUT if summary.bad else 0


def _report(s: IngestSummary) -> None:
    dry = " (dry run: nothing written)" if s.dry_run else ""
    verb = "would be" if s.dry_run else "were"
    out.print(
        f"Ingest{dry}: {s.read} articles read, {s.loaded} loaded, {s.unchanged} unchanged, "
        f"{len(s.bad)} bad; {s.linked} mentions linked; {s.queued} candidates {verb} queued "
        f"({s.already_queued} already in the queue; entities {s.queued_entities}, claims "
        f"{s.queued_claims} in all). Review them: dyad review list"
    )
