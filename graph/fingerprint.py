"""A fingerprint of the whole graph: counts per label and type, and one content hash.

Two graphs with the same ids, labels, types and properties have the same fingerprint, in
whatever order they were written; anything else changes the hash.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.client import GraphClient
from schema import without_list_keys

__all__ = ["Fingerprint", "fingerprint"]


@dataclass(frozen=True)
class Fingerprint:
    nodes: int
    relationships: int
    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    sha256: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "relationships": self.relationships,
            "labels": self.labels,
            "types": self.types,
            "sha256": self.sha256,
        }


def _canonical(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    return {"$": type(value).__name__, "v": str(value)}


def _line(obj: Any) -> str:
    return json.dumps(_canonical(obj), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint(client: GraphClient) -> Fingerprint:
    """Read the whole graph and fingerprint it (one read per nodes and relationships)."""
    labels: Counter[str] = Counter()
    types: Counter[str] = Counter()
    node_lines: list[str] = []
    for row in client.read("graph/fingerprint_nodes"):
        node_labels = sorted(row["labels"])
        labels.update(node_labels)
        node_lines.append(_line([node_labels, without_list_keys(row["properties"])]))
    rel_lines: list[str] = []
    for row in client.read("graph/fingerprint_relationships"):
        types[row["type"]] += 1
        rel_lines.append(_line([row["start"], row["type"], row["end"], row["properties"]]))
    digest = hashlib.sha256()
    for line in sorted(node_lines):
        digest.update(b"N" + line.encode() + b"\n")
    for line in sorted(rel_lines):
        digest.update(b"R" + line.encode() + b"\n")
    return Fingerprint(
        nodes=len(node_lines),
        relationships=len(rel_lines),
        labels=dict(sorted(labels.items())),
        types=dict(sorted(types.items())),
        sha256=digest.hexdigest(),
    )
