"""``dyad dump`` and ``dyad restore``: the whole graph as JSON lines, and back.

A dump is UTF-8 JSON lines: a header ``{"dyad_dump": 1, "nodes": N, "relationships": M}``,
then one ``{"node": {"labels": [...], "properties": {...}}}`` per node and one
``{"relationship": {"start", "type", "end", "properties"}}`` per relationship (ends by
``id``). Values JSON cannot hold keep their type in a tagged map: ``{"$date": "2025-04-04"}``,
``$datetime``, ``$localdatetime``, ``$time``, ``$localtime``, ``$duration`` (ISO text) and
``$point`` (``{"srid", "coordinates"}``). Neo4j properties are never maps, so a tag is never
mistaken for data. A restore writes everything in one transaction, in batches, and gives
back the same fingerprint.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from neo4j.spatial import CartesianPoint, Point, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.client import GraphClient
from graph.list_keys import store_list_keys
from graph.migrate import migrate
from graph.research_errors import RestoreError
from schema import (
    BASE_LABEL,
    CHANGE_LABEL,
    REVIEW_BASE_LABEL,
    ChangeAction,
    ChangeSubject,
    Label,
    RelType,
    ReviewLabel,
    ReviewRelType,
    change_row,
    without_list_keys,
)

__all__ = ["DumpSummary", "dump", "restore"]

VERSION = 1
_KNOWN_LABELS = {label.value for label in (*Label, *ReviewLabel)} | {
    BASE_LABEL,
    REVIEW_BASE_LABEL,
    CHANGE_LABEL,
}
_KNOWN_TYPES = {rel.value for rel in (*RelType, *ReviewRelType)}


@dataclass(frozen=True)
class DumpSummary:
    nodes: int
    relationships: int


def _encode(value: Any) -> Any:
    if isinstance(value, Point):  # a tuple, so before lists
        return {"$point": {"srid": value.srid, "coordinates": list(value)}}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, DateTime | dt.datetime):
        aware = value.tzinfo is not None
        text = value.iso_format() if isinstance(value, DateTime) else value.isoformat()
        return {"$datetime" if aware else "$localdatetime": text}
    if isinstance(value, Date | dt.date):
        return {"$date": value.iso_format() if isinstance(value, Date) else value.isoformat()}
    if isinstance(value, Time | dt.time):
        aware = value.tzinfo is not None
        text = value.iso_format() if isinstance(value, Time) else value.isoformat()
        return {"$time" if aware else "$localtime": text}
    if isinstance(value, Duration):
        return {"$duration": value.iso_format()}
    return value


def _point(spec: Any) -> Point:
    srid, coordinates = spec["srid"], tuple(spec["coordinates"])
    if srid in (4326, 4979):
        return WGS84Point(coordinates)
    return CartesianPoint(coordinates)


_DECODERS: dict[str, Callable[[Any], Any]] = {
    "$date": Date.from_iso_format,
    "$datetime": DateTime.from_iso_format,
    "$localdatetime": DateTime.from_iso_format,
    "$time": Time.from_iso_format,
    "$localtime": Time.from_iso_format,
    "$duration": Duration.from_iso_format,
    "$point": _point,
}


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in _DECODERS:
            raise ValueError(f"a property holds a map, which Neo4j cannot store: {value!r}")
        tag, text = next(iter(value.items()))
        return _DECODERS[tag](text)
    return value


def _properties(props: dict[str, Any]) -> dict[str, Any]:
    return {key: _encode(value) for key, value in sorted(props.items())}


def _line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def dump(client: GraphClient, out: IO[str]) -> DumpSummary:
    """Write every node and relationship to ``out``; returns the counts."""
    nodes = client.read("dump/all_nodes")
    rels = client.read("dump/all_relationships")
    for row in nodes:
        if row["id"] is None:
            raise RestoreError(
                f"a node without an id cannot be dumped (labels {row['labels']}); "
                "every node in Dyad has one"
            )
    out.write(_line({"dyad_dump": VERSION, "nodes": len(nodes), "relationships": len(rels)}))
    for row in nodes:
        out.write(
            _line(
                {
                    "node": {
                        "labels": sorted(row["labels"]),
                        "properties": _properties(without_list_keys(row["properties"])),
                    }
                }
            )
        )
    for row in rels:
        rel = {k: row[k] for k in ("start", "type", "end")}
        out.write(_line({"relationship": {**rel, "properties": _properties(row["properties"])}}))
    return DumpSummary(len(nodes), len(rels))


def _read(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes: list[dict[str, Any]] = []
    rels: list[dict[str, Any]] = []
    header: dict[str, Any] | None = None
    for number, line in _lines(path):
        where = f"{path.name}:{number}"
        try:
            item = json.loads(line)
            if header is None:
                if item.get("dyad_dump") != VERSION:
                    raise ValueError(f"not a Dyad dump (version {VERSION} header expected)")
                header = item
            elif "node" in item:
                nodes.append(_node_row(item["node"]))
            elif "relationship" in item:
                rels.append(_rel_row(item["relationship"]))
            else:
                raise ValueError("expected a 'node' or a 'relationship'")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RestoreError(f"{where}: {exc}; nothing was written") from exc
    if header is None:
        raise RestoreError(f"{path.name}: the file is empty; nothing was written")
    if (header.get("nodes"), header.get("relationships")) != (len(nodes), len(rels)):
        raise RestoreError(
            f"{path.name}: the header promises {header.get('nodes')} nodes and "
            f"{header.get('relationships')} relationships, the file holds {len(nodes)} and "
            f"{len(rels)} (cut short?); nothing was written"
        )
    return nodes, rels


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def _node_row(node: dict[str, Any]) -> dict[str, Any]:
    labels = list(node["labels"])
    unknown = set(labels) - _KNOWN_LABELS
    if unknown:
        raise ValueError(f"unknown labels {sorted(unknown)} (not in the vocabulary)")
    props = {k: _decode(v) for k, v in node["properties"].items()}
    if "id" not in props:
        raise ValueError("a node without an 'id' property")
    return {"labels": labels, "properties": props}


def _rel_row(rel: dict[str, Any]) -> dict[str, Any]:
    if rel["type"] not in _KNOWN_TYPES:
        raise ValueError(f"unknown relationship type {rel['type']!r} (not in the vocabulary)")
    props = {k: _decode(v) for k, v in rel["properties"].items()}
    return {"start": rel["start"], "type": rel["type"], "end": rel["end"], "properties": props}


def restore(
    client: GraphClient, path: Path, *, force: bool = False, batch_size: int = 1000
) -> DumpSummary:
    """Read ``path`` whole, then write it into an empty database in one transaction.

    With ``force``, a non-empty database is emptied inside that same transaction: a restore
    that fails leaves the database as it was.
    """
    nodes, rels = _read(path)
    existing = client.read("dump/count")[0]["nodes"]
    if existing and not force:
        raise RestoreError(
            f"the database is not empty ({existing} nodes); restore refuses to mix a dump "
            "into it. Use --force to delete everything first. Nothing was written."
        )
    migrate(client)
    with client.transaction("dump/restore") as tx:
        if existing:
            tx.run("dump/delete_all")
        for name, rows in (("dump/restore_nodes", nodes), ("dump/restore_relationships", rels)):
            written = 0
            for offset in range(0, len(rows), batch_size):
                batch = rows[offset : offset + batch_size]
                written += tx.run(name, rows=batch)[0]["written"]
            if written != len(rows):
                raise RestoreError(
                    f"{path.name}: {len(rows) - written} relationships name an end that is not "
                    "in the dump; rolled back, nothing was written"
                )
        entity_ids = [n["properties"]["id"] for n in nodes if BASE_LABEL in n["labels"]]
        store_list_keys(tx.run, entity_ids)
        # The dump's own history comes back with it; the restore itself is one more entry.
        at = dt.datetime.now(dt.UTC)
        entry = change_row(
            path.name,
            ChangeSubject.GRAPH,
            ChangeAction.RESTORED,
            None,
            {"dump": path.name, "nodes": len(nodes), "relationships": len(rels)},
            by="dyad restore",
            at=at,
            change_id=f"{at:%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:12]}-restore",
        )
        tx.run("history/record", rows=[entry])
    return DumpSummary(len(nodes), len(rels))
