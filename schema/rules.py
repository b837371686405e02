"""How strong a source is, and what a fact may claim given its sources: written once, here.

Every ``Source`` carries a ``reliability`` grade (A–E), the ``origin`` whose reporting it
carries, a ``kind`` and, where known, the date it was ``published``. :func:`check_support` turns
a fact's status, confidence, dates and the grades of its sources into the list of rules it
breaks. The loader, the mutations, the article reader and ``dyad audit`` all call it; nothing
else decides what a status needs. ``docs/CORPUS.md`` explains the rules for curators.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from schema.dates import DatePrecision, date_span, parse_partial_date
from schema.grades import FutureDate, Reliability
from schema.nodes import Node, Source
from schema.provenance import Status
from schema.relationships import Relationship
from schema.vocabulary import RelType

__all__ = [
    "CONFIDENCE_BANDS",
    "Breach",
    "Rule",
    "SourceGrade",
    "breaches_of",
    "check_support",
    "fact_dates",
    "grade_of",
    "stored_grade",
    "strongest_status",
]


class Rule(StrEnum):
    """The rules a fact's status, confidence and dates must keep."""

    CONFIRMED_NEEDS_SUPPORT = "confirmed_needs_support"
    CONFIDENCE_BAND = "confidence_band"
    NOT_ON_E_ALONE = "not_on_e_alone"
    D_ALONE_AT_MOST_REPORTED = "d_alone_at_most_reported"
    NOT_BEFORE_THE_FACT = "not_before_the_fact"


#: The confidence each status allows, as (lowest, highest), both included.
CONFIDENCE_BANDS: dict[Status, tuple[float, float]] = {
    Status.CONFIRMED: (0.7, 1.0),
    Status.REPORTED: (0.3, 0.9),
    Status.ALLEGED: (0.0, 0.6),
    Status.UNVERIFIED: (0.0, 0.6),
}

#: How many independent origins of grade B or better confirm a fact without an A source.
CONFIRMING_ORIGINS = 2


@dataclass(frozen=True)
class SourceGrade:
    """What the rules need to know of one source."""

    id: str
    reliability: Reliability
    origin: str
    published_latest: dt.date | None = None  # the last day the published date covers


@dataclass(frozen=True)
class Breach:
    """One rule a fact breaks, said for a curator."""

    rule: Rule
    message: str

    def __str__(self) -> str:
        return f"{self.message} [{self.rule.value}]"


def check_support(
    status: Status,
    confidence: float | None,
    sources: Sequence[SourceGrade],
    *,
    dates: Iterable[tuple[str, dt.date]] = (),
    future_date: FutureDate | None = None,
) -> list[Breach]:
    """The rules a fact breaks, given its status, confidence and the grades of its sources.

    ``confidence`` is None for nodes (only relationships carry one). ``dates`` are the fact's
    own dates as (field, earliest day the field covers); a fact dated after every source was
    published breaks a rule unless ``future_date`` says the date was announced or forecast.
    """
    breaches: list[Breach] = []
    if confidence is not None:
        low, high = CONFIDENCE_BANDS[status]
        if not low <= confidence <= high:
            breaches.append(
                Breach(
                    Rule.CONFIDENCE_BAND,
                    f"'{status.value}' needs confidence in {low:g}..{high:g}, not {confidence:g}",
                )
            )
    if not sources:
        return breaches
    best, origins = _support(sources)
    if best is Reliability.E:
        breaches.append(
            Breach(
                Rule.NOT_ON_E_ALONE, "rests on grade E sources alone; add a source of D or better"
            )
        )
    elif status is Status.CONFIRMED and best is Reliability.D:
        breaches.append(
            Breach(
                Rule.D_ALONE_AT_MOST_REPORTED,
                "rests on grade D sources alone, which allow at most 'reported'",
            )
        )
    elif status is Status.CONFIRMED and strongest_status(sources) is not Status.CONFIRMED:
        breaches.append(
            Breach(
                Rule.CONFIRMED_NEEDS_SUPPORT,
                "'confirmed' needs an A source or two independent origins of grade B or "
                f"better; it has {origins}",
            )
        )
    newest = _newest_publication(sources)
    if newest is not None and future_date is None:
        for field, earliest in dates:
            if earliest > newest:
                breaches.append(
                    Breach(
                        Rule.NOT_BEFORE_THE_FACT,
                        f"{field} {earliest.isoformat()} is after every source was published "
                        f"(newest {newest.isoformat()}); cite a later source, or mark "
                        "future_date: announced or forecast",
                    )
                )
    return breaches


def strongest_status(sources: Sequence[SourceGrade]) -> Status | None:
    """The strongest status ``sources`` allow a fact (None when they allow none: E alone)."""
    if not sources:
        return None
    best, origins = _support(sources)
    if best is Reliability.E:
        return None
    if best is Reliability.A or origins >= CONFIRMING_ORIGINS:
        return Status.CONFIRMED
    return Status.REPORTED


def _support(sources: Sequence[SourceGrade]) -> tuple[Reliability, int]:
    """The best grade among ``sources``, and how many independent origins are B or better."""
    best = min((s.reliability for s in sources), key=lambda grade: grade.rank)
    origins = {s.origin.casefold() for s in sources if s.reliability.at_least(Reliability.B)}
    return best, len(origins)


def _newest_publication(sources: Sequence[SourceGrade]) -> dt.date | None:
    """The last day any source may have been published; None when any date is unknown."""
    days = [s.published_latest for s in sources]
    if any(day is None for day in days):
        return None
    return max(day for day in days if day is not None)


def grade_of(source: Source) -> SourceGrade:
    """What the rules need to know of ``source``."""
    latest = None
    if source.published is not None:
        latest = date_span(source.published, source.published_precision)[1]
    return SourceGrade(source.id, source.reliability, source.origin, latest)


def stored_grade(properties: Mapping[str, Any]) -> SourceGrade:
    """The grade of a source as Neo4j stores it (``id``, ``reliability``, ``origin``,
    ``published`` as a date or its ISO text, ``published_precision``)."""
    published = properties.get("published")
    latest = None
    if published is not None:
        day = parse_partial_date(str(published))[0]
        precision = properties.get("published_precision")
        latest = date_span(day, DatePrecision(precision) if precision else None)[1]
    return SourceGrade(
        str(properties["id"]),
        Reliability(properties["reliability"]),
        str(properties.get("origin") or ""),
        latest,
    )


def fact_dates(fact: Node | Relationship) -> list[tuple[str, dt.date]]:
    """A fact's own dates as (field, the earliest day the field covers)."""
    if isinstance(fact, Relationship):
        return [(name, day) for name in ("valid_from", "valid_to") if (day := getattr(fact, name))]
    dates = []
    for name in fact.dated_fields:
        day = getattr(fact, name)
        if day is not None:
            dates.append((name, date_span(day, getattr(fact, f"{name}_precision", None))[0]))
    return dates


def breaches_of(fact: Node | Relationship, grades: Mapping[str, SourceGrade]) -> list[Breach]:
    """The rules ``fact`` breaks; ``grades`` holds its sources (unknown ids are not judged here)."""
    if isinstance(fact, Source) or (
        isinstance(fact, Relationship) and fact.type is RelType.MENTIONS
    ):
        return []  # a source, and what a source mentions, rest on the source itself
    confidence = fact.confidence if isinstance(fact, Relationship) else None
    return check_support(
        fact.status,
        confidence,
        [grades[source] for source in fact.sources if source in grades],
        dates=fact_dates(fact),
        future_date=fact.future_date,
    )
