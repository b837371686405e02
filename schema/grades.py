"""The grades of sources: how strong a source is, what it is, and dates ahead of sources."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["RELIABILITY_MEANING", "FutureDate", "Reliability", "SourceKind"]


class Reliability(StrEnum):
    """A source's grade, best first (``RELIABILITY_MEANING`` says what each covers)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"

    @property
    def rank(self) -> int:
        """0 for A … 4 for E: lower is stronger."""
        return "ABCDE".index(self.value)

    def at_least(self, other: Reliability) -> bool:
        """True when this grade is ``other`` or better."""
        return self.rank <= other.rank


class SourceKind(StrEnum):
    """What a source is."""

    PRIMARY_DOCUMENT = "primary_document"
    NEWS_REPORT = "news_report"
    ANALYSIS = "analysis"
    DATASET = "dataset"


class FutureDate(StrEnum):
    """Why a fact may carry a date later than its sources: it was announced, or forecast."""

    ANNOUNCED = "announced"
    FORECAST = "forecast"


#: What each grade covers, for docs, GraphQL and the explorer's badges.
RELIABILITY_MEANING: dict[Reliability, str] = {
    Reliability.A: "an official document, or a statement on the record",
    Reliability.B: "a wire agency or a newspaper of record",
    Reliability.C: "another established outlet, a research institute, or a data publisher",
    Reliability.D: "an aggregator, relay or republisher, vendor or company marketing, or a blog",
    Reliability.E: "a forum, a content farm, or anything unattributed",
}
