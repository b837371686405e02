"""Research answers as GraphQL fields: dyadSeries, importDependence, exposure, whatIf.

``AnalyticsFields`` is a plain class of strawberry fields that ``Query`` inherits. Each field
runs one named query from ``queries/analytics/`` through ``graph.analytics``, which does the
arithmetic; nothing is computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, TypeVar

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from api.graphql.context import RequestContext
from api.graphql.enums import STATUSES, Status
from api.graphql.errors import user_facing
from graph.analytics import (
    Dependence,
    ExposureAnswer,
    dyad_series,
    exposure,
    import_dependence,
)
from graph.analytics import Link as LinkData
from graph.analytics import Term as TermData

__all__ = ["AnalyticsFields", "run_analysis"]

T = TypeVar("T")


async def run_analysis(call: Callable[[], T]) -> T:
    """Run an analysis (synchronous reads) in a worker thread, off the event loop."""
    with user_facing():
        return await run_in_threadpool(call)


@strawberry.type(description="One month of coded events in one direction (actor → recipient).")
class SeriesMonth:
    month: str
    actor: str
    recipient: str
    events: int
    verbal_cooperation: int = strawberry.field(description="QuadClass 1.")
    material_cooperation: int = strawberry.field(description="QuadClass 2.")
    verbal_conflict: int = strawberry.field(description="QuadClass 3.")
    material_conflict: int = strawberry.field(description="QuadClass 4.")
    goldstein_sum: float
    goldstein_mean: float | None
    conflict_share: float | None = strawberry.field(
        description="(Q3 + Q4) / the events that have a QuadClass."
    )
    weighted_tone: float | None = strawberry.field(
        description="Σ(AvgTone × NumArticles) / Σ NumArticles."
    )
    articles: int


@strawberry.type(description="One supplier of the importer, with its share of the total.")
class SupplierShare:
    partner: str
    value_usd: float
    share: float


@strawberry.type(description="One year of import dependence.")
class DependenceYear:
    year: int
    denominator: str = strawberry.field(description="`world` or `sum of partners`.")
    total_usd: float
    from_exporter_usd: float
    share: float | None
    hhi: float = strawberry.field(description="Σ (100 · share)² over the partners, 0..10,000.")
    band: str
    partner_coverage: float | None
    suppliers: list[SupplierShare]
    sources: list[strawberry.ID]


@strawberry.type(
    description="Importer's dependence on the exporter for a mineral, from trade flows."
)
class ImportDependence:
    importer: str
    exporter: str
    mineral: strawberry.ID
    minerals_counted: list[strawberry.ID]
    years: list[DependenceYear]


@strawberry.type(description="One link of an exposure chain, with its evidence.")
class ExposureLink:
    start: strawberry.ID
    start_name: str | None
    relation: str = strawberry.field(
        description="The relationship type, or TRADE_FLOWS for a share read from trade flows."
    )
    end: strawberry.ID
    end_name: str | None
    intensity: float | None
    share: float | None
    year: int | None
    confidence: float | None
    status: Status | None
    sources: list[strawberry.ID]
    note: str | None
    hypothetical: bool = strawberry.field(description="True for a what-if's assumed restriction.")


@strawberry.type(description="intensity × share for one restricted mineral, and why.")
class ExposureTermResult:
    mineral: strawberry.ID
    mineral_name: str | None
    restricted: strawberry.ID
    intensity: float
    intensity_assumed: bool
    share: float
    share_year: int | None
    share_basis: str | None
    share_mineral: strawberry.ID | None
    share_assumed: bool
    value: float
    explanation: str
    chain: list[ExposureLink]


@strawberry.type(description="An industry's exposure: the sum of its terms.")
class IndustryExposureResult:
    industry: strawberry.ID
    name: str | None
    importer: strawberry.ID | None
    exposure: float
    terms: list[ExposureTermResult]


@strawberry.type(description="Exposure to a restriction. See `formula`.")
class ExposureResult:
    policy: strawberry.ID | None
    policy_name: str | None
    exporters: list[strawberry.ID]
    restricted: list[strawberry.ID]
    formula: str
    industries: list[IndustryExposureResult]


def _link(link: LinkData) -> ExposureLink:
    return ExposureLink(
        start=strawberry.ID(link.start),
        start_name=link.start_name,
        relation=link.relation,
        end=strawberry.ID(link.end),
        end_name=link.end_name,
        intensity=link.intensity,
        share=link.share,
        year=link.year,
        confidence=link.confidence,
        status=STATUSES.get(link.status or ""),
        sources=[strawberry.ID(s) for s in link.sources],
        note=link.note,
        hypothetical=link.hypothetical,
    )


def _term(term: TermData) -> ExposureTermResult:
    return ExposureTermResult(
        mineral=strawberry.ID(term.mineral),
        mineral_name=term.mineral_name,
        restricted=strawberry.ID(term.restricted),
        intensity=term.intensity,
        intensity_assumed=term.intensity_assumed,
        share=term.share,
        share_year=term.share_year,
        share_basis=term.share_basis,
        share_mineral=strawberry.ID(term.share_mineral) if term.share_mineral else None,
        share_assumed=term.share_assumed,
        value=term.value,
        explanation=term.explanation,
        chain=[_link(link) for link in term.chain],
    )


def _exposure(answer: ExposureAnswer) -> ExposureResult:
    return ExposureResult(
        policy=strawberry.ID(answer.policy) if answer.policy else None,
        policy_name=answer.policy_name,
        exporters=[strawberry.ID(e) for e in answer.exporters],
        restricted=[strawberry.ID(r) for r in answer.restricted],
        formula=answer.formula,
        industries=[
            IndustryExposureResult(
                industry=strawberry.ID(i.industry),
                name=i.name,
                importer=strawberry.ID(i.importer) if i.importer else None,
                exposure=i.exposure,
                terms=[_term(t) for t in i.terms],
            )
            for i in answer.industries
        ],
    )


def _dependence(answer: Dependence) -> ImportDependence:
    return ImportDependence(
        importer=answer.importer,
        exporter=answer.exporter,
        mineral=strawberry.ID(answer.mineral),
        minerals_counted=[strawberry.ID(m) for m in answer.minerals_counted],
        years=[
            DependenceYear(
                year=y.year,
                denominator=y.denominator,
                total_usd=y.total_usd,
                from_exporter_usd=y.from_exporter_usd,
                share=y.share,
                hhi=y.hhi,
                band=y.band,
                partner_coverage=y.partner_coverage,
                suppliers=[SupplierShare(partner=s.partner, value_usd=s.value_usd, share=s.share)
                           for s in y.suppliers],
                sources=[strawberry.ID(s) for s in y.sources],
            )
            for y in answer.years
        ],
    )  # fmt: skip


@strawberry.type(description="Research analytics fields; the root `Query` inherits them.")
class AnalyticsFields:
    @strawberry.field(
        description="Coded events between the actors (country ids; China and Japan when "
        "null), per month and direction: counts "
        "by QuadClass, Goldstein sum and mean, conflict share, article-weighted tone."
    )
    async def dyad_series(
        self,
        info: Info[RequestContext, None],
        actors: list[strawberry.ID] | None = None,
        from_: Annotated[dt.date | None, strawberry.argument(name="from")] = None,
        to: dt.date | None = None,
        dataset: str | None = None,
    ) -> list[SeriesMonth]:
        points = await run_analysis(
            lambda: dyad_series(
                info.context.client,
                [str(a) for a in actors] if actors else ["country:CHN", "country:JPN"],
                date_from=from_,
                date_to=to,
                dataset=dataset,
            )
        )
        return [
            SeriesMonth(
                month=p.month,
                actor=p.actor,
                recipient=p.recipient,
                events=p.events,
                verbal_cooperation=p.quad_counts[0],
                material_cooperation=p.quad_counts[1],
                verbal_conflict=p.quad_counts[2],
                material_conflict=p.quad_counts[3],
                goldstein_sum=p.goldstein_sum,
                goldstein_mean=p.goldstein_mean,
                conflict_share=p.conflict_share,
                weighted_tone=p.weighted_tone,
                articles=p.articles,
            )
            for p in points
        ]

    @strawberry.field(
        description="The importer's share of a mineral's imports from the exporter per "
        "year, and the HHI of its suppliers, from trade flows."
    )
    async def import_dependence(
        self,
        info: Info[RequestContext, None],
        importer: strawberry.ID,
        exporter: strawberry.ID,
        mineral: strawberry.ID,
        from_year: int | None = None,
        to_year: int | None = None,
    ) -> ImportDependence:
        return _dependence(
            await run_analysis(
                lambda: import_dependence(
                    info.context.client,
                    str(importer),
                    str(exporter),
                    str(mineral),
                    year_from=from_year,
                    year_to=to_year,
                )
            )
        )

    @strawberry.field(
        description="An industry's exposure to a policy (or to `restricter` restricting "
        "`minerals`): Σ intensity × import share, every term with its chain."
    )
    async def exposure(
        self,
        info: Info[RequestContext, None],
        industry: strawberry.ID,
        policy: strawberry.ID | None = None,
        restricter: strawberry.ID | None = None,
        minerals: list[strawberry.ID] | None = None,
    ) -> ExposureResult:
        return _exposure(
            await run_analysis(
                lambda: exposure(
                    info.context.client,
                    industry=str(industry),
                    policy=str(policy) if policy else None,
                    restricter=str(restricter) if restricter else None,
                    minerals=[str(m) for m in minerals] if minerals else None,
                )
            )
        )

    @strawberry.field(
        description="What if `restricter` restricts `minerals` to `target`: the target's "
        "industries ranked by exposure, each with the chains that explain it."
    )
    async def what_if(
        self,
        info: Info[RequestContext, None],
        restricter: strawberry.ID,
        target: strawberry.ID,
        minerals: list[strawberry.ID],
    ) -> ExposureResult:
        return _exposure(
            await run_analysis(
                lambda: exposure(
                    info.context.client,
                    target=str(target),
                    restricter=str(restricter),
                    minerals=[str(m) for m in minerals],
                )
            )
        )
