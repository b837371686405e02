"""impact(policy, country): which industries a policy reaches, how much, and why.

The answer is the exposure answer of ``graph.analytics`` (the one formula, the same terms
as ``exposure``), shown with nodes and chain steps where that answer holds ids and links.
"""

from __future__ import annotations

import strawberry

from api.graphql.answer_types import answer_type, fields_of
from api.graphql.chains import ChainStep, build_step
from api.graphql.nodes import Node, build_node
from api.graphql.subgraph import Subgraph
from graph.analytics import ExposureAnswer, IndustryExposure, Link, Term, exposure_answer

__all__ = ["ExposureTerm", "Impact", "IndustryImpact", "build_impact"]


@answer_type(Term, description="One mineral's term in an industry's exposure, and why.")
class ExposureTerm:
    mineral: Node
    restricted: Node = strawberry.field(
        description="What the policy restricts: the mineral itself or its group."
    )
    chain: list[ChainStep] = strawberry.field(
        description="From the policy to the industry: the restriction, the group's member "
        "(PART_OF) where the policy names a group, then the dependence links."
    )
    share_evidence: ChainStep | None = strawberry.field(
        description="The curated import-share claim the share comes from; null when the share "
        "comes from trade flows (see `shareBasis`) or is assumed."
    )


@answer_type(IndustryExposure, description="An industry a policy reaches, with its exposure.")
class IndustryImpact:
    industry: Node
    terms: list[ExposureTerm]


@answer_type(ExposureAnswer, description="What a policy reaches. See `formula`.")
class Impact:
    policy: Node
    industries: list[IndustryImpact]
    issuers: list[strawberry.ID] = strawberry.field(
        description="The countries that issued the policy (its `exporters`)."
    )


def _step(graph: Subgraph, link: Link, cause: str | None = None) -> ChainStep:
    step = {"start": link.start, "type": link.relation, "end": link.end, "key": link.key or ""}
    return build_step(graph, step, cause)


def _chain(graph: Subgraph, policy: str, term: Term) -> list[ChainStep]:
    """The term's links as steps, each read from where the chain has got to."""
    steps, at = [], policy
    for link in term.chain:
        cause = at if at in (link.start, link.end) else link.start
        steps.append(_step(graph, link, cause))
        at = link.end if cause == link.start else link.start
    return steps


def _term(graph: Subgraph, policy: str, term: Term) -> ExposureTerm:
    evidence = term.share_evidence
    return ExposureTerm(
        **fields_of(term, ExposureTerm),
        mineral=build_node(graph, term.mineral),
        restricted=build_node(graph, term.restricted),
        chain=_chain(graph, policy, term),
        share_evidence=(
            _step(graph, evidence) if evidence and evidence.relation == "IMPORTS_FROM" else None
        ),
    )


def build_impact(graph: Subgraph) -> Impact:
    policy = graph.roots[0]
    answer = exposure_answer(graph.extra, policy=policy)
    return Impact(
        **fields_of(answer, Impact),
        policy=build_node(graph, policy),
        issuers=[strawberry.ID(i) for i in answer.exporters],
        industries=[
            IndustryImpact(
                **fields_of(industry, IndustryImpact),
                industry=build_node(graph, industry.industry),
                terms=[_term(graph, policy, t) for t in industry.terms],
            )
            for industry in answer.industries
        ],
    )
