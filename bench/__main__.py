"""``make bench`` (``python -m bench``): every benchmark in one run, on this machine.

1. API overhead on the corpus: GraphQL over HTTP against the same Cypher via the driver.
2. Loading: the batched loader against row-at-a-time MERGE on the same rows.
3. Growth: the same queries at synthetic scales (default 1, 10, 100, 1000), one growing
   database; load rows/s at each size. A scale above 1000 (``--scales 1,1000,10000``,
   ``make bench SCALES=1,1000,10000``) is built by CSV import, timed from writing the files
   to the indexes online.
4. Concurrency: 32 clients for 30 s against /graphql at the largest scale.
5. The living graph: ingest throughput at 1,000 synthetic articles, and what the history
   costs loads and reads that do not ask for it (``bench/living.py``; its own Neo4j, Bolt
   port 7698).
6. The explorer in Chromium: the landing view's time to interactive on the corpus, and the
   timeline's time to draw with 100,000 coded events (its own Neo4j on Bolt port 7698,
   after the living graph's has stopped).
7. Load: wrk, closed loop, the same clients, and the same mix through the driver alone, the
   ceiling; a paced open loop at fixed arrival rates (bench/load.py).
8. The peer: @neo4j/graphql behind Apollo Server against the same Neo4j, the same questions,
   on the corpus and with 100,000 coded events (bench/peer.py).

Each Neo4j is the benchmark's own (``.dyad/bench-neo4j``, Bolt port 7697, heap and page
cache 4 GiB). Results: ``bench/results/bench.json`` and ``bench/results/bench.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import shutil
import sys
import time
from dataclasses import replace
from typing import Any

from bench.api_overhead import on_the_corpus
from bench.concurrency import hammer
from bench.explorer import in_chromium
from bench.growth import grow, measure_step, relative_to_first, synthetic_cases
from bench.harness import (
    RESULTS,
    ROOT,
    Rounds,
    ServedApi,
    bench_client,
    machine,
    neo4j_pid,
    served_api,
)
from bench.living import SYNTHETIC_ARTICLES, living
from bench.load import measure_load, under_load
from bench.loading import batched_against_row_at_a_time
from bench.peer import against_the_peer
from bench.report import markdown
from graph import GraphClient, migrate
from loaders.synth import write_synthetic_files

HOME = ROOT / ".dyad" / "bench-neo4j"
#: Scales above this are built by CSV import (``dyad synth --csv``, ``neo4j-admin import``),
#: not grown through the batched loader.
IMPORT_ABOVE = 1000


def imported_pagecache(scale: int) -> str:
    """The page cache of an imported scale's Neo4j: the store it will have (about 1.4 GiB per
    1000 blocks, measured at scale 1001: docs/SCALING.md), never less than the 4 GiB the grown
    scales get, so reads at scale 10,000 are not timed against the disk."""
    return f"{max(4, math.ceil(scale * 1.4 / 1000))}g"


def _scales(text: str) -> list[int]:
    scales = [int(part) for part in text.split(",") if part.strip()]
    if not scales or any(s < 1 for s in scales) or scales != sorted(set(scales)):
        raise argparse.ArgumentTypeError("scales: rising whole numbers, e.g. 1,10,100,1000")
    return scales


def _say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scales", type=_scales, default=[1, 10, 100, 1000])
    parser.add_argument(
        "--iterations", type=int, default=60, help="rounds per case and scale, at least"
    )
    parser.add_argument(
        "--measure-seconds", type=float, default=3.0, help="per case and scale, at least"
    )
    parser.add_argument("--warmup", type=int, default=10, help="rounds, at least")
    parser.add_argument("--warmup-seconds", type=float, default=2.0, help="at least")
    parser.add_argument(
        "--overhead-iterations", type=int, default=200, help="rounds per case on the corpus"
    )
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument(
        "--api-workers", type=int, default=1, help="--only load: dyad serve worker processes"
    )
    parser.add_argument(
        "--only",
        choices=("overhead", "loading", "growth", "living", "explorer", "peer", "load"),
        default=None,
        help="run one part: API overhead on the corpus, loading alone, loading + growth + "
        "concurrency + load, the living graph (ingest, history costs), the explorer in "
        "Chromium, Dyad beside @neo4j/graphql (bench/peer.py), or load alone at the largest "
        "scale (wrk, bench/load.py)",
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=SYNTHETIC_ARTICLES,
        help="synthetic articles the living graph ingests",
    )
    args = parser.parse_args(argv)
    report: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "neo4j": {"heap": "4g", "pagecache": "4g"},
    }
    if args.only in (None, "overhead"):
        _say("API overhead on the corpus")
        corpus_rounds = replace(
            _rounds(args), iterations=args.overhead_iterations, warmup=args.warmup * 2
        )
        report["api_overhead"] = on_the_corpus(HOME, corpus_rounds)
    if args.only in (None, "peer"):
        _say("beside the peer, @neo4j/graphql, on the corpus and with coded events")
        report["peer"] = against_the_peer(HOME, _rounds(args))
    if args.only == "load":
        _say(f"load at scale {args.scales[-1]}: wrk, {args.clients} clients, and the ceiling")
        report["load"] = under_load(
            HOME, args.scales[-1], clients=args.clients, seconds=args.seconds,
            workers=args.api_workers,
        )  # fmt: skip
    if args.only == "loading":
        with bench_client(HOME, fresh=True) as (client, _):
            _say("loading: batched against row-at-a-time")
            report["loading"] = batched_against_row_at_a_time(client)
    if args.only in (None, "growth"):
        _growth(report, args)
    if args.only in (None, "living"):
        _say(f"living graph: history costs, ingest of {args.articles:,} articles")
        report["living"] = living(_rounds(args), args.articles)
    if args.only in (None, "explorer"):
        _say("the explorer in Chromium: landing on the corpus, timeline at 100,000 coded events")
        report["explorer"] = in_chromium(ROOT / ".dyad" / "bench-explorer-neo4j")
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"bench-{args.only}" if args.only else "bench"
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    table = markdown(report)
    (RESULTS / f"{name}.md").write_text(table)
    print(table)
    return 0


def _rounds(args: argparse.Namespace) -> Rounds:
    return Rounds(
        iterations=args.iterations,
        warmup=args.warmup,
        seconds=args.measure_seconds,
        warmup_seconds=args.warmup_seconds,
    )


def _growth(report: dict[str, Any], args: argparse.Namespace) -> None:
    """Loading, then growth: scales up to ``IMPORT_ABOVE`` grown by the batched loader in one
    database, larger ones each built by ``dyad synth --csv`` and ``neo4j-admin import``; then
    concurrency and load at the largest scale."""
    loaded = [s for s in args.scales if s <= IMPORT_ABOVE]
    imported = [s for s in args.scales if s > IMPORT_ABOVE]
    steps: list[dict[str, Any]] = []
    with bench_client(HOME, fresh=True) as (client, bolt_uri):
        _say("loading: batched against row-at-a-time")
        report["loading"] = batched_against_row_at_a_time(client)
        migrate(client)
        with served_api(bolt_uri) as api:
            _say(f"growth over scales {loaded}")
            steps += grow(client, api, loaded, _rounds(args), HOME, on_step=_said_step)
            if not imported:
                _under_load(report, args, client, api)
    for scale in imported:
        folder = HOME.parent / f"bench-import-{scale}"
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        written = write_synthetic_files(scale, folder)
        written_s = time.perf_counter() - started
        _say(f"scale {scale}: {sum(written.values()):,} rows written in {written_s:.0f} s")
        pagecache = imported_pagecache(scale)
        with bench_client(HOME, fresh=True, imported=folder, pagecache=pagecache) as (
            client,
            bolt_uri,
        ):
            migrate(client)
            seconds = time.perf_counter() - started
            shutil.rmtree(folder)
            with served_api(bolt_uri) as api:
                step = measure_step(
                    client, api, scale, sum(written.values()), seconds, _rounds(args), HOME
                )
                step["written_s"] = round(written_s, 1)
                step["pagecache"] = pagecache
                steps.append(step)
                _said_step(step)
                if scale == imported[-1]:
                    _under_load(report, args, client, api)
    report["growth"] = relative_to_first(steps)


def _said_step(step: dict[str, Any]) -> None:
    _say(
        f"scale {step['scale']}: {step['nodes']:,} nodes, {step['relationships']:,} "
        f"relationships, {step['load_rows_per_s']:,} rows/s ({step['load_s']} s)"
    )


def _under_load(
    report: dict[str, Any], args: argparse.Namespace, client: GraphClient, api: ServedApi
) -> None:
    _say(f"concurrency: {args.clients} clients for {args.seconds:.0f} s")
    report["concurrency"] = hammer(
        api.url, synthetic_cases(), clients=args.clients, seconds=args.seconds
    ) | {"scale": args.scales[-1]}
    _say(f"load: wrk, {args.clients} clients for {args.seconds:.0f} s, the ceiling, open loop")
    report["load"] = measure_load(
        client, api, args.scales[-1], clients=args.clients, seconds=args.seconds,
        neo4j_pid=neo4j_pid(HOME),
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
