"""Research answers as GraphQL fields: dyadSeries, importDependence, exposure, whatIf.

``AnalyticsFields`` is a plain class of strawberry fields that ``Query`` inherits. Each field
runs one named query from ``queries/analytics/`` through ``graph.analytics``, which does the
arithmetic; nothing is computed here. The types are made from the answers' dataclasses
(``api/graphql/answer_types.py``), and the answers are returned as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from api.graphql.answer_types import answer_type, shaped
from api.graphql.context import RequestContext
from api.graphql.errors import user_facing
from graph.analytics import (
    Dependence,
    ExposureAnswer,
    IndustryExposure,
    Link,
    SeriesPoint,
    Supplier,
    Term,
    dyad_series,
    exposure,
    import_dependence,
)
from graph.analytics import DependenceYear as DependenceYearData

__all__ = [
    "AnalyticsFields",
    "DependenceYear",
    "ExposureLink",
    "ExposureResult",
    "ExposureTermResult",
    "ImportDependence",
    "IndustryExposureResult",
    "SeriesMonth",
    "SupplierShare",
    "run_analysis",
]

T = TypeVar("T")


async def run_analysis(call: Callable[[], T]) -> T:
    """Run an analysis (synchronous reads) in a worker thread, off the event loop."""
    with user_facing():
        return await run_in_threadpool(call)


@answer_type(SeriesPoint)
class SeriesMonth: ...


@answer_type(Supplier)
class SupplierShare: ...


@answer_type(DependenceYearData)
class DependenceYear: ...


@answer_type(Dependence)
class ImportDependence: ...


@answer_type(Link)
class ExposureLink: ...


@answer_type(Term)
class ExposureTermResult: ...


@answer_type(IndustryExposure)
class IndustryExposureResult: ...


@answer_type(ExposureAnswer)
class ExposureResult: ...


async def _exposure(info: Info[RequestContext, None], **arguments: Any) -> ExposureResult:
    answer = await run_analysis(lambda: exposure(info.context.client, **arguments))
    return shaped(ExposureResult, answer)


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
        return [shaped(SeriesMonth, p) for p in points]

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
        return shaped(
            ImportDependence,
            await run_analysis(
                lambda: import_dependence(
                    info.context.client,
                    str(importer),
                    str(exporter),
                    str(mineral),
                    year_from=from_year,
                    year_to=to_year,
                )
            ),
        )

    @strawberry.field(
        description="An industry's exposure to a policy (or to `restricter` restricting "
        "`minerals`): 0..1, its terms (intensity × import share) combined by the formula, "
        "every term with its chain."
    )
    async def exposure(
        self,
        info: Info[RequestContext, None],
        industry: strawberry.ID,
        policy: strawberry.ID | None = None,
        restricter: strawberry.ID | None = None,
        minerals: list[strawberry.ID] | None = None,
    ) -> ExposureResult:
        return await _exposure(
            info,
            industry=str(industry),
            policy=str(policy) if policy else None,
            restricter=str(restricter) if restricter else None,
            minerals=[str(m) for m in minerals] if minerals else None,
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
        return await _exposure(
            info,
            target=str(target),
            restricter=str(restricter),
            minerals=[str(m) for m in minerals],
        )
