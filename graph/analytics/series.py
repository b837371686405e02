"""The dyad series: per month and direction, how conflictual coded events were.

Per month and direction (actor → recipient): event counts by QuadClass, Σ Goldstein and its
mean, the conflict share (Q3 + Q4) / N where N counts the events that have a QuadClass,
and the tone weighted by articles, Σ(AvgTone × NumArticles) / Σ NumArticles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from graph.analytics.errors import AnalyticsInputError, check_iso3
from graph.analytics.shapes import Doc
from graph.client import GraphClient

__all__ = ["SeriesPoint", "dyad_series"]


@dataclass(frozen=True)
class SeriesPoint:
    """One month of coded events in one direction (actor → recipient)."""

    month: str
    actor: str
    recipient: str
    events: int
    verbal_cooperation: Annotated[int, Doc("QuadClass 1.")]
    material_cooperation: Annotated[int, Doc("QuadClass 2.")]
    verbal_conflict: Annotated[int, Doc("QuadClass 3.")]
    material_conflict: Annotated[int, Doc("QuadClass 4.")]
    goldstein_sum: float
    goldstein_mean: float | None
    conflict_share: Annotated[float | None, Doc("(Q3 + Q4) / the events that have a QuadClass.")]
    weighted_tone: Annotated[float | None, Doc("Σ(AvgTone × NumArticles) / Σ NumArticles.")]
    articles: int

    @property
    def quad_counts(self) -> tuple[int, int, int, int]:
        """The counts by QuadClass 1..4."""
        return (
            self.verbal_cooperation,
            self.material_cooperation,
            self.verbal_conflict,
            self.material_conflict,
        )

    @property
    def direction(self) -> str:
        return f"{self.actor}→{self.recipient}"


def dyad_series(
    client: GraphClient,
    actors: list[str],
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    dataset: str | None = None,
) -> list[SeriesPoint]:
    """The series for events between any two different countries of ``actors`` (ISO3)."""
    codes = sorted({check_iso3("actors", a) for a in actors})
    if len(codes) < 2:
        raise AnalyticsInputError("actors", "name at least two countries, like CHN,JPN")
    rows = client.read(
        "analytics/dyad_series",
        actors=codes,
        dataset=dataset,
        **{"from": date_from, "to": date_to},
    )
    points = []
    for row in rows:
        with_quad = int(row["withQuad"])
        with_goldstein = int(row["withGoldstein"])
        articles = int(row["articles"])
        points.append(
            SeriesPoint(
                month=row["month"],
                actor=row["actor"],
                recipient=row["recipient"],
                events=int(row["events"]),
                verbal_cooperation=int(row["q1"]),
                material_cooperation=int(row["q2"]),
                verbal_conflict=int(row["q3"]),
                material_conflict=int(row["q4"]),
                goldstein_sum=float(row["goldsteinSum"]),
                goldstein_mean=(
                    float(row["goldsteinSum"]) / with_goldstein if with_goldstein else None
                ),
                conflict_share=(int(row["q3"]) + int(row["q4"])) / with_quad if with_quad else None,
                weighted_tone=float(row["toneTimesArticles"]) / articles if articles else None,
                articles=articles,
            )
        )
    return points
