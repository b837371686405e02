"""Causal chains: ranked paths whose every step carries its evidence."""

from __future__ import annotations

import math
from typing import Any

import strawberry

from api.graphql.enums import RELATION_TYPES, RelationType
from api.graphql.nodes import Evidenced, Node, build_node, evidence
from api.graphql.subgraph import Subgraph
from schema import CAUSAL_TYPES

__all__ = ["Chain", "ChainStep", "build_chain", "build_step", "chains_then"]


@strawberry.type(
    description="One step of a chain: a relationship followed in its causal direction."
)
class ChainStep(Evidenced):
    cause: Node = strawberry.field(description="Where effect comes from in this step.")
    effect: Node = strawberry.field(description="Where it goes.")
    relation: RelationType
    forward: bool = strawberry.field(
        description="True when the relationship points from cause to effect (PROVOKED); "
        "false when it points back (an industry DEPENDS_ON a mineral)."
    )


@strawberry.type(
    description="A causal chain. score = the product of its steps' confidences (0..1)."
)
class Chain:
    score: float
    hops: int
    nodes: list[Node]
    steps: list[ChainStep]


#: Whether effect flows along a causal type's direction, by type name (others: forward).
_FORWARD = {rel.value: flow.value == "forward" for rel, flow in CAUSAL_TYPES.items()}


def build_step(graph: Subgraph, step: dict[str, Any], cause: str | None = None) -> ChainStep:
    """The step's GraphQL object, built once per answer: chains of one answer share their
    first steps, and each shared step is one object."""
    key = step.get("key") or ""
    if cause is None:
        forward = _FORWARD.get(step["type"], True)
        cause = step["start"] if forward else step["end"]
    memo = ("step", step["start"], step["type"], step["end"], key, cause)
    built: ChainStep | None = graph.built.get(memo)
    if built is None:
        built = graph.built[memo] = _step(graph, step, key, cause)
    return built


def _step(graph: Subgraph, step: dict[str, Any], key: str, cause: str) -> ChainStep:
    rel = graph.relationship(step["start"], step["type"], step["end"], key)
    if rel is None:
        raise RuntimeError(f"chain step not in the answer: {step}")
    effect = step["end"] if cause == step["start"] else step["start"]
    return ChainStep(
        **evidence(graph, rel["properties"]),
        cause=build_node(graph, cause),
        effect=build_node(graph, effect),
        relation=RELATION_TYPES[step["type"]],
        forward=cause == step["start"],
    )


def build_chain(graph: Subgraph, chain: dict[str, Any]) -> Chain:
    node_ids: list[str] = chain["nodes"]
    steps = [build_step(graph, step, cause=node_ids[i]) for i, step in enumerate(chain["steps"])]
    return Chain(
        score=chain["score"],
        hops=len(steps),
        nodes=[build_node(graph, n) for n in node_ids],
        steps=steps,
    )


def chains_then(
    graph: Subgraph, chains: list[dict[str, Any]], min_confidence: float
) -> list[dict[str, Any]]:
    """The ``chains`` of an answer already read as the record stood then
    (``api.graphql.history.known_at``): those whose every node and step it held then,
    scored with the confidences then, at least ``min_confidence`` at each step, best first
    (the order of ``queries/api/causal_chains.cypher``)."""
    kept = []
    for chain in chains:
        if any(node_id not in graph.nodes for node_id in chain["nodes"]):
            continue
        rels = [
            graph.relationship(s["start"], s["type"], s["end"], s.get("key") or "")
            for s in chain["steps"]
        ]
        confidences = [float(r["properties"]["confidence"]) for r in rels if r is not None]
        if len(confidences) == len(rels) and min(confidences) >= min_confidence:
            kept.append(chain | {"score": math.prod(confidences)})
    kept.sort(key=lambda c: (-c["score"], len(c["steps"]), c["nodes"]))
    return kept
