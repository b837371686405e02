"""Role references ("Japan's PM", "the prime minister") and who held the role on a date.

A role phrase names an office; the office's holder on the article's date comes from the
graph's ``HOLDS_OFFICE`` terms (``valid_from``..``valid_to``, open where null). Office names
and aliases in the graph are role phrases too; the table below adds the phrases news uses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph import GraphClient

__all__ = ["ROLE_PHRASES", "Holder", "OfficeTerm", "holder_on", "read_office_terms"]

#: Role phrases news uses, by office. "The prime minister" is Japan's: in this dyad China's
#: head of government is the premier.
ROLE_PHRASES: dict[str, str] = {
    "Japan's PM": "office:jpn-prime-minister",
    "Japanese PM": "office:jpn-prime-minister",
    "Japan's Prime Minister": "office:jpn-prime-minister",
    "Japanese Prime Minister": "office:jpn-prime-minister",
    "the prime minister": "office:jpn-prime-minister",
    "Prime Minister": "office:jpn-prime-minister",
    "Japan's premier": "office:jpn-prime-minister",
    "Japan's chief cabinet secretary": "office:jpn-chief-cabinet-secretary",
    "Chief Cabinet Secretary": "office:jpn-chief-cabinet-secretary",
    "Japan's foreign minister": "office:jpn-foreign-minister",
    "Japanese Foreign Minister": "office:jpn-foreign-minister",
    "Chinese President": "office:prc-president",
    "China's president": "office:prc-president",
    "China's premier": "office:prc-premier",
    "Chinese Foreign Minister": "office:prc-foreign-minister",
    "China's foreign minister": "office:prc-foreign-minister",
    "China's commerce minister": "office:prc-commerce-minister",
    "Chinese Ambassador to Japan": "office:prc-ambassador-to-japan",
    "China's ambassador to Japan": "office:prc-ambassador-to-japan",
    "Japan's ambassador to China": "office:jpn-ambassador-to-china",
    "Japanese Ambassador to China": "office:jpn-ambassador-to-china",
    "Vice-Minister for Foreign Affairs": "office:jpn-vice-minister-foreign-affairs",
    "Deputy Chief Cabinet Secretary": "office:jpn-deputy-chief-cabinet-secretary",
    "US President": "office:us-president",
    "U.S. President": "office:us-president",
}


@dataclass(frozen=True)
class OfficeTerm:
    office: str
    person: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Holder:
    """Who a role phrase resolves to: a person, or (undecidable) the office itself."""

    entity_id: str
    reason: str


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def read_office_terms(client: GraphClient) -> list[OfficeTerm]:
    return [
        OfficeTerm(row["office"], row["person"], _date(row["valid_from"]), _date(row["valid_to"]))
        for row in client.read("article/office_terms")
    ]


def holder_on(terms: list[OfficeTerm], office: str, day: dt.date | None) -> Holder:
    """The person who held ``office`` on ``day``.

    Terms with a start date win over undated ones; of those, the latest to take office (on a
    hand-over day both terms cover it). An undated term counts only when it is the only one.
    With no date, or when the graph cannot decide, the phrase links to the office itself.
    """
    if day is None:
        return Holder(office, "no article date: linked to the office, not a holder")
    covering = [t for t in terms if t.office == office and t.covers(day)]
    dated = [t for t in covering if t.valid_from is not None]
    if dated:
        best = max(dated, key=lambda t: (t.valid_from or dt.date.min, t.person))
        return Holder(best.person, f"held {office} on {day.isoformat()} (from {best.valid_from})")
    people = sorted({t.person for t in covering})
    if len(people) == 1:
        return Holder(people[0], f"the only holder of {office} in the graph (term undated)")
    why = "several undated holders" if people else "no holder known"
    return Holder(office, f"{why} on {day.isoformat()}: linked to the office")
