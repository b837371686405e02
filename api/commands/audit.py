"""``dyad audit [PATH…] [--graph] [--json]``: the record's health; exit 1 on any rule breach."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.table import Table

from api.cli_support import EXIT_FAILED, CliSettings, open_client, out
from loaders import CORPUS_DIR
from loaders.audit import AuditReport, Finding, audit_files, audit_graph

__all__ = ["register"]

#: How many rows of each list the table shows (``--json`` gives them all).
_SHOWN = 20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="the record's health: statuses, grades, rule breaches (exit 1 on any breach)",
        description=(
            "Audit the corpus files (default: the shipped corpus) or, with --graph, the facts "
            "the graph holds: counts by status and by source grade, every fact that breaks a "
            "status rule (file:line), unused sources, sources without a URL, the newest fact "
            "of each kind, and facts resting on the seed article alone. Rules: docs/CORPUS.md."
        ),
    )
    parser.add_argument("paths", nargs="*", help="corpus files or folders (default: the corpus)")
    parser.add_argument("--graph", action="store_true", help="audit the graph, not files")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(func=_cmd_audit)


def _cmd_audit(args: argparse.Namespace, settings: CliSettings) -> int:
    if args.graph:
        with open_client(settings) as client:
            report = audit_graph(client)
    else:
        report = audit_files([Path(p) for p in args.paths] or [CORPUS_DIR])
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        _print(report)
    return 0 if report.healthy else EXIT_FAILED


def _print(report: AuditReport) -> None:
    counts = Table(title="Facts by status · sources by grade")
    counts.add_column("status")
    counts.add_column("facts", justify="right")
    counts.add_column("grade")
    counts.add_column("sources", justify="right")
    statuses = list(report.facts_by_status.items())
    grades = list(report.sources_by_grade.items())
    for index in range(max(len(statuses), len(grades))):
        status, facts = statuses[index] if index < len(statuses) else ("", "")
        grade, sources = grades[index] if index < len(grades) else ("", "")
        counts.add_row(status, str(facts), grade, str(sources))
    out.print(counts)
    newest = Table(title="Newest curated fact of each kind")
    for column in ("kind", "date", "id"):
        newest.add_column(column)
    for item in report.newest:
        newest.add_row(item.kind, item.date.isoformat(), item.id)
    out.print(newest)
    _print_list("Unused sources", report.unused_sources)
    _print_list("Sources without a URL", report.sources_without_url)
    _print_list("Facts resting on the seed article alone", report.seed_only)
    _print_list("Rule breaches", report.breaches)
    verdict = "healthy: no rule breach" if report.healthy else f"{len(report.breaches)} breaches"
    out.print(f"Audit: {verdict}")


def _print_list(title: str, findings: list[Finding]) -> None:
    out.print(f"{title}: {len(findings)}")
    for finding in findings[:_SHOWN]:
        out.print(f"  {finding}", markup=False, highlight=False)
    if len(findings) > _SHOWN:
        out.print(f"  … and {len(findings) - _SHOWN} more (--json lists all)")
