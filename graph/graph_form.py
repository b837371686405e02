"""Rows as a graph: the nodes, relationships and paths in query results as nodes and edges.

``GraphData`` is the shape every export and every graph answer starts from: nodes with their
``id``, labels and properties, and edges between node ids with a type and properties.
``RowGraph`` walks result values (Neo4j nodes, relationships and paths, in lists and maps
too), collects them as ``GraphData``, and renders the values themselves as JSON.
``elements`` draws any ``GraphData`` as Cytoscape.js elements: the one builder behind the
neighbourhood answer, the canned queries' graphs and ``dyad export --format cytoscape``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from schema import BASE_LABEL, Label, Status, edge_id

__all__ = ["GraphData", "GraphEdge", "GraphNode", "RowGraph", "elements", "json_safe"]


# Slots, not frozen: a neighbourhood builds hundreds per answer, and a frozen dataclass
# is three times slower to build.
@dataclass(slots=True)
class GraphNode:
    id: str
    labels: tuple[str, ...]
    properties: dict[str, Any]

    @property
    def kind(self) -> str:
        """The node's own label (``Policy``), not the shared ``Entity``."""
        own = sorted(label for label in self.labels if label != BASE_LABEL)
        return own[0] if own else (self.labels[0] if self.labels else "")

    @property
    def name(self) -> str:
        return str(self.properties.get("name") or self.id)


@dataclass(slots=True)
class GraphEdge:
    start: str
    end: str
    type: str
    properties: dict[str, Any]

    @property
    def id(self) -> str:
        """Stable across dumps and restores: ends, type and ``key``."""
        return edge_id(self.start, self.type, self.end, str(self.properties.get("key", "")))


@dataclass
class GraphData:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)


_JSON_AS_IS = frozenset({str, bool, int, float, type(None)})


def json_safe(value: Any) -> Any:
    """A JSON-safe copy: temporal values as ISO strings, points as maps, tuples as lists."""
    kind = type(value)
    if kind in _JSON_AS_IS:  # most values: checked first, by exact type, because it is cheapest
        return value
    if kind is list:
        return [json_safe(v) for v in value]
    if isinstance(value, str | bool | int | float):  # subclasses too (a StrEnum member)
        return value
    if isinstance(value, Date | DateTime | Time | Duration):
        return value.iso_format()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, Iterable):
        return [json_safe(v) for v in value]
    return str(value)


#: Closed-set values as GraphQL names them (``TradeFlow`` → ``TRADE_FLOW``).
_KIND_NAMES = {kind.value: kind.name for kind in Label}
_STATUS_NAMES = {status.value: status.name for status in Status}


def _said(names: dict[str, str], value: Any, as_name: bool) -> Any:
    """A closed-set value as Neo4j stores it (``confirmed``), or as its enum's member name
    (``CONFIRMED``), the way GraphQL says it; a value outside the enum is left as it is."""
    return names.get(value, value) if as_name and value is not None else value


def elements(
    graph: GraphData, *, every_property: bool = False, enum_names: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """The graph as Cytoscape.js elements (``{"nodes": [{"data": …}], "edges": [...]}``).

    A node's data: ``id``, ``label`` (its name), ``kind``, ``status`` and ``date`` (its date,
    or the day a policy was announced, as ISO text). An edge's: ``id`` (``GraphEdge.id``),
    ``source``, ``target``, ``type``, ``label`` (the type in words), ``status``,
    ``confidence`` and ``sources`` (ids). ``every_property`` adds every stored property (the
    export); ``enum_names`` says kind and status as GraphQL's enums do (``TRADE_FLOW``,
    ``CONFIRMED``) rather than as Neo4j stores them (``TradeFlow``, ``confirmed``).
    """
    nodes = []
    for node in graph.nodes:
        props = node.properties
        data = {
            "id": node.id,
            "label": node.name,
            "kind": _said(_KIND_NAMES, node.kind, enum_names),
            "status": _said(_STATUS_NAMES, props.get("status"), enum_names),
            "date": json_safe(props.get("date") or props.get("announced")),
        }
        nodes.append({"data": {**json_safe(props), **data} if every_property else data})
    edges = []
    for edge in graph.edges:
        props = edge.properties
        data = {
            "id": edge.id,
            "source": edge.start,
            "target": edge.end,
            "type": edge.type,
            "label": edge.type.replace("_", " ").lower(),
            "status": _said(_STATUS_NAMES, props.get("status"), enum_names),
            "confidence": props.get("confidence"),
            "sources": list(props.get("sources") or []),
        }
        edges.append({"data": {**json_safe(props), **data} if every_property else data})
    return {"nodes": nodes, "edges": edges}


class RowGraph:
    """Collects the graph objects in result rows, keyed by Neo4j element id."""

    def __init__(self) -> None:
        self._nodes: dict[str, Node] = {}
        self._rels: dict[str, Relationship] = {}

    def add(self, value: Any) -> None:
        if isinstance(value, Node):
            self._nodes.setdefault(value.element_id, value)
        elif isinstance(value, Relationship):
            self._rels.setdefault(value.element_id, value)
        elif isinstance(value, Path):
            for node in value.nodes:
                self.add(node)
            for rel in value.relationships:
                self.add(rel)
        elif isinstance(value, Mapping):
            for item in value.values():
                self.add(item)
        elif isinstance(value, list | tuple):
            for item in value:
                self.add(item)

    def missing_ends(self) -> list[str]:
        """Element ids of relationship ends that no row carried as a node."""
        ends = {
            node.element_id
            for rel in self._rels.values()
            for node in (rel.start_node, rel.end_node)
            if node is not None
        }
        return sorted(ends - set(self._nodes))

    def _id(self, element_id: str) -> str:
        node = self._nodes.get(element_id)
        found = node.get("id") if node is not None else None
        return str(found) if found is not None else element_id

    def graph(self) -> GraphData:
        return GraphData(
            nodes=[self._node(n) for n in self._nodes.values()],
            edges=[self._edge(r) for r in self._rels.values()],
        )

    def _node(self, node: Node) -> GraphNode:
        return GraphNode(
            id=self._id(node.element_id),
            labels=tuple(sorted(node.labels)),
            properties=dict(node.items()),
        )

    def _edge(self, rel: Relationship) -> GraphEdge:
        start = rel.start_node.element_id if rel.start_node is not None else ""
        end = rel.end_node.element_id if rel.end_node is not None else ""
        return GraphEdge(self._id(start), self._id(end), rel.type, dict(rel.items()))

    def jsonable(self, value: Any) -> Any:
        """A result value as JSON: nodes, relationships and paths as small maps."""
        if isinstance(value, Node):
            node = self._node(value)
            return {
                "id": node.id,
                "labels": list(node.labels),
                "properties": json_safe(node.properties),
            }
        if isinstance(value, Relationship):
            edge = self._edge(value)
            return {
                "type": edge.type,
                "start": edge.start,
                "end": edge.end,
                "properties": json_safe(edge.properties),
            }
        if isinstance(value, Path):
            return {
                "nodes": [self._id(n.element_id) for n in value.nodes],
                "relationships": [self.jsonable(r) for r in value.relationships],
            }
        if isinstance(value, Mapping):
            return {str(k): self.jsonable(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.jsonable(v) for v in value]
        return json_safe(value)

    def text(self, value: Any) -> str:
        """A result value as one cell of a table or CSV: nodes by id, paths as arrows."""
        if value is None:
            return ""
        if isinstance(value, Node):
            return self._id(value.element_id)
        if isinstance(value, Relationship):
            edge = self._edge(value)
            return f"({edge.start})-[:{edge.type}]->({edge.end})"
        if isinstance(value, Path):
            nodes = value.nodes
            parts = [self._id(nodes[0].element_id)]
            for before, rel, after in zip(nodes, value.relationships, nodes[1:], strict=False):
                forward = (
                    rel.start_node is not None and rel.start_node.element_id == before.element_id
                )
                parts.append(f"-[:{rel.type}]->" if forward else f"<-[:{rel.type}]-")
                parts.append(self._id(after.element_id))
            return "".join(parts)
        if isinstance(value, list | tuple):
            return "; ".join(self.text(v) for v in value)
        if isinstance(value, str):
            return value
        shown = json_safe(value)
        return shown if isinstance(shown, str) else str(shown)
