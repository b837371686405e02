"""The exposure score, defined once: what ``impact``, ``exposure``, ``whatIf`` and ``dyad
exposure`` / ``dyad what-if`` all show.

    term(X, M)   = Π weight(link) along the dependence path from industry X to mineral M
                   × share(importer ← restricter, M)
    weight(link) = the link's intensity; a link that states none weighs its confidence
    exposure(X)  = 1 − Π over mineral families F of (1 − the largest term of F)

The terms. M is a restricted mineral, or a member (PART_OF) of a restricted group. The path
runs from X to an industry that DEPENDS_ON M (the importer's industry), along DEPENDS_ON and
SUPPLIES links between industries; per (X, M) the path with the largest term counts. An
intensity says how much of an industry's output needs the thing it depends on, a share how
much of the importer's M comes from the restricter: both lie in 0..1, and so does the term,
read as the part of X's output put at risk through M. SUPPLIES links state no intensity; they
weigh their confidence, a discount for a link that is less than certain, and where an
industry states an intensity for what supplies it, that judgement is used instead. A missing
share counts as 1. Every such stand-in is flagged on the term.

Why this combination. Summing the terms counted one need several times over: a group and
its members (the rare earths; Nd, Dy, Tb) describe overlapping needs, since Dy and Tb sit in
the same NdFeB magnets as Nd, and the group's own intensity is a judgement of the whole.
Summed, the January 2026 dual-use ban scored Japanese defence 3.61 on a scale that should end
at 1. So a group and its members form one family, and only the family's largest term counts:
the least its needs put at risk, never more than one of them. Different families (rare
earths, gallium, germanium) are different materials with no known overlap, and combine as
independent risks: 1 − Π(1 − t), the part of output at risk through at least one of them. The
score lies in 0..1, equals the term when there is one, grows with each further family, and
never double counts. Summing would exceed 1; the largest term alone would ignore breadth (a
ban on gallium as well as rare earths would change nothing).

For display each counted term carries its contribution, what it adds in order from the
largest: t₁, t₂ × (1 − t₁), t₃ × (1 − t₁)(1 − t₂), … These sum to the score, so a bar per
industry stacked by mineral adds up to it; a term that does not count contributes 0. Shown
figures are rounded to ``DIGITS`` decimals; ``exposure_raw`` keeps the score's full precision.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "DIGITS",
    "FORMULA",
    "Scored",
    "family",
    "link_weight",
    "score",
    "shown",
    "term_value",
]

FORMULA = (
    "exposure(industry) = 1 − Π over mineral families (1 − the family's largest term); "
    "term = Π weight(DEPENDS_ON / SUPPLIES links from the industry to the mineral) × "
    "share(importer ← restricter, mineral); a link weighs its intensity, or its confidence "
    "when it states none; a missing share counts as 1; a group and its members are one "
    "family, so only one of them counts; per mineral the largest path counts"
)

#: Decimals of every figure shown (scores, terms, contributions, path weights, shares).
DIGITS = 3


def shown(value: float) -> float:
    """A figure as shown: rounded to ``DIGITS`` decimals."""
    return round(value, DIGITS)


def link_weight(intensity: float | None, confidence: float | None) -> tuple[float, bool]:
    """A dependence link's factor in a term, and whether it is a stand-in (no intensity)."""
    if intensity is not None:
        return float(intensity), False
    return (1.0 if confidence is None else float(confidence)), True


def term_value(weights: Iterable[float], share: float | None) -> float:
    """Π weights × share (1 when unknown), within 0..1."""
    value = math.prod(weights) * (1.0 if share is None else share)
    return min(1.0, max(0.0, value))


def family(mineral: str, groups: Iterable[str]) -> str:
    """The family a mineral counts in: its group (the first by id), or itself."""
    return min(groups, default=mineral)


@dataclass(frozen=True)
class Scored:
    """An industry's score, and per term what it adds (``None``: its family counts another)."""

    score: float
    contributions: tuple[float | None, ...]


def score(terms: Sequence[tuple[str, str, float]]) -> Scored:
    """The score of terms given as (family, mineral, value).

    Per family the largest term counts (on a tie, the family's own group, then the mineral
    id); the counted terms combine as 1 − Π(1 − t), largest first.
    """

    def rank(i: int) -> tuple[float, bool, str]:
        family, mineral, value = terms[i]
        return (-value, mineral != family, mineral)

    best: dict[str, int] = {}
    for i in sorted(range(len(terms)), key=rank):
        best.setdefault(terms[i][0], i)
    contributions: list[float | None] = [None] * len(terms)
    untouched = 1.0
    for i in sorted(best.values(), key=rank):
        value = terms[i][2]
        contributions[i] = value * untouched
        untouched *= 1.0 - value
    return Scored(score=1.0 - untouched, contributions=tuple(contributions))
