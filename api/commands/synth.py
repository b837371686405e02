"""``dyad synth --scale N``: load a deterministic synthetic world (for benchmarks)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from api.cli_support import CliSettings, load_progress, open_client, out, summary_table
from loaders.synth import BLOCKS_PER_PROCESS, load_synthetic, write_synthetic_files

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "synth",
        help="load a deterministic synthetic world of about 1,000 nodes per unit of scale",
        description=(
            "Generate a seeded synthetic world (countries, leaders, organizations, statements, "
            "policies, minerals, mines, industries, events, trade flows, sources) and stream "
            "it into the batched loader. Scale 1 is about the corpus's size; scale 1000 is "
            "about a million nodes and three million relationships. The world at a larger "
            "scale contains the smaller one, so raising the scale adds only new blocks. "
            "Refuses a graph that holds anything but synthetic data, unless --force."
        ),
    )
    parser.add_argument("--scale", type=_positive, required=True, help="number of blocks")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--from-scale",
        type=_positive,
        default=None,
        help="the scale already loaded: generate only the blocks above it",
    )
    parser.add_argument("--batch-size", type=_positive, default=None, help="rows per transaction")
    parser.add_argument("--dry-run", action="store_true", help="count; write nothing")
    parser.add_argument(
        "--csv",
        metavar="FOLDER",
        default=None,
        help="write neo4j-admin import files instead of loading (then: dyad neo4j import)",
    )
    parser.add_argument(
        "--processes",
        type=_positive,
        default=None,
        help=f"--csv: processes writing files (default one per CPU; at least "
        f"{BLOCKS_PER_PROCESS} blocks each)",
    )
    parser.add_argument(
        "--force", action="store_true", help="write even into a graph holding other data"
    )
    parser.set_defaults(func=_cmd_synth)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _batch_size(settings: CliSettings) -> int:
    """NEO4J_BATCH_SIZE when it is set; else 10,000 (synthetic rows are small)."""
    if "batch_size" in settings.graph.model_fields_set:
        return settings.graph.batch_size
    return 10_000


def _cmd_synth(args: argparse.Namespace, settings: CliSettings) -> int:
    first_block = args.from_scale or 0
    if first_block >= args.scale:
        out.print(f"Scale {args.scale} is already loaded (--from-scale {first_block}).")
        return 0
    started = time.perf_counter()
    if args.csv and first_block:
        raise ValueError("--csv writes a whole world for a full import; drop --from-scale")
    if args.csv:
        counts = write_synthetic_files(
            args.scale, Path(args.csv), seed=args.seed, processes=args.processes
        )
        rows = sum(counts.values())
        seconds = time.perf_counter() - started
        out.print(f"{rows:,} rows of {len(counts)} kinds in {args.csv} ({seconds:.1f} s).")
        out.print(f"Load them with: dyad neo4j import {args.csv}")
        return 0
    with open_client(settings) as client, load_progress() as progress:
        summary = load_synthetic(
            client,
            args.scale,
            seed=args.seed,
            first_block=first_block,
            batch_size=args.batch_size or _batch_size(settings),
            dry_run=args.dry_run,
            force=args.force,
            progress=progress,
        )
    seconds = time.perf_counter() - started
    rows = sum(c.total for c in (*summary.labels.values(), *summary.types.values()))
    out.print(summary_table(summary))
    out.print(f"{rows:,} rows in {seconds:.1f} s: {rows / seconds:,.0f} rows/s")
    return 0
