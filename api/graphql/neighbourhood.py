"""neighbourhood(): nodes and edges shaped as Cytoscape.js elements.

The JSON form (`elements`) says closed sets as the GraphQL enums do (`POLICY`, `CONFIRMED`,
`TARGETS`), so the typed and the JSON form of an element agree value for value.
"""

from __future__ import annotations

from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from api.graphql.enums import STATUSES, NodeKind, RelationType, Status
from api.graphql.subgraph import Subgraph
from schema import BASE_LABEL, Label, RelType

__all__ = ["Elements", "build_elements"]


@strawberry.type
class ElementNodeData:
    id: strawberry.ID
    label: str
    kind: NodeKind
    status: Status | None
    date: str | None


@strawberry.type(description="A Cytoscape.js node element: `{data: {...}}`.")
class ElementNode:
    data: ElementNodeData


@strawberry.type
class ElementEdgeData:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    type: RelationType
    label: str
    status: Status
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
    elements: JSON
    hubs: int = strawberry.field(
        default=0,
        description="How many members are hubs (more than 1,000 relationships): a hub lends "
        "only a sample of its neighbours, and a relationship between two hubs appears only "
        "when the expansion crossed it.",
    )
    coded_events: int = strawberry.field(
        default=0,
        description="Coded events (GDELT, POLECAT) linked to the centre and left out because "
        "their dataset was not asked for in `datasets`.",
    )

    # The typed elements are built from the JSON form only when they are asked for.
    @strawberry.field
    def nodes(self) -> list[ElementNode]:
        found = cast(dict[str, Any], self.elements)["nodes"]
        return [
            ElementNode(
                data=ElementNodeData(
                    **{
                        **element["data"],
                        "kind": Label[element["data"]["kind"]],
                        "status": Status[element["data"]["status"]]
                        if element["data"]["status"]
                        else None,
                    }
                )
            )
            for element in found
        ]

    @strawberry.field
    def edges(self) -> list[ElementEdge]:
        found = cast(dict[str, Any], self.elements)["edges"]
        return [
            ElementEdge(
                data=ElementEdgeData(
                    **{
                        **element["data"],
                        "type": RelType[element["data"]["type"]],
                        "status": Status[element["data"]["status"]],
                    }
                )
            )
            for element in found
        ]


def _kind(props: dict[str, Any]) -> str:
    """The node's kind as its GraphQL enum name (`TRADE_FLOW` for the label `TradeFlow`)."""
    label = next(label for label in props.get("labels", []) if label != BASE_LABEL)
    return NodeKind(label).name


def _status(value: str | None) -> str | None:
    return STATUSES[value].name if value else None


def build_elements(graph: Subgraph) -> Elements:
    nodes = []
    for node_id in graph.roots:
        props = graph.nodes[node_id]
        day = props.get("date") or props.get("announced")
        data = {
            "id": node_id,
            "label": props.get("name", node_id),
            "kind": _kind(props),
            "status": _status(props.get("status")),
            "date": day.isoformat() if day is not None else None,
        }
        nodes.append({"data": data})
    members = set(graph.roots)
    edges = []
    for rel in graph.relationships:
        if rel["start"] not in members or rel["end"] not in members:
            continue
        props = rel["properties"]
        key = props.get("key", "")
        data = {
            "id": f"{rel['start']}|{rel['type']}|{rel['end']}" + (f"|{key}" if key else ""),
            "source": rel["start"],
            "target": rel["end"],
            "type": rel["type"],
            "label": rel["type"].replace("_", " ").lower(),
            "status": _status(props.get("status", "unverified")),
            "confidence": props.get("confidence", 0.0),
            "sources": list(props.get("sources", [])),
        }
        edges.append({"data": data})
    return Elements(
        elements=cast(JSON, {"nodes": nodes, "edges": edges}),
        hubs=int(graph.extra.get("hubs", 0)),
        coded_events=int(graph.extra.get("coded", 0)),
    )
