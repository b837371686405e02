"""impact(policy, country): which industries a policy reaches, how much, and why."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import strawberry

from api.graphql.chains import ChainStep, build_step
from api.graphql.nodes import Node, build_node
from api.graphql.subgraph import Subgraph

__all__ = ["FORMULA", "ExposureTerm", "Impact", "IndustryImpact", "build_impact"]

FORMULA = (
    "exposure(industry) = Σ over restricted minerals M of the best chain's "
    "intensity(DEPENDS_ON M) × share(industry's country ← issuer, M) × Π confidence(SUPPLIES); "
    "a missing intensity or share counts as 1 and is flagged as assumed"
)


@strawberry.type(description="One mineral's contribution to an industry's exposure.")
class ExposureTerm:
    mineral: Node
    restricted: Node = strawberry.field(
        description="What the policy restricts: the mineral itself or its group."
    )
    intensity: float | None
    intensity_assumed: bool
    share: float | None = strawberry.field(
        description="The industry's country's import share of this mineral from the issuer."
    )
    share_year: int | None
    share_assumed: bool
    supply_factor: float = strawberry.field(
        description="The product of the SUPPLIES confidences from the first industry on."
    )
    value: float
    chain: list[ChainStep]
    share_evidence: ChainStep | None


@strawberry.type(description="An industry a policy reaches, with its exposure score.")
class IndustryImpact:
    industry: Node
    exposure: float
    terms: list[ExposureTerm]


@strawberry.type(description="What a policy reaches. See `formula`.")
class Impact:
    policy: Node
    issuers: list[strawberry.ID]
    formula: str
    industries: list[IndustryImpact]


def _term(graph: Subgraph, raw: dict[str, Any]) -> ExposureTerm:
    steps = raw["steps"]
    has_share = raw.get("share") is not None
    chain_steps = steps[:-1] if has_share else steps
    intensity: float | None = raw.get("intensity")
    share: float | None = raw.get("share")
    supply = math.prod(raw.get("supplyConfidences") or [])
    value = (1.0 if intensity is None else intensity) * (1.0 if share is None else share) * supply
    return ExposureTerm(
        mineral=build_node(graph, raw["mineral"]),
        restricted=build_node(graph, raw["restricted"]),
        intensity=intensity,
        intensity_assumed=intensity is None,
        share=share,
        share_year=raw.get("shareYear"),
        share_assumed=not has_share,
        supply_factor=supply,
        value=value,
        chain=[build_step(graph, s) for s in chain_steps],
        share_evidence=build_step(graph, steps[-1]) if has_share else None,
    )


def build_impact(graph: Subgraph) -> Impact:
    best: dict[tuple[str, str], ExposureTerm] = {}
    for raw in graph.extra.get("terms", []):
        term = _term(graph, raw)
        key = (raw["industry"], raw["mineral"])
        if key not in best or term.value > best[key].value:
            best[key] = term
    per_industry: dict[str, list[ExposureTerm]] = defaultdict(list)
    for (industry, _), term in best.items():
        per_industry[industry].append(term)
    industries = [
        IndustryImpact(
            industry=build_node(graph, industry),
            exposure=round(sum(t.value for t in terms), 6),
            terms=sorted(terms, key=lambda t: -t.value),
        )
        for industry, terms in per_industry.items()
    ]
    industries.sort(key=lambda i: (-i.exposure, str(i.industry.id)))
    return Impact(
        policy=build_node(graph, graph.roots[0]),
        issuers=[strawberry.ID(i) for i in graph.extra.get("issuers", [])],
        formula=FORMULA,
        industries=industries,
    )
