"""neighbourhood(): nodes and edges shaped as Cytoscape.js elements."""

from __future__ import annotations

from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from api.graphql.subgraph import Subgraph

__all__ = ["Elements", "build_elements"]


@strawberry.type
class ElementNodeData:
    id: strawberry.ID
    label: str
    kind: str
    status: str | None
    date: str | None


@strawberry.type(description="A Cytoscape.js node element: `{data: {...}}`.")
class ElementNode:
    data: ElementNodeData


@strawberry.type
class ElementEdgeData:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    type: str
    label: str
    status: str
    confidence: float
    sources: list[strawberry.ID]


@strawberry.type(description="A Cytoscape.js edge element: `{data: {...}}`.")
class ElementEdge:
    data: ElementEdgeData


@strawberry.type(
    description="A graph ready to draw: `nodes` and `edges` are Cytoscape.js elements; "
    "`elements` is the same as one JSON value for `cy.add()`."
)
class Elements:
    nodes: list[ElementNode]
    edges: list[ElementEdge]
    elements: JSON
    hubs: int = strawberry.field(
        default=0,
        description="How many members are hubs (more than 1,000 relationships): a hub lends "
        "only a sample of its neighbours, and a relationship between two hubs appears only "
        "when the expansion crossed it.",
    )


def _kind(props: dict[str, Any]) -> str:
    return next((label for label in props.get("labels", []) if label != "Entity"), "Entity")


def build_elements(graph: Subgraph) -> Elements:
    nodes = []
    for node_id in graph.roots:
        props = graph.nodes[node_id]
        day = props.get("date") or props.get("announced")
        nodes.append(
            ElementNode(
                data=ElementNodeData(
                    id=strawberry.ID(node_id),
                    label=props.get("name", node_id),
                    kind=_kind(props),
                    status=props.get("status"),
                    date=day.isoformat() if day is not None else None,
                )
            )
        )
    members = set(graph.roots)
    edges = []
    for rel in graph.relationships:
        if rel["start"] not in members or rel["end"] not in members:
            continue
        props = rel["properties"]
        key = props.get("key", "")
        edge_id = f"{rel['start']}|{rel['type']}|{rel['end']}" + (f"|{key}" if key else "")
        edges.append(
            ElementEdge(
                data=ElementEdgeData(
                    id=strawberry.ID(edge_id),
                    source=strawberry.ID(rel["start"]),
                    target=strawberry.ID(rel["end"]),
                    type=rel["type"],
                    label=rel["type"].replace("_", " ").lower(),
                    status=props.get("status", "unverified"),
                    confidence=props.get("confidence", 0.0),
                    sources=[strawberry.ID(s) for s in props.get("sources", [])],
                )
            )
        )
    as_json = {
        "nodes": [{"data": vars(n.data)} for n in nodes],
        "edges": [{"data": vars(e.data)} for e in edges],
    }
    hubs = int(graph.extra.get("hubs", 0))
    return Elements(nodes=nodes, edges=edges, elements=cast(JSON, as_json), hubs=hubs)
