"""Exports of the whole graph or of a neighbourhood, for the tools researchers use.

* ``cytoscape``: Cytoscape.js JSON (``{"elements": {"nodes", "edges"}}``; Cytoscape desktop
  imports it as ``.cyjs``): the elements every graph answer draws (``graph_form.elements``),
  with every property in ``data`` too.
* ``graphml``: GraphML for Gephi, yEd and Cytoscape desktop. Lists are joined with ``;``,
  dates written as ISO strings; each attribute is declared with its type.
* ``nodelink``: node-link JSON as D3 and ``networkx.node_link_graph(data, edges="links")``
  read it; a link's ``key`` is its unique edge id (networkx keys parallel edges by it), the
  relationship's own ``key`` property is ``relationship_key``.
* ``csv``: ``nodes.csv`` and ``edges.csv`` (lists joined with ``;``), in a folder or a zip.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from graph.client import GraphClient
from graph.errors import NodeNotFoundError
from graph.graph_form import GraphData, GraphEdge, GraphNode, elements, json_safe
from schema import without_list_keys

__all__ = ["EXPORT_FORMATS", "MAX_DEPTH", "export_text", "read_graph", "write_csv"]

MAX_DEPTH = 6
EXPORT_FORMATS = ("cytoscape", "graphml", "nodelink", "csv")
_LIST_SEPARATOR = ";"
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def read_graph(client: GraphClient, from_id: str | None = None, depth: int = 1) -> GraphData:
    """The whole graph, or the nodes within ``depth`` hops of ``from_id`` and edges among them."""
    if from_id is None:
        node_rows = client.read("export/all_nodes")
        rel_rows = client.read("export/all_relationships")
    else:
        if not 0 <= depth <= MAX_DEPTH:
            raise ValueError(f"depth must be between 0 and {MAX_DEPTH}; got {depth}")
        ids = _neighbourhood(client, from_id, depth)
        node_rows = client.read("export/nodes_by_id", ids=ids)
        rel_rows = client.read("export/relationships_among", ids=ids)
    return GraphData(
        nodes=[
            GraphNode(r["id"], tuple(sorted(r["labels"])), without_list_keys(r["properties"]))
            for r in node_rows
        ],
        edges=[GraphEdge(r["start"], r["end"], r["type"], r["properties"]) for r in rel_rows],
    )


def _neighbourhood(client: GraphClient, from_id: str, depth: int) -> list[str]:
    if not client.read("export/nodes_by_id", ids=[from_id]):
        raise NodeNotFoundError(from_id)
    seen = {from_id}
    ring = [from_id]
    for _ in range(depth):
        found = {row["id"] for row in client.read("export/neighbours", ids=ring)} - seen
        if not found:
            break
        seen |= found
        ring = sorted(found)
    return sorted(seen)


def _flat(value: Any) -> Any:
    """A property as one scalar: lists joined with ``;``, temporal values as ISO text."""
    shown = json_safe(value)
    if isinstance(shown, list):
        return _LIST_SEPARATOR.join("" if v is None else str(_flat(v)) for v in shown)
    if isinstance(shown, dict):
        return json.dumps(shown, ensure_ascii=False, sort_keys=True)
    return shown


def cytoscape(graph: GraphData) -> dict[str, Any]:
    return {"elements": elements(graph, every_property=True)}


def nodelink(graph: GraphData) -> dict[str, Any]:
    return {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": [
            {**json_safe(n.properties), "id": n.id, "kind": n.kind, "labels": list(n.labels)}
            for n in graph.nodes
        ],
        "links": [
            {
                **json_safe({k: v for k, v in e.properties.items() if k != "key"}),
                "relationship_key": e.properties.get("key", ""),
                "source": e.start,
                "target": e.end,
                "type": e.type,
                "key": e.id,
            }
            for e in graph.edges
        ],
    }


def _node_attributes(node: GraphNode) -> dict[str, Any]:
    props = {k: _flat(v) for k, v in node.properties.items() if k != "id"}
    return {**props, "label": node.name, "kind": node.kind, "labels": ";".join(node.labels)}


def _edge_attributes(edge: GraphEdge) -> dict[str, Any]:
    return {**{k: _flat(v) for k, v in edge.properties.items()}, "type": edge.type}


def _graphml_type(values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def graphml(graph: GraphData) -> str:
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    nodes = [(n.id, _node_attributes(n)) for n in graph.nodes]
    edges = [(e, _edge_attributes(e)) for e in graph.edges]
    keys: dict[tuple[str, str], str] = {}
    for domain, rows in (("node", [a for _, a in nodes]), ("edge", [a for _, a in edges])):
        names = sorted({name for attrs in rows for name in attrs})
        for name in names:
            key_id = f"{domain[0]}_{name}"
            keys[(domain, name)] = key_id
            kind = _graphml_type(attrs.get(name) for attrs in rows)
            ET.SubElement(
                root, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
            )
    body = ET.SubElement(root, "graph", id="dyad", edgedefault="directed")

    def data(parent: ET.Element, domain: str, attrs: dict[str, Any]) -> None:
        for name, value in sorted(attrs.items()):
            if value is None:
                continue
            cell = ET.SubElement(parent, "data", key=keys[(domain, name)])
            text = str(value).lower() if isinstance(value, bool) else str(value)
            cell.text = _XML_UNSAFE.sub("", text)

    for node_id, attrs in nodes:
        data(ET.SubElement(body, "node", id=node_id), "node", attrs)
    for edge, attrs in edges:
        element = ET.SubElement(body, "edge", id=edge.id, source=edge.start, target=edge.end)
        data(element, "edge", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _csv_tables(graph: GraphData) -> dict[str, str]:
    node_keys = sorted({k for n in graph.nodes for k in n.properties} - {"id"})
    edge_keys = sorted({k for e in graph.edges for k in e.properties})
    tables = {}
    for filename, header, rows in (
        (
            "nodes.csv",
            ["id", "kind", "labels", *node_keys],
            (
                [n.id, n.kind, ";".join(n.labels), *(_flat(n.properties.get(k)) for k in node_keys)]
                for n in graph.nodes
            ),
        ),
        (
            "edges.csv",
            ["id", "source", "target", "type", *edge_keys],
            (
                [e.id, e.start, e.end, e.type, *(_flat(e.properties.get(k)) for k in edge_keys)]
                for e in graph.edges
            ),
        ),
    ):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
        tables[filename] = buffer.getvalue()
    return tables


def write_csv(graph: GraphData, target: Path) -> list[Path]:
    """``nodes.csv`` and ``edges.csv`` into folder ``target``, or into it as a zip (``.zip``)."""
    tables = _csv_tables(graph)
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for filename, text in tables.items():
                archive.writestr(filename, text)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, text in tables.items():
        path = target / filename
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def csv_zip(graph: GraphData) -> bytes:
    """``nodes.csv`` and ``edges.csv`` zipped in memory (the HTTP export)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, text in _csv_tables(graph).items():
            archive.writestr(filename, text)
    return buffer.getvalue()


def _json(build: Callable[[GraphData], dict[str, Any]]) -> Callable[[GraphData], str]:
    return lambda graph: json.dumps(build(graph), ensure_ascii=False, indent=1)


_TEXT_WRITERS: dict[str, Callable[[GraphData], str]] = {
    "cytoscape": _json(cytoscape),
    "nodelink": _json(nodelink),
    "graphml": graphml,
}


def export_text(graph: GraphData, fmt: str) -> str:
    """The graph as one text document (every format but ``csv``)."""
    if fmt not in _TEXT_WRITERS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(_TEXT_WRITERS)}")
    return _TEXT_WRITERS[fmt](graph)
