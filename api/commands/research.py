"""``dyad query``, ``dyad cypher``, ``dyad export``, ``dyad dump``, ``dyad restore``,
``dyad schema-docs``: the command line for researchers who write Cypher.

Everything reads in READ transactions with the caps of ``ResearchSettings``
(``DYAD_RESEARCH_TIMEOUT``, ``DYAD_RESEARCH_MAX_ROWS``); only ``restore`` writes.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from rich.table import Table

from api.cli_support import EXIT_BAD_INPUT, EXIT_FAILED, CliSettings, err, open_client, out
from graph import NodeNotFoundError
from graph.dump import dump, restore
from graph.exports import EXPORT_FORMATS, MAX_DEPTH, export_text, read_graph, write_csv
from graph.research_catalog import PARAM_TYPES, Parameter, catalog
from graph.research_errors import ResearchError
from graph.research_runner import (
    QueryResult,
    ResearcherCypher,
    ResearchSettings,
    date_params,
    run_canned,
    run_cypher,
)
from graph.schema_docs import SCHEMA_DOC, render_schema_doc
from loaders.corpus_export import CORPUS_FORMAT, write_corpus

__all__ = ["register"]

FORMATS = ("table", "json", "csv")


def _params(pairs: list[str], *, parse_json: bool) -> dict[str, Any]:
    """``--param`` values: text for canned queries (their parameters are typed); for
    ``dyad cypher``, JSON or text with ``YYYY-MM-DD`` text as a Date, or ``NAME:TYPE=VALUE``."""
    params: dict[str, Any] = {}
    typed: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ResearchError(f"--param {pair!r}: expected NAME=VALUE")
        if not parse_json:
            params[name] = value
            continue
        name, colon, kind = name.partition(":")
        if colon:
            typed[name] = _typed(name, kind, value)
            params.pop(name, None)
            continue
        typed.pop(name, None)
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return date_params(params) | typed if parse_json else params


def _typed(name: str, kind: str, value: str) -> Any:
    """``--param NAME:TYPE=VALUE``: the value as that type (``string`` keeps ISO text text)."""
    if kind not in PARAM_TYPES:
        raise ResearchError(
            f"--param {name}:{kind}: the type must be one of {', '.join(PARAM_TYPES)}"
        )
    return Parameter(name, kind, "", required=True).coerce(value)


def _print_result(result: QueryResult, fmt: str) -> None:
    if fmt == "json":
        body = result.as_json()
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.text_rows())
    else:
        table = Table(*result.columns, title=result.name)
        for row in result.text_rows():
            table.add_row(*row)
        out.print(table)
        out.print(f"{len(result.rows)} rows")
    for note in result.notifications:
        print(f"dyad: neo4j {note}", file=sys.stderr)
    if result.truncated:
        err.print(
            f"[yellow]truncated: only the first {len(result.rows)} rows "
            "(DYAD_RESEARCH_MAX_ROWS); narrow the query or add LIMIT[/yellow]"
        )


def _refused(exc: Exception) -> int:
    print(f"dyad: {exc}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _cmd_query(args: argparse.Namespace, settings: CliSettings) -> int:
    if args.list or not args.name:
        return _list_queries(args.format)
    try:
        params = _params(args.param, parse_json=False)
        with open_client(settings) as client:
            result = run_canned(client, args.name, params, ResearchSettings())
    except ResearchError as exc:
        return _refused(exc)
    _print_result(result, args.format)
    return 0


def _list_queries(fmt: str) -> int:
    queries = list(catalog().values())
    if fmt == "json":
        body = {"queries": [q.as_dict() for q in queries]}
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=1) + "\n")
        return 0
    table = Table("name", "title", "parameters (defaults)", title="Canned queries")
    for query in queries:
        params = ", ".join(
            f"{p.name}={p.as_dict()['default']}" if not p.required else p.name
            for p in query.parameters
        )
        table.add_row(query.name, query.title, params)
    out.print(table)
    out.print("Run one: dyad query NAME --param name=value [--format table|json|csv]")
    return 0


def _cmd_cypher(args: argparse.Namespace, settings: CliSettings) -> int:
    try:
        params = _params(args.param, parse_json=True)
        with open_client(settings) as client:
            result = run_cypher(client, ResearcherCypher(args.text), params, ResearchSettings())
    except ResearchError as exc:
        return _refused(exc)
    _print_result(result, args.format)
    return 0


def _cmd_export(args: argparse.Namespace, settings: CliSettings) -> int:
    if args.format == "csv" and args.output is None:
        return _refused(ValueError("--format csv needs -o FOLDER or -o FILE.zip"))
    if args.format == CORPUS_FORMAT:
        if args.output is None or args.from_id is not None:
            return _refused(ValueError("--format corpus needs -o FOLDER and the whole graph"))
        if args.output.exists() and not args.output.is_dir():
            return _refused(ValueError(f"{args.output} is not a folder"))
    if not 0 <= args.depth <= MAX_DEPTH:
        return _refused(ValueError(f"--depth must be between 0 and {MAX_DEPTH}"))
    try:
        with open_client(settings) as client:
            graph = read_graph(client, args.from_id, args.depth)
    except NodeNotFoundError as exc:
        return _refused(exc)
    if args.format == CORPUS_FORMAT:
        try:
            path, nodes, rels = write_corpus(graph, args.output)
        except OSError as exc:
            return _refused(ValueError(f"cannot write {args.output}: {exc.strerror or exc}"))
        err.print(
            f"wrote {path}: {nodes} nodes, {rels} relationships (corpus; `dyad load` reads it)"
        )
        return 0
    if args.format == "csv":
        written = write_csv(graph, args.output)
        err.print(f"wrote {', '.join(str(p) for p in written)}")
    elif args.output is None:
        sys.stdout.write(export_text(graph, args.format) + "\n")
    else:
        args.output.write_text(export_text(graph, args.format) + "\n", encoding="utf-8")
        err.print(f"wrote {args.output}")
    err.print(f"{len(graph.nodes)} nodes, {len(graph.edges)} edges ({args.format})")
    return 0


def _cmd_dump(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client, args.file.open("w", encoding="utf-8") as handle:
        summary = dump(client, handle)
    err.print(f"dumped {summary.nodes} nodes and {summary.relationships} relationships")
    return 0


def _cmd_restore(args: argparse.Namespace, settings: CliSettings) -> int:
    if not args.file.is_file():
        return _refused(FileNotFoundError(f"{args.file}: no such file"))
    try:
        with open_client(settings) as client:
            summary = restore(
                client, args.file, force=args.force, batch_size=settings.graph.batch_size
            )
    except ResearchError as exc:
        return _refused(exc)
    out.print(f"restored {summary.nodes} nodes and {summary.relationships} relationships")
    return 0


def _cmd_schema_docs(args: argparse.Namespace, settings: CliSettings) -> int:
    text = render_schema_doc()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            print(f"{args.output} is out of date; run `dyad schema-docs`", file=sys.stderr)
            return EXIT_FAILED
        out.print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    out.print(f"wrote {args.output}")
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    query = commands.add_parser("query", help="run a canned research query (--list shows them)")
    query.add_argument("name", nargs="?", help="the canned query (see --list)")
    query.add_argument("--list", action="store_true", help="list the canned queries")
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    query.add_argument("--format", choices=FORMATS, default="table")
    query.set_defaults(func=_cmd_query)

    cypher = commands.add_parser("cypher", help="run your own read-only Cypher (capped)")
    cypher.add_argument("text", help='the query, e.g. "MATCH (n:Mineral) RETURN n.name"')
    cypher.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME[:TYPE]=VALUE",
        help="JSON or text; YYYY-MM-DD text is sent as a Date. TYPE (string, integer, float, "
        "boolean, date, list) says how to read VALUE: d:string=2026-01-01 keeps text",
    )
    cypher.add_argument("--format", choices=FORMATS, default="table")
    cypher.set_defaults(func=_cmd_cypher)

    export = commands.add_parser("export", help="the graph or a neighbourhood, for other tools")
    export.add_argument("--format", choices=(*EXPORT_FORMATS, CORPUS_FORMAT), default="cytoscape")
    export.add_argument("--from", dest="from_id", metavar="ID", help="centre of a neighbourhood")
    export.add_argument("--depth", type=int, default=1, help="hops from --from (default 1)")
    export.add_argument(
        "-o", "--output", type=Path, help="file (folder or .zip for csv; folder for corpus)"
    )
    export.set_defaults(func=_cmd_export)

    dump_ = commands.add_parser("dump", help="every node and relationship as JSON lines")
    dump_.add_argument("file", type=Path)
    dump_.set_defaults(func=_cmd_dump)

    restore_ = commands.add_parser("restore", help="load a dump into an empty database")
    restore_.add_argument("file", type=Path)
    restore_.add_argument("--force", action="store_true", help="empty the database first")
    restore_.set_defaults(func=_cmd_restore)

    docs = commands.add_parser("schema-docs", help="regenerate docs/SCHEMA.md from the code")
    docs.add_argument("-o", "--output", type=Path, default=Path(SCHEMA_DOC))
    docs.add_argument("--check", action="store_true", help="fail if the file is out of date")
    docs.set_defaults(func=_cmd_schema_docs)
