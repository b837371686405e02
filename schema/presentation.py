"""How the explorer draws the vocabulary: a colour and shape per kind, a line per status.

The vocabulary's enums live beside this module; this is their presentation, as data, in the
one place. ``explorer_vocabulary()`` is what the explorer page fetches
(``GET /explorer/vocabulary.json``) to build its styles, legend, filters and labels, so the
page keeps no list of kinds, relation types, statuses, methods or grades of its own.

Every item is keyed by its member name, which is also its GraphQL enum value (``TRADE_FLOW``,
``DEPENDS_ON``, ``CONFIRMED``); ``value`` is what Neo4j stores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from schema.grades import RELIABILITY_MEANING, Reliability
from schema.provenance import Method, Status
from schema.vocabulary import (
    DEEDS,
    PATTERNS,
    CausalDirection,
    Label,
    RelType,
    causal_direction,
)

__all__ = [
    "CHAIN_TARGET",
    "EXPLORER_SECTIONS",
    "GRADE_COLOURS",
    "KIND_STYLES",
    "METHOD_MEANING",
    "REVERSED_READINGS",
    "SIDE_ROLES",
    "STATUS_STYLES",
    "KindStyle",
    "StatusStyle",
    "effect_kinds",
    "explorer_vocabulary",
    "title",
]


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one kind of node is drawn: Cytoscape's ``shape``, and ``clip``, a CSS clip-path
    that cuts the same shape out of the legend's swatch."""

    colour: str
    shape: str
    clip: str
    plural: str


KIND_STYLES: dict[Label, KindStyle] = {
    Label.COUNTRY: KindStyle("#2c5d8f", "round-rectangle", "inset(8% round 25%)", "countries"),
    Label.PLACE: KindStyle(
        "#5f9ea0", "round-triangle", "polygon(50% 5%, 95% 95%, 5% 95%)", "places"
    ),
    Label.LEADER: KindStyle("#d9731a", "ellipse", "circle(48%)", "leaders"),
    Label.OFFICE: KindStyle(
        "#b8860b", "tag", "polygon(0 15%, 70% 15%, 100% 50%, 70% 85%, 0 85%)", "offices"
    ),
    Label.ORGANIZATION: KindStyle(
        "#8e5ea2",
        "hexagon",
        "polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%)",
        "organizations",
    ),
    Label.STATEMENT: KindStyle(
        "#c0392b", "diamond", "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)", "statements"
    ),
    Label.POLICY: KindStyle("#2e8b57", "round-rectangle", "inset(12% 0 round 15%)", "policies"),
    Label.EVENT: KindStyle(
        "#d6457f",
        "star",
        "polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)",
        "events",
    ),
    Label.MINERAL: KindStyle(
        "#7b5e3b",
        "octagon",
        "polygon(30% 0,70% 0,100% 30%,100% 70%,70% 100%,30% 100%,0 70%,0 30%)",
        "minerals",
    ),
    Label.MINE: KindStyle("#6d6d6d", "triangle", "polygon(50% 0, 100% 100%, 0 100%)", "mines"),
    Label.INDUSTRY: KindStyle("#138d9c", "barrel", "inset(0 round 30% / 12%)", "industries"),
    Label.SOURCE: KindStyle("#8a8f98", "rectangle", "inset(18% 8%)", "sources"),
    Label.TRADE_FLOW: KindStyle("#4a7c59", "vee", "polygon(0 0, 50% 100%, 100% 0)", "trade flows"),
}

Line = Literal["solid", "dashed", "dotted"]


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """How a fact of one status is drawn: the edge's line, and the colour of its status tag."""

    line: Line
    colour: str


STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.CONFIRMED: StatusStyle("solid", "#1e6b3a"),
    Status.REPORTED: StatusStyle("dashed", "#8a5a00"),
    Status.ALLEGED: StatusStyle("dotted", "#a12a2a"),
    Status.UNVERIFIED: StatusStyle("dotted", "#a12a2a"),
}

#: A grade's badge colour: strong grades dark green, weak ones red.
GRADE_COLOURS: dict[Reliability, str] = {
    Reliability.A: "#1b5e20",
    Reliability.B: "#2e7d32",
    Reliability.C: "#8d6e00",
    Reliability.D: "#bf360c",
    Reliability.E: "#b71c1c",
}

METHOD_MEANING: dict[Method, str] = {
    Method.CURATED: "entered by hand in the curated corpus, from its cited sources",
    Method.EXTRACTED: "read out of an article's text and accepted in review",
    Method.IMPORTED: "loaded from a dataset (coded events, trade figures, restriction lists)",
    Method.INFERRED: "derived from other facts by a rule",
}

#: The kind the explorer's chains end at unless the reader picks another: which industry is hit.
CHAIN_TARGET = Label.INDUSTRY

#: How a causal step reads when effect flows against the relationship's arrow.
REVERSED_READINGS: dict[RelType, str] = {
    RelType.RESPONDS_TO: "answered by",
    RelType.DEPENDS_ON: "needed by",
}


#: Whose side an act is on, for the escalation timeline's lanes: an act's doer is the far end of
#: an ``actor`` relationship (or is the country itself); a person or body belongs to the state at
#: the far end of a ``nationality`` relationship, else of a ``base`` one.
SIDE_ROLES: dict[RelType, str] = {
    RelType.MADE_BY: "actor",
    RelType.ISSUED_BY: "actor",
    RelType.INVOLVES: "actor",
    RelType.NATIONAL_OF: "nationality",
    RelType.OFFICE_OF: "nationality",
    RelType.BASED_IN: "base",
}


def effect_kinds() -> frozenset[Label]:
    """The kinds a causal chain can end at: what effect flows into along a causal type."""
    kinds: set[Label] = set()
    for pattern in PATTERNS:
        direction = causal_direction(pattern.type)
        if direction is CausalDirection.FORWARD:
            kinds.add(pattern.end)
        elif direction is CausalDirection.BACKWARD:
            kinds.add(pattern.start)
    return frozenset(kinds)


def title(member: StrEnum) -> str:
    """A member as the page prints it: ``TRADE_FLOW`` → ``trade flow``."""
    return member.name.lower().replace("_", " ")


def _kinds() -> list[dict[str, object]]:
    ends = effect_kinds()
    return [
        {
            "name": kind.name,
            "label": kind.value,
            "title": title(kind),
            "plural": KIND_STYLES[kind].plural,
            "colour": KIND_STYLES[kind].colour,
            "shape": KIND_STYLES[kind].shape,
            "clip": KIND_STYLES[kind].clip,
            "act": kind in DEEDS,
            "effect": kind in ends,
            "chainDefault": kind is CHAIN_TARGET,
        }
        for kind in Label
    ]


def _relations() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for rel in RelType:
        direction = causal_direction(rel)
        out.append(
            {
                "name": rel.name,
                "value": rel.value,
                "title": title(rel),
                "causal": direction.value if direction else None,
                "reversed": REVERSED_READINGS.get(rel, f"{title(rel)} (reversed)")
                if direction is CausalDirection.BACKWARD
                else None,
                "side": SIDE_ROLES.get(rel),
            }
        )
    return out


def _statuses() -> list[dict[str, object]]:
    return [
        {
            "name": status.name,
            "value": status.value,
            "title": title(status),
            "line": STATUS_STYLES[status].line,
            "colour": STATUS_STYLES[status].colour,
        }
        for status in Status
    ]


def _methods() -> list[dict[str, object]]:
    return [
        {"name": m.name, "value": m.value, "title": title(m), "meaning": METHOD_MEANING[m]}
        for m in Method
    ]


def _grades() -> list[dict[str, object]]:
    return [
        {
            "name": grade.name,
            "value": grade.value,
            "title": grade.value,
            "meaning": RELIABILITY_MEANING[grade],
            "colour": GRADE_COLOURS[grade],
        }
        for grade in Reliability
    ]


_SECTIONS: tuple[tuple[str, type[StrEnum], Callable[[], list[dict[str, object]]]], ...] = (
    ("kinds", Label, _kinds),
    ("statuses", Status, _statuses),
    ("relations", RelType, _relations),
    ("grades", Reliability, _grades),
    ("methods", Method, _methods),
)

#: The explorer's sections, each an enum of the vocabulary, in the order the legend shows them.
EXPLORER_SECTIONS: dict[str, type[StrEnum]] = {name: enum for name, enum, _ in _SECTIONS}


def explorer_vocabulary() -> dict[str, list[dict[str, object]]]:
    """Everything the explorer draws, as JSON-ready data: one list per section, every member
    of the section's enum in the enum's order."""
    return {name: build() for name, _, build in _SECTIONS}
