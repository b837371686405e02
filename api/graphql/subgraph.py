"""The answer of one API query as a small graph: nodes, relationships, sources, extras.

Every API read query returns one row in this shape (see ``queries/api/_expand.cypher``);
GraphQL objects are then built from it without another round trip.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

__all__ = ["Subgraph", "to_python"]


_AS_IS = frozenset({str, int, float, bool, type(None)})


def to_python(value: Any) -> Any:
    """Neo4j values as Python ones (``neo4j.time.Date`` → ``datetime.date``), recursively.

    Dicts and lists are converted in place and returned: the rows are the caller's own (as
    the driver decoded them), and a 200-node neighbourhood holds about 1,000 containers,
    nearly all without a temporal value, which copying would allocate again.
    """
    kind = type(value)
    if kind in _AS_IS:  # most values: checked first, by exact type, because it is cheapest
        return value
    if kind is dict:
        for key, item in value.items():
            if type(item) not in _AS_IS:
                value[key] = to_python(item)  # an existing key: the dict does not change size
        return value
    if kind is list:
        for index, item in enumerate(value):
            if type(item) not in _AS_IS:
                value[index] = to_python(item)
        return value
    if hasattr(value, "to_native"):
        return value.to_native()
    if isinstance(value, list):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    return value


def _without_nulls(properties: dict[str, Any]) -> dict[str, Any]:
    """The properties that have a value. The queries project ``text: null`` to leave long
    texts out; Neo4j stores no other null, so the common case is one ``pop``."""
    if properties.get("text", 0) is None:
        del properties["text"]
    if None in properties.values():
        return {k: v for k, v in properties.items() if v is not None}
    return properties


@dataclass
class Subgraph:
    roots: list[str]
    nodes: dict[str, dict[str, Any]]
    relationships: list[dict[str, Any]]
    #: The answer's sources as Neo4j returned them; ``sources`` converts them when first
    #: asked for. Every answer carries the sources of its nodes and relationships, and most
    #: selections ask for none: a list of 9 policies carries 32.
    raw_sources: list[dict[str, Any]]
    extra: dict[str, Any]
    #: The stored properties its nodes carry besides id and labels (None: every one).
    properties: frozenset[str] | None = None
    by_node: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: GraphQL objects already built from this answer: nodes by id (``build_node``), and
    #: sources and chain steps by a key of their own. An object named in many places
    #: (every step of a chain names its start) is built once, and completed once.
    built: dict[Any, Any] = field(default_factory=dict)

    @cached_property
    def sources(self) -> dict[str, dict[str, Any]]:
        return {s["id"]: _without_nulls(to_python(s)) for s in self.raw_sources}

    @classmethod
    def from_row(cls, row: dict[str, Any], properties: list[str] | None = None) -> Subgraph:
        """The answer of the read tail (``queries/api/_expand.cypher``), whose nodes carry
        the values of ``properties`` (its ``$nodeProps``) in that order, or, when None,
        every property."""
        nodes = {}
        for node in to_python(row["nodes"]):
            if properties is not None:
                node.update(zip(properties, node.pop("values"), strict=True))
            nodes[node["id"]] = _without_nulls(node)
        seen: set[tuple[str, str, str, str]] = set()
        relationships = []
        for rel in to_python(row["rels"]):
            identity = (rel["start"], rel["type"], rel["end"], rel["properties"].get("key", ""))
            if identity not in seen:
                seen.add(identity)
                relationships.append(rel)
        graph = cls(
            roots=list(dict.fromkeys(row["roots"])),
            nodes=nodes,
            relationships=relationships,
            raw_sources=row["sources"],
            extra=to_python(row["extra"]) or {},
            properties=None if properties is None else frozenset(properties),
        )
        for index, rel in enumerate(relationships):
            graph.by_node[rel["start"]].append(index)
            if rel["end"] != rel["start"]:
                graph.by_node[rel["end"]].append(index)
        return graph

    def relationship(self, start: str, rel_type: str, end: str, key: str) -> dict[str, Any] | None:
        for index in self.by_node.get(start, []):
            rel = self.relationships[index]
            if (
                rel["end"] == end
                and rel["type"] == rel_type
                and rel["properties"].get("key", "") == key
            ):
                return rel
        return None
