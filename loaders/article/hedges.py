"""How sure a sentence is of itself: its hedges give a claim's status and confidence.

- ``unverified``: the text itself doubts it ("may", "might", "could", "appears", "seems",
  "not yet confirmed", "unconfirmed", "possibly", "likely").
- ``alleged``: one side's accusation ("allegedly", "accused", "claims that").
- ``reported``: attributed to others ("reportedly", "according to", "sources said") — and
  any plain assertion of a news article, which is one outlet's word.
- ``confirmed``: an official announcement the sentence reports ("announced", "said in a
  statement", "officially") with no hedge.

The weakest cue found wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schema import Status

__all__ = ["CONFIDENCE", "Certainty", "certainty_of"]

#: Confidence of an extracted claim by status: below curated facts, and lower as hedged.
CONFIDENCE: dict[Status, float] = {
    Status.CONFIRMED: 0.7,
    Status.REPORTED: 0.5,
    Status.ALLEGED: 0.4,
    Status.UNVERIFIED: 0.3,
}

_CUES: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (
        Status.UNVERIFIED,
        re.compile(
            r"\b(?:not (?:yet )?(?:been )?confirmed|unconfirmed|may(?! \d)|might|could"
            r"|appears?|appeared|seems?|seemed|possibly|perhaps|likely|apparently"
            r"|it is unclear|remains? unclear|is said to|are said to)\b"
        ),
    ),
    (Status.ALLEGED, re.compile(r"\b(?:allegedly|alleged|accused|accuses|claims? that)\b")),
    (
        Status.REPORTED,
        re.compile(
            r"\b(?:reportedly|according to|sources? (?:said|say|close|familiar)"
            r"|people familiar|was reported|were reported|reports? (?:said|say|suggest))\b",
            re.IGNORECASE,
        ),
    ),
    (
        Status.CONFIRMED,
        re.compile(
            r"\b(?:announced|announcement|said in a statement|officially|formally"
            r"|issued a notice|published a list)\b",
            re.IGNORECASE,
        ),
    ),
)


@dataclass(frozen=True)
class Certainty:
    status: Status
    cue: str | None

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.status]

    def describe(self) -> str:
        if self.cue is None:
            return "no hedge: a plain assertion of the article (one outlet's word)"
        return f"hedge '{self.cue}'"


def certainty_of(sentence: str) -> Certainty:
    """The status a sentence's own wording gives what it says.

    Hedging modals are matched in lower case only, so the month "May" is not a hedge.
    """
    for status, pattern in _CUES:
        match = pattern.search(sentence)
        if match:
            return Certainty(status, match.group())
    return Certainty(Status.REPORTED, None)
