"""``make bench`` (``python -m bench``): every benchmark in one run, on this machine.

1. API overhead on the corpus: GraphQL over HTTP against the same Cypher via the driver.
2. Loading: the batched loader against row-at-a-time MERGE on the same rows.
3. Growth: the same queries at synthetic scales (default 1, 10, 100, 1000), one growing
   database; load rows/s at each size.
4. Concurrency: 32 clients for 30 s against /graphql at the largest scale.
5. The living graph: ingest throughput at 1,000 synthetic articles, and what the history
   costs loads and reads that do not ask for it (``bench/living.py``; its own Neo4j, Bolt
   port 7698).
6. The explorer in Chromium: the landing view's time to interactive on the corpus, and the
   timeline's time to draw with 100,000 coded events (its own Neo4j on Bolt port 7698,
   after the living graph's has stopped).
7. Load from a standard generator: wrk, closed loop, the same clients, and the same mix
   through the driver alone, the ceiling (bench/load.py).
8. The peer: @neo4j/graphql behind Apollo Server against the same Neo4j, the same questions,
   on the corpus and with 100,000 coded events (bench/peer.py).

Each Neo4j is the benchmark's own (``.dyad/bench-neo4j``, Bolt port 7697, heap and page
cache 4 GiB). Results: ``bench/results/bench.json`` and ``bench/results/bench.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import replace
from typing import Any

from bench.api_overhead import on_the_corpus
from bench.concurrency import hammer
from bench.explorer import in_chromium
from bench.growth import grow, synthetic_cases
from bench.harness import RESULTS, ROOT, Rounds, bench_client, machine, served_api
from bench.living import SYNTHETIC_ARTICLES, living
from bench.load import measure_load, under_load
from bench.loading import batched_against_row_at_a_time
from bench.peer import against_the_peer
from bench.report import markdown
from graph import migrate

HOME = ROOT / ".dyad" / "bench-neo4j"


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
            HOME, args.scales[-1], clients=args.clients, seconds=args.seconds
        )
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
    with bench_client(HOME, fresh=True) as (client, bolt_uri):
        _say("loading: batched against row-at-a-time")
        report["loading"] = batched_against_row_at_a_time(client)
        migrate(client)
        with served_api(bolt_uri) as api:
            _say(f"growth over scales {args.scales}")
            report["growth"] = grow(
                client,
                api,
                args.scales,
                _rounds(args),
                on_step=lambda step: _say(
                    f"scale {step['scale']}: {step['nodes']:,} nodes, "
                    f"{step['relationships']:,} relationships, "
                    f"{step['load_rows_per_s']:,} rows/s"
                ),
            )
            _say(f"concurrency: {args.clients} clients for {args.seconds:.0f} s")
            report["concurrency"] = hammer(
                api.url, synthetic_cases(), clients=args.clients, seconds=args.seconds
            ) | {"scale": args.scales[-1]}
            _say(f"load: wrk, {args.clients} clients for {args.seconds:.0f} s, and the ceiling")
            report["load"] = measure_load(
                client, api, args.scales[-1], clients=args.clients, seconds=args.seconds
            )


if __name__ == "__main__":
    sys.exit(main())
