"""neighbourhood(): nodes and edges shaped as Cytoscape.js elements.

The elements are drawn by ``graph.graph_form.elements``, the builder every graph answer uses
(edge ids ``start|TYPE|end|key``). The JSON form (`elements`) says closed sets as the GraphQL
enums do (`POLICY`, `CONFIRMED`, `TARGETS`), so the typed and the JSON form of an element agree
value for value.
"""

from __future__ import annotations

from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from api.graphql.enums import NodeKind, RelationType, Status
from api.graphql.subgraph import Subgraph
from api.graphql.timeline import CODED_EVENTS_CAP
from graph.graph_form import GraphData, GraphEdge, GraphNode, elements
from schema import Label, RelType

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
        f"their dataset was not asked for in `datasets`: at most {CODED_EVENTS_CAP:,} (see "
        "`codedEventsIsExact`).",
    )
    coded_events_is_exact: bool = strawberry.field(
        default=True,
        description=f"False when more than {CODED_EVENTS_CAP:,} coded events were left out: "
        "`codedEvents` then gives that cap.",
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


def build_elements(graph: Subgraph) -> Elements:
    """The answer's members and the relationships among them, drawn by the one builder."""
    members = set(graph.roots)
    coded = int(graph.extra.get("coded", 0))
    drawn = GraphData(
        nodes=[GraphNode(i, tuple(graph.nodes[i]["labels"]), graph.nodes[i]) for i in graph.roots],
        edges=[
            GraphEdge(rel["start"], rel["end"], rel["type"], rel["properties"])
            for rel in graph.relationships
            if rel["start"] in members and rel["end"] in members
        ],
    )
    return Elements(
        elements=cast(JSON, elements(drawn, enum_names=True)),
        hubs=int(graph.extra.get("hubs", 0)),
        coded_events=min(coded, CODED_EVENTS_CAP),
        coded_events_is_exact=coded <= CODED_EVENTS_CAP,
    )
