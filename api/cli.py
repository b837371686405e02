"""The ``dyad`` command line. Settings are read here, once, and passed down.

Exit codes: 0 success; 1 the operation failed (Neo4j unavailable, a query refused);
2 the input or the command line was wrong (nothing was written).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from pydantic import ValidationError

from api.cli_support import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    CliSettings,
    load_progress,
    open_client,
    out,
    summary_table,
)
from api.commands import COMMAND_MODULES
from api.settings import ApiSettings
from graph import (
    GraphError,
    GraphSettings,
    LocalServer,
    LocalServerSettings,
    fingerprint,
    migrate,
)
from loaders import CORPUS_DIR, InvalidInputError, LoaderError, load_corpus
from loaders.admin_csv import import_arguments, import_options
from loaders.formats import FORMATS

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["main"]

# -- dyad neo4j -------------------------------------------------------------------------


def _cmd_neo4j(args: argparse.Namespace, settings: CliSettings) -> int:
    if not settings.graph.is_local:
        out.print(f"NEO4J_URI is set ({settings.graph.uri}); there is no local server to manage.")
        return EXIT_BAD_INPUT if args.action == "import" else 0
    server = LocalServer(settings.local)
    if args.action == "start":
        status = server.start()
        out.print(f"Neo4j is {status.state}: {status.bolt_uri} ({status.detail})")
        if server.browser_url:
            out.print(f"Neo4j Browser: {server.browser_url}")
        return 0
    if args.action == "stop":
        stopped = server.stop()
        out.print("Neo4j stopped." if stopped else "Neo4j was not running.")
        return 0
    if args.action == "import":
        return _import(server, args, settings)
    status = server.status()
    out.print(f"Neo4j is {status.state}: {status.detail} ({status.bolt_uri})")
    return 0 if status.running else 3


def _import(server: LocalServer, args: argparse.Namespace, settings: CliSettings) -> int:
    folder = Path(args.folder) if args.folder else None
    if folder is None or not folder.is_dir():
        print(f"dyad neo4j import: name a folder of import CSV files (got {args.folder!r})",
              file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    arguments = import_arguments(folder)
    if not arguments:
        print(f"dyad neo4j import: {folder} holds no nodes-*.csv files", file=sys.stderr)
        return EXIT_BAD_INPUT
    out.print(server.import_files(arguments, import_options(folder), force=args.force))
    status = server.start()
    with open_client(settings) as client:
        count = migrate(client)
    out.print(f"Neo4j is {status.state} with the imported graph; {count} constraints and indexes.")
    return 0


# -- dyad migrate / fingerprint / load ------------------------------------------------


def _cmd_migrate(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        count = migrate(client)
    out.print(f"Applied {count} constraints and indexes (existing ones unchanged).")
    return 0


def _cmd_fingerprint(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        print_ = fingerprint(client)
    if args.json:
        out.print_json(json.dumps(print_.as_dict()))
        return 0
    out.print(f"nodes {print_.nodes}  relationships {print_.relationships}")
    for label, count in print_.labels.items():
        out.print(f"  :{label} {count}")
    for rel_type, count in print_.types.items():
        out.print(f"  [:{rel_type}] {count}")
    out.print(f"sha256 {print_.sha256}")
    return 0


def _cmd_load(args: argparse.Namespace, settings: CliSettings) -> int:
    paths = [Path(p) for p in args.paths] or [CORPUS_DIR]
    loader = FORMATS[args.format]
    options = {"actors": args.actors}
    with open_client(settings) as client, load_progress() as progress:
        summary = loader(
            client,
            paths,
            batch_size=settings.graph.batch_size,
            dry_run=args.dry_run,
            progress=progress,
            options=options,
        )
    out.print(summary_table(summary))
    return 0


# -- dyad serve / up -------------------------------------------------------------------


def _serve(settings: CliSettings) -> None:
    import uvicorn

    out.print(f"Dyad serves http://{settings.api.host}:{settings.api.port}/ (Ctrl-C stops)")
    workers = settings.api.workers
    uvicorn.run(
        # Several worker processes each build the app from the environment themselves.
        "api.cli:app_from_environment" if workers > 1 else app_from_environment(settings),
        factory=workers > 1,
        workers=workers,
        # A worker is ready once it has built the app (schema, driver), which on a busy
        # machine takes longer than uvicorn's 5 s; it would be killed and restarted forever.
        timeout_worker_healthcheck=120,
        # Stopping waits for the requests in flight, but not for ever: after a burst a queue
        # of reads may be waiting on Neo4j, and a stop that never ends is no stop.
        timeout_graceful_shutdown=10,
        host=settings.api.host,
        port=settings.api.port,
        log_level="info",
        access_log=settings.api.access_log,
    )


def app_from_environment(settings: CliSettings | None = None) -> Starlette:
    """The app ``dyad serve`` serves, from ``settings`` (read from the environment once)."""
    from api.app import create_app

    settings = settings or CliSettings()
    graph_settings = settings.graph.model_copy(update={"uri": settings.graph_uri()})
    browser = LocalServer(settings.local).browser_url if settings.graph.is_local else None
    return create_app(settings.api, graph_settings, browser_url=browser)


def _cmd_sdl(args: argparse.Namespace, settings: CliSettings) -> int:
    from api.graphql import build_schema

    print(build_schema().as_str())
    return 0


def _cmd_serve(args: argparse.Namespace, settings: CliSettings) -> int:
    _serve(settings)
    return 0


def _cmd_up(args: argparse.Namespace, settings: CliSettings) -> int:
    """Neo4j up, migrated, corpus loaded, app served; Ctrl-C stops what this started."""
    server = LocalServer(settings.local) if settings.graph.is_local else None
    started_here = False
    if server is not None:
        started_here = not server.status().running
        status = server.start()
        out.print(f"Neo4j {status.state} at {status.bolt_uri}")
        if server.browser_url:
            out.print(f"Neo4j Browser: {server.browser_url}")

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        with open_client(settings) as client:
            migrate(client)
            summary = load_corpus(client, [CORPUS_DIR], batch_size=settings.graph.batch_size)
        out.print(summary_table(summary))
        _serve(settings)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None and started_here:
            server.stop()
            out.print("Neo4j stopped.")
    return 0


# -- main ------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dyad", description="Dyad: a knowledge-graph explorer for the China–Japan dyad."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    neo4j = commands.add_parser("neo4j", help="start, stop or inspect the local Neo4j")
    neo4j.add_argument("action", choices=("start", "stop", "status", "import"))
    neo4j.add_argument("folder", nargs="?", help="import: a folder of CSV files (dyad synth --csv)")
    neo4j.add_argument(
        "--force", action="store_true", help="import: replace the database that is there"
    )
    neo4j.set_defaults(func=_cmd_neo4j)

    commands.add_parser("migrate", help="apply constraints and indexes").set_defaults(
        func=_cmd_migrate
    )

    fp = commands.add_parser("fingerprint", help="counts and one content hash of the graph")
    fp.add_argument("--json", action="store_true", help="print JSON")
    fp.set_defaults(func=_cmd_fingerprint)

    load = commands.add_parser("load", help="validate and load corpus YAML (all or nothing)")
    load.add_argument("paths", nargs="*", help="files or folders (default: the shipped corpus)")
    load.add_argument("--dry-run", action="store_true", help="validate and count; write nothing")
    load.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="corpus",
        help="input format (default: corpus YAML)",
    )
    load.add_argument(
        "--actors", default=None, help="event data: keep rows between these ISO3 codes (CHN,JPN)"
    )
    load.set_defaults(func=_cmd_load)

    commands.add_parser("sdl", help="print the GraphQL schema (SDL)").set_defaults(func=_cmd_sdl)
    commands.add_parser("serve", help="serve the API and explorer").set_defaults(func=_cmd_serve)
    commands.add_parser(
        "up", help="Neo4j up, migrated, corpus loaded, app served (what `make run` does)"
    ).set_defaults(func=_cmd_up)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _bad_settings(exc: ValidationError) -> str:
    """``NEO4J_URI: …`` for each setting from the environment that does not validate."""
    prefix = {
        model.__name__: str(model.model_config.get("env_prefix", ""))
        for model in (GraphSettings, LocalServerSettings, ApiSettings)
    }.get(exc.title, "")
    return "; ".join(
        f"{prefix}{'_'.join(str(p) for p in e['loc']).upper()}: "
        f"{str(e['msg']).removeprefix('Value error, ')}"
        for e in exc.errors()
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = CliSettings()
    except ValidationError as exc:
        print(f"dyad: bad setting: {_bad_settings(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        code: int = args.func(args, settings)
        return code
    except InvalidInputError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (GraphError, LoaderError) as exc:
        print(f"dyad: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ValueError as exc:  # a value given on the command line that does not validate
        print(f"dyad: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
