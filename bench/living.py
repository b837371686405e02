"""The living graph (#22): ingest throughput, and what the record's own history costs.

On a Neo4j of its own (``.dyad/bench-living-neo4j``, Bolt port 7698, so that it runs beside
the other benchmarks' 7697), holding the curated corpus:

1. **Loads.** The corpus loaded into an emptied database as ``dyad load`` loads it
   (recording a ``Change`` per node and relationship) and with the recording left out
   (``loaders.write.record`` replaced by a no-op for the run: there is no switch, since every
   write must record), ``LOADS`` times each, in turn. Medians, and their ratio.
2. **Reads that do not ask for history**, over HTTP against ``dyad serve``: the same
   GraphQL requests (the corpus cases of ``bench/api_overhead.py`` and a timeline) timed
   after each load, so the sides without and with a history take turns (and turns going
   first, as the machine's load drifts). The ratio of
   medians must stay under 1.10 (#22). PROFILE db hits of each read's API query, without
   and with the history, show whether any read walks it (they must be equal).
3. **Ingest.** ``SYNTHETIC_ARTICLES`` articles made here, deterministically (no network):
   each names corpus entities, an invented company and a hedged claim. They go in through
   ``loaders.ingest.ingest`` as ``dyad ingest`` reads a JSON Lines file; articles per second.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import Any
from unittest import mock

from bench.api_overhead import CORPUS_CASES
from bench.api_reads import read_sent_for
from bench.harness import ROOT, Case, Rounds, bench_client, served_api, summary, timed
from bench.lean_http import LeanHttp
from graph import GraphClient, fingerprint, migrate, profiled
from loaders import CORPUS_DIR, load_corpus
from loaders.ingest import ingest

__all__ = ["HOME", "SYNTHETIC_ARTICLES", "living", "synthetic_articles"]

HOME = ROOT / ".dyad" / "bench-living-neo4j"
BOLT_PORT = 7698
API_PORT = 8798
SYNTHETIC_ARTICLES = 1000
LOADS = 3
#: Its Neo4j's heap and page cache: the corpus fits many times over.
HEAP = "1g"

#: Reads that do not ask for history: the corpus cases (``causalChains``, ``neighbourhood``,
#: ``search``, a filtered list) and a timeline.
READ_CASES = [
    *CORPUS_CASES,
    Case(
        "timeline",
        '{ timeline(countries: ["country:JPN"], first: 200) '
        "{ totalCount capped items { id name } } }",
        "timeline",
    ),
]

#: Pieces the synthetic articles are made of: names the corpus holds, invented companies
#: (``Fictional … {n}``, which the reader cannot link and so queues), hedges.
_PLACES = ("Japan", "China")
_MINERALS = ("dysprosium", "gallium", "germanium", "terbium", "graphite")
_HEDGES = ("reportedly", "is said to", "according to people familiar with the matter,", "")
_VERBS = ("plans to expand", "warned of shortages of", "is stockpiling", "cut its imports of")


def synthetic_articles(count: int) -> list[dict[str, str]]:
    """``count`` invented articles, the same on every run (no randomness, no network)."""
    articles = []
    for n in range(count):
        place = _PLACES[n % 2]
        other = _PLACES[(n + 1) % 2]
        mineral = _MINERALS[n % len(_MINERALS)]
        hedge = _HEDGES[n % len(_HEDGES)]
        verb = _VERBS[(n // 2) % len(_VERBS)]
        company = f"Fictional Benchmark Metals {n} Ltd"
        text = (
            f"{company}, a company invented for Dyad's benchmark, {hedge} {verb} {mineral}. "
            f"Officials in {place} said supplies from {other} remained tight. "
            f"Its chief executive said {place} depends on {other} for {mineral}."
        )
        articles.append(
            {
                "url": f"https://example.org/dyad-bench/article-{n}",
                "date": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "title": f"Synthetic benchmark article {n}",
                "publisher": "Dyad Benchmark Wire",
                "text": " ".join(text.split()),
            }
        )
    return articles


def _load_s(client: GraphClient, *, history: bool) -> float:
    client.autocommit("graph/clear")
    migrate(client)
    skip = None if history else mock.patch("loaders.write.record", return_value=0)
    with skip or nullcontext():
        started = time.perf_counter()
        load_corpus(client, [CORPUS_DIR])
        return time.perf_counter() - started


def _changes(client: GraphClient) -> int:
    return int(client.read("history/count")[0]["n"])


def _reads(url: str, rounds: Rounds, samples: dict[str, list[float]]) -> None:
    """Each corpus case, round robin so that none gets the warmest cache, on a connection
    of its own (the server closes one left idle through the loads); times go to ``samples``."""
    http = LeanHttp(url)
    calls: dict[str, Callable[[], object]] = {
        case.name: partial(http.post, {"query": case.graphql}) for case in READ_CASES
    }
    for _ in rounds.warming():
        for call in calls.values():
            call()
    for _ in rounds.measuring():
        for name, call in calls.items():
            samples.setdefault(name, []).append(timed(call))


def _profiled(client: GraphClient, uri: str) -> dict[str, int]:
    """PROFILE db hits of the API query each read case sends (as the API sends it): equal
    with and without a history when no read walks the ``Change`` nodes."""
    hits = {}
    for case in READ_CASES:
        text, params = read_sent_for(uri, case.graphql, case.query)
        hits[case.name] = profiled(client, text, params).db_hits
    return hits


def living(rounds: Rounds, articles: int = SYNTHETIC_ARTICLES) -> dict[str, Any]:
    """Load with and without history, reads before and after it exists, ingest throughput."""
    with (
        bench_client(HOME, fresh=True, heap=HEAP, pagecache=HEAP, port=BOLT_PORT) as (client, uri),
        served_api(uri, port=API_PORT) as api,
    ):
        _load_s(client, history=False)  # warm-up: plans cached
        without: list[float] = []
        with_history: list[float] = []
        reads_without: dict[str, list[float]] = {}
        reads_with: dict[str, list[float]] = {}
        same_graph = True
        plain = fingerprint(client)
        for n in range(LOADS):  # the two sides in turn, loads and reads alike, and each
            for history in (False, True) if n % 2 == 0 else (True, False):  # goes first
                loads, reads = (with_history, reads_with) if history else (without, reads_without)
                loads.append(_load_s(client, history=history))
                same_graph = same_graph and fingerprint(client) == plain
                _reads(api.url, rounds, reads)
        _load_s(client, history=False)
        hits_without = _profiled(client, uri)
        _load_s(client, history=True)
        recorded = _changes(client)
        hits_with = _profiled(client, uri)

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "articles.jsonl"
            lines = (json.dumps(a, ensure_ascii=False) for a in synthetic_articles(articles))
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            started = time.perf_counter()
            ingested = ingest(client, [path])
            ingest_s = time.perf_counter() - started
        changes_after_ingest = _changes(client)

    no_history_s, history_s = statistics.median(without), statistics.median(with_history)
    before = {name: summary(times) for name, times in reads_without.items()}
    after = {name: summary(times) for name, times in reads_with.items()}
    read_ratios = {
        name: round(after[name]["median_ms"] / before[name]["median_ms"], 3) for name in before
    }
    return {
        "neo4j": {"heap": HEAP, "pagecache": HEAP, "bolt_port": BOLT_PORT},
        "corpus_load": {
            "without_history_s": round(no_history_s, 3),
            "with_history_s": round(history_s, 3),
            "runs_without_s": [round(s, 3) for s in without],
            "runs_with_s": [round(s, 3) for s in with_history],
            "ratio": round(history_s / no_history_s, 3),
            "changes_recorded": recorded,
            "same_graph": same_graph,
        },
        "reads": {
            "before_history": before,
            "after_history": after,
            "ratios": read_ratios,
            "worst_ratio": max(read_ratios.values()),
            "within_10_percent": max(read_ratios.values()) <= 1.10,
            "db_hits_without_history": hits_without,
            "db_hits_with_history": hits_with,
            "history_walked": hits_with != hits_without,
        },
        "ingest": {
            "articles": articles,
            "read": ingested.read,
            "loaded": ingested.loaded,
            "queued": ingested.queued,
            "seconds": round(ingest_s, 2),
            "articles_per_s": round(articles / ingest_s, 1),
            "changes_recorded": changes_after_ingest - recorded,
        },
    }
