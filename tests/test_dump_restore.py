"""Dumps keep every value's type; restores are all or nothing, refuse to mix into a graph,
and survive Neo4j being killed in the middle."""

from __future__ import annotations

import json
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph import (
    GraphClient,
    GraphError,
    GraphSettings,
    LocalServer,
    fingerprint,
    listings_out_of_step,
    migrate,
    open_driver,
)
from graph.client import Record, WriteBatch
from graph.dump import dump, restore
from graph.research_errors import RestoreError
from loaders import load_corpus
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # stops and starts a Neo4j of its own

MINI = ROOT / "tests" / "data" / "mini_corpus.yaml"

TYPED: list[dict[str, Any]] = [
    {"dyad_dump": 1, "nodes": 2, "relationships": 1},
    {
        "node": {
            "labels": ["Entity", "Event"],
            "properties": {
                "id": "event:typed",
                "name": "Typed values",
                "date": {"$date": "2025-11-07"},
                "seen": {"$datetime": "2025-11-07T09:30:00.123456789+09:00"},
                "local": {"$localdatetime": "2025-11-07T09:30:00"},
                "clock": {"$localtime": "09:30:00"},
                "lasted": {"$duration": "P1Y2M3DT4H5M6S"},
                "where": {"$point": {"srid": 4326, "coordinates": [139.69, 35.68]}},
                "days": [{"$date": "2025-11-07"}, {"$date": "2026-01-06"}],
                "weights": [0.5, 1.0],
                "count": 3,
                "share": 1.0,
                "flag": True,
                "aliases": [],
            },
        }
    },
    {
        "node": {
            "labels": ["Country", "Entity"],
            "properties": {"id": "country:JPN", "name": "Japan"},
        }
    },
    {
        "relationship": {
            "start": "event:typed",
            "type": "INVOLVES",
            "end": "country:JPN",
            "properties": {"key": "", "confidence": 1.0, "valid_from": {"$date": "2025-11-07"}},
        }
    },
]


def _write(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def _history(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [line for line in lines if "Change" in line.get("node", {}).get("labels", ())]


def _without_history(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [line for line in lines[1:] if line not in _history(lines)]  # past the header


def test_typed_values_survive_restore_and_dump(empty_client: GraphClient, tmp_path: Path) -> None:
    source = _write(tmp_path / "typed.jsonl", TYPED)
    restore(empty_client, source)
    row = empty_client.read_text(
        "MATCH (e:Event) RETURN valueType(e.date) AS d, valueType(e.seen) AS t, "
        "valueType(e.lasted) AS l, valueType(e.where) AS p, valueType(e.days) AS ds, "
        "valueType(e.count) AS c, valueType(e.share) AS s",
        {},
    )[0]
    assert row == {
        "d": "DATE NOT NULL",
        "t": "ZONED DATETIME NOT NULL",
        "l": "DURATION NOT NULL",
        "p": "POINT NOT NULL",
        "ds": "LIST<DATE NOT NULL> NOT NULL",
        "c": "INTEGER NOT NULL",
        "s": "FLOAT NOT NULL",
    }
    first = _dump(empty_client, tmp_path / "first.jsonl")
    restore(empty_client, tmp_path / "first.jsonl", force=True)
    second = _dump(empty_client, tmp_path / "second.jsonl")
    # The record round-trips; the history (kept by dumps) gains one entry: this restore.
    assert _without_history(second) == _without_history(first)
    assert len(_history(second)) == len(_history(first)) + 1
    event = next(line for line in first if "node" in line and "Event" in line["node"]["labels"])
    props = event["node"]["properties"]
    assert props["date"] == {"$date": "2025-11-07"}
    assert props["days"] == [{"$date": "2025-11-07"}, {"$date": "2026-01-06"}]
    assert props["where"] == {"$point": {"srid": 4326, "coordinates": [139.69, 35.68]}}
    assert props["seen"]["$datetime"].startswith("2025-11-07T09:30:00.123456789")
    assert (props["count"], props["share"], props["flag"]) == (3, 1.0, True)
    assert isinstance(props["share"], float)


def _dump(client: GraphClient, path: Path) -> list[dict[str, Any]]:
    with path.open("w", encoding="utf-8") as handle:
        dump(client, handle)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([], "the file is empty"),
        ([{"hello": 1}], "not a Dyad dump"),
        (
            [TYPED[0], {"node": {"labels": ["Evil"], "properties": {"id": "x"}}}],
            "typed.jsonl:2: unknown labels ['Evil']",
        ),
        ([TYPED[0], {"thing": {}}], "typed.jsonl:2: expected a 'node' or a 'relationship'"),
        (TYPED[:3], "the header promises 2 nodes and 1 relationships, the file holds 2 and 0"),
        (
            [{**TYPED[0], "nodes": 1}, TYPED[1], TYPED[3]],
            "relationships name an end that is not in the dump",
        ),
    ],
)
def test_bad_dumps_are_refused_and_nothing_is_written(
    empty_client: GraphClient, tmp_path: Path, items: list[dict[str, Any]], message: str
) -> None:
    source = _write(tmp_path / "typed.jsonl", items)
    with pytest.raises(RestoreError, match="nothing was written") as caught:
        restore(empty_client, source)
    assert message in str(caught.value)
    assert fingerprint(empty_client).nodes == 0


def test_a_failed_forced_restore_leaves_the_graph_as_it_was(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    restore(empty_client, _write(tmp_path / "good.jsonl", TYPED))
    before = fingerprint(empty_client)
    broken = _write(tmp_path / "broken.jsonl", [{**TYPED[0], "nodes": 1}, TYPED[1], TYPED[3]])
    with pytest.raises(RestoreError, match="not in the dump"):
        restore(empty_client, broken, force=True)
    assert fingerprint(empty_client) == before


def test_a_restored_corpus_is_listed_under_its_countries_again(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    """A dump leaves the listings out (derived); the restore writes them again, in step."""
    load_corpus(empty_client, [MINI])
    dumped = _dump(empty_client, tmp_path / "mini.jsonl")
    assert not any("Listing" in line.get("node", {}).get("labels", ()) for line in dumped)
    restore(empty_client, tmp_path / "mini.jsonl", force=True)
    assert listings_out_of_step(empty_client) == []


def test_a_restore_refuses_a_graph_that_holds_data_without_force(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    load_corpus(empty_client, [MINI])
    before = fingerprint(empty_client)
    with pytest.raises(RestoreError) as caught:
        restore(empty_client, _write(tmp_path / "typed.jsonl", TYPED))
    held = empty_client.read_text("MATCH (n) WHERE NOT n:Listing RETURN count(n) AS n", {})[0][
        "n"
    ]  # with history
    assert str(caught.value) == (
        f"the database is not empty ({held} nodes); restore refuses to mix a dump into it. "
        "Use --force to delete everything first. Nothing was written."
    )
    assert fingerprint(empty_client) == before


# -- Neo4j killed in the middle of a restore --------------------------------------------------


class _Signalling(WriteBatch):
    """A restore's transaction that says when its first batch has been sent."""

    def __init__(self, inner: WriteBatch, sent: threading.Event) -> None:
        self._inner = inner
        self._sent = sent

    def run(self, name: str, **params: Any) -> list[Record]:
        rows = self._inner.run(name, **params)
        self._sent.set()
        return rows


class _WatchedClient(GraphClient):
    def __init__(self, driver: Driver) -> None:
        super().__init__(driver)
        self.sent = threading.Event()

    @contextmanager
    def transaction(self, name: str = "write") -> Iterator[WriteBatch]:
        with super().transaction(name) as batch:
            yield _Signalling(batch, self.sent) if name == "dump/restore" else batch


def _chain(count: int) -> list[dict[str, Any]]:
    """A dump of ``count`` countries, each importing from the one before."""
    source = {"id": "source:s", "name": "s", "title": "s", "publisher": "p", "citation": "c"}
    items: list[dict[str, Any]] = [
        {"dyad_dump": 1, "nodes": count + 1, "relationships": count - 1},
        {"node": {"labels": ["Entity", "Source"], "properties": source}},
    ]
    items += [
        {"node": {"labels": ["Country", "Entity"], "properties": {
            "id": f"country:X{i}", "name": f"Land {i}", "iso3": "XXX", "sources": ["source:s"]}}}
        for i in range(count)
    ]  # fmt: skip
    items += [
        {"relationship": {"start": f"country:X{i}", "type": "IMPORTS_FROM", "end": f"country:X{i - 1}",
                          "properties": {"key": "", "confidence": 0.5, "status": "unverified",
                                         "sources": ["source:s"]}}}
        for i in range(1, count)
    ]  # fmt: skip
    return items


def test_a_restore_killed_midway_writes_nothing_and_completes_when_run_again(
    own_server: LocalServer, tmp_path: Path
) -> None:
    driver = open_driver(GraphSettings(), own_server.bolt_uri)
    client = _WatchedClient(driver)
    try:
        migrate(client)
        restore(client, _write(tmp_path / "chain.jsonl", _chain(5000)))
        original = tmp_path / "original.jsonl"
        with original.open("w", encoding="utf-8") as handle:
            dump(client, handle)
        client.autocommit("graph/clear")
        load_corpus(client, [MINI])
        before = fingerprint(client)
        client.sent.clear()  # the restore above sent batches too
        failure: list[BaseException] = []

        def run() -> None:
            try:
                restore(client, original, force=True, batch_size=25)
            except BaseException as exc:
                failure.append(exc)

        worker = threading.Thread(target=run)
        worker.start()
        assert client.sent.wait(timeout=60), "the restore never started writing"
        assert worker.is_alive(), "the restore finished before the fault; make it larger"
        pid = own_server.status().pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)  # 200 batches of nodes in one transaction: mid-way
        worker.join(timeout=120)
        assert not worker.is_alive()
    finally:
        driver.close()
    assert failure, "the restore did not report the fault"
    assert isinstance(failure[0], GraphError), failure[0]

    own_server.start()
    driver = open_driver(GraphSettings(), own_server.bolt_uri)
    try:
        restarted = GraphClient(driver)
        assert fingerprint(restarted) == before  # one transaction: as it was, none of the dump
        restore(restarted, original, force=True)
        again = tmp_path / "again.jsonl"
        with again.open("w", encoding="utf-8") as handle:
            dump(restarted, handle)
    finally:
        driver.close()
    # Everything the dump held comes back; the history gains one entry, this restore.
    lines = [json.loads(line) for line in again.read_text(encoding="utf-8").splitlines()]
    dumped = [json.loads(line) for line in original.read_text(encoding="utf-8").splitlines()]
    assert _without_history(lines) == _without_history(dumped)
    assert len(_history(lines)) == len(_history(dumped)) + 1
