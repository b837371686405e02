"""API overhead on the corpus: each GraphQL root field over HTTP against the same Cypher
through the driver, interleaved in one run against one Neo4j holding the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bench.harness import (
    Case,
    Rounds,
    bench_client,
    chains_case,
    compare,
    neighbourhood_case,
    policies_case,
    search_case,
    served_api,
)
from graph import migrate
from loaders import CORPUS_DIR, load_corpus

__all__ = ["CORPUS_CASES", "on_the_corpus"]

CORPUS_CASES: list[Case] = [
    chains_case("statement:takaichi-2025-11-07-diet", "country:JPN"),
    neighbourhood_case("country:JPN"),
    search_case("rare earth export controls"),
    policies_case("country:JPN", dt.date(2025, 1, 1)),
]


def on_the_corpus(home: Path, rounds: Rounds) -> list[dict[str, Any]]:
    with bench_client(home, fresh=True) as (client, bolt_uri):
        migrate(client)
        load_corpus(client, [CORPUS_DIR])
        with served_api(bolt_uri) as api:
            return [compare(client, api, case, rounds) for case in CORPUS_CASES]
