"""Dumps keep every value's type; restores are all or nothing and refuse to mix into a graph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph import GraphClient, fingerprint
from graph.dump import dump, restore
from graph.research_errors import RestoreError

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
    assert _dump(empty_client, tmp_path / "second.jsonl") == first
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
