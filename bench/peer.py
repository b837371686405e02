"""The peer: @neo4j/graphql behind Apollo Server (``bench/peer/server.mjs``), timed beside Dyad.

Both servers read the same Neo4j. Each case is one question asked of both in its own API's
words: a list, a node with one nested level, two nested levels from a hub, a filtered list.
Before any timing, the two answers must name the same node ids (``same_ids``); then the two
requests are timed over HTTP with the same client (``bench/lean_http.py``), interleaved, each
side going first equally often. Run on the corpus, and again with 100,000 coded events loaded
(``tests/coded_events.py``), which put a hub of coded-event relationships on China and Japan.

The peer needs Node.js and ``npm ci --prefix bench/peer`` (``make bench`` runs it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import ROOT, Rounds, bench_client, served_api, stopped, summary, timed
from bench.lean_http import KeptAlive, LeanHttp, LeanHttpError
from graph import migrate
from loaders import CORPUS_DIR, load_corpus
from tests.coded_events import CODED, load_coded_world  # the one generator, the tests' own

__all__ = [
    "PEER_CASES",
    "PEER_DIR",
    "PeerCase",
    "PeerDisagrees",
    "against_the_peer",
    "disagreement",
    "ids_in",
    "peer_table",
    "served_peer",
    "side_by_side",
]

PEER_DIR = ROOT / "bench" / "peer"
#: The ports the peer run uses (the bench's Neo4j, ``dyad serve``, the peer). Module-level so
#: that a run beside another benchmark can move them.
BOLT_PORT = 7697
API_PORT = 8797
PEER_PORT = 4797


class PeerDisagrees(RuntimeError):
    """Dyad and the peer named different node ids for the same question: nothing was timed."""


@dataclass(frozen=True)
class PeerCase:
    """One question, as Dyad's GraphQL and as the peer's."""

    name: str
    dyad: str
    peer: str


_SOME = "... on Mineral { id name } ... on Industry { id name }"
PEER_CASES: list[PeerCase] = [
    PeerCase(
        "list: the first 20 policies by date",
        "{ policies(sort: DATE, first: 20) { nodes { id name ... on Policy { announced } } } }",
        "{ policies(sort: [{announcedLatest: ASC}, {id: ASC}], limit: 20) { id name announced } }",
    ),
    PeerCase(
        "one nested level: a policy with its minerals",
        """{ node(id: "policy:cn-2025-04-ree") { id name ... on Policy {
             relations(types: [RESTRICTS], direction: OUT) { other { id name } } } } }""",
        f"""{{ policies(where: {{id: {{eq: "policy:cn-2025-04-ree"}}}}) {{ id name
             restricts {{ {_SOME} }} }} }}""",
    ),
    PeerCase(
        "two nested levels from a hub: Japan's targeting policies with their minerals",
        """{ node(id: "country:JPN") { id name relations(types: [TARGETS], direction: IN) {
             other { id name ... on Policy {
               relations(types: [RESTRICTS], direction: OUT) { other { id name } } } } } } }""",
        f"""{{ countries(where: {{id: {{eq: "country:JPN"}}}}) {{ id name targetedBy {{
             ... on Statement {{ id name }}
             ... on Policy {{ id name restricts {{ {_SOME} }} }} }} }} }}""",
    ),
    PeerCase(
        "filtered list: reported policies since 2025, by date",
        """{ policies(filter: {from: "2025-01-01", status: REPORTED}, sort: DATE, first: 20) {
             nodes { id name ... on Policy { announced } } } }""",
        """{ policies(where: {announcedLatest: {gte: "2025-01-01"}, status: {eq: "reported"}},
             sort: [{announcedLatest: ASC}, {id: ASC}], limit: 20) { id name announced } }""",
    ),
]


def ids_in(answer: Any) -> set[str]:
    """Every node id an answer's ``data`` names, at any depth."""
    found: set[str] = set()
    stack = [answer.get("data") if isinstance(answer, dict) else answer]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                found.add(value["id"])
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def disagreement(dyad: dict[str, Any], peer: dict[str, Any]) -> str | None:
    """Why two answers to the same question differ (errors, or the ids they name), or None."""
    for side, body in (("Dyad", dyad), ("the peer", peer)):
        if body.get("errors") or not body.get("data"):
            return f"{side} answered with errors: {body.get('errors')}"
    ours, theirs = ids_in(dyad), ids_in(peer)
    if ours != theirs:
        return (
            f"only Dyad names {sorted(ours - theirs)}; only the peer names {sorted(theirs - ours)}"
        )
    return None


@contextmanager
def served_peer(bolt_uri: str, port: int | None = None) -> Iterator[str]:
    """``node bench/peer/server.mjs`` against ``bolt_uri``; yields its /graphql URL once it
    answers."""
    node = shutil.which("node")
    if node is None or not (PEER_DIR / "node_modules").is_dir():
        raise RuntimeError(
            "the peer needs Node.js and its packages: npm ci --prefix bench/peer "
            "(make bench runs it)"
        )
    port = port or PEER_PORT
    env = os.environ | {"NEO4J_URI": bolt_uri, "PEER_PORT": str(port), "NODE_ENV": "production"}
    peer = subprocess.Popen(
        [node, "server.mjs"],
        cwd=PEER_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/graphql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                probe = LeanHttp(url, timeout=5)
            except OSError:
                if time.monotonic() > deadline or peer.poll() is not None:
                    raise RuntimeError("the peer did not come up") from None
                time.sleep(0.2)
                continue
            try:
                if probe.post({"query": "{ __typename }"}).get("data"):
                    break
            except (OSError, LeanHttpError):
                pass
            finally:
                probe.close()
        yield url
    finally:
        stopped(peer)


def side_by_side(dyad_url: str, peer_url: str, case: PeerCase, rounds: Rounds) -> dict[str, Any]:
    """Warm both, check both answers name the same ids, then time both requests, interleaved."""
    dyad, peer = KeptAlive(dyad_url), KeptAlive(peer_url)
    try:
        dyad_ms: list[float] = []
        peer_ms: list[float] = []
        sides: list[tuple[Callable[[], Any], list[float]]] = [
            (lambda: dyad.post({"query": case.dyad}), dyad_ms),
            (lambda: peer.post({"query": case.peer}), peer_ms),
        ]
        # Warm first (a cold plan on a busy machine may run past Dyad's time limit), then
        # compare the answers, then time.
        for _ in rounds.warming():
            for call, _samples in sides:
                call()
        first = dyad.post({"query": case.dyad}), peer.post({"query": case.peer})
        why = disagreement(*first)
        if why:
            raise PeerDisagrees(f"{case.name}: {why}")
        for iteration in rounds.measuring(whole=len(sides)):
            turn = iteration % len(sides)  # each side goes first equally often
            for call, samples in sides[turn:] + sides[:turn]:
                samples.append(timed(call))
    finally:
        dyad.close()
        peer.close()
    d, p = summary(dyad_ms), summary(peer_ms)
    return {
        "case": case.name,
        "same_ids": True,
        "ids": len(ids_in(first[0])),
        "iterations": len(dyad_ms),
        "dyad": d,
        "peer": p,
        "ratio": round(d["median_ms"] / p["median_ms"], 3),
    }


def _versions() -> dict[str, str]:
    """The peer's packages as ``bench/peer/package-lock.json`` pins them."""
    lock = json.loads((PEER_DIR / "package-lock.json").read_text())
    return {
        name: lock["packages"][f"node_modules/{name}"]["version"]
        for name in ("@neo4j/graphql", "@apollo/server", "neo4j-driver", "graphql")
    }


def against_the_peer(home: Path, rounds: Rounds) -> dict[str, Any]:
    """Every peer case on the corpus, then with 100,000 coded events loaded."""
    with bench_client(home, fresh=True, port=BOLT_PORT) as (client, bolt_uri):
        migrate(client)
        load_corpus(client, [CORPUS_DIR])
        with served_api(bolt_uri, port=API_PORT) as api, served_peer(bolt_uri) as peer_url:
            corpus = [side_by_side(api.url, peer_url, case, rounds) for case in PEER_CASES]
            load_coded_world(client)
            coded = [side_by_side(api.url, peer_url, case, rounds) for case in PEER_CASES]
    return {"versions": _versions(), "coded_events": CODED, "corpus": corpus, "coded": coded}


def peer_table(peer: dict[str, Any]) -> list[str]:
    """The markdown section of a report's ``peer`` part (bench/report.py)."""
    versions = ", ".join(f"{name} {version}" for name, version in peer["versions"].items())
    lines = [
        "",
        "## Beside the peer: Dyad and @neo4j/graphql on the same Neo4j",
        "",
        f"The peer: {versions}, behind Apollo Server (bench/peer/server.mjs). Both over HTTP "
        "with the same client, interleaved; the answers name the same ids before timing.",
        "",
        "| data | question | ids | Dyad median (p95) ms | peer median (p95) ms | Dyad/peer |",
        "|---|---|---|---|---|---|",
    ]
    coded = f"corpus + {peer['coded_events']:,} coded events"
    for data, rows in (("corpus", peer["corpus"]), (coded, peer["coded"])):
        for r in rows:
            lines.append(
                f"| {data} | {r['case']} | {r['ids']} "
                f"| {r['dyad']['median_ms']:.2f} ({r['dyad']['p95_ms']:.2f}) "
                f"| {r['peer']['median_ms']:.2f} ({r['peer']['p95_ms']:.2f}) | {r['ratio']:.2f}× |"
            )
    return lines
