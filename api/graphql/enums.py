"""GraphQL enums, each made from its enum in ``schema`` (the vocabulary is written once).

A schema enum becomes a GraphQL enum under a GraphQL name; its members keep their names, and
their values stay what Neo4j stores. Only the list's own controls (sort, order, direction)
are defined here, as they belong to the API rather than to the vocabulary.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

import strawberry

from schema import (
    RELIABILITY_MEANING,
    DatePrecision,
    FutureDate,
    Label,
    Method,
    MineralGroup,
    OrgType,
    PolicyType,
    Reliability,
    RelType,
    SourceKind,
    Stance,
    Status,
)

__all__ = [
    "ENUM_FIELDS",
    "FUTURE_DATES",
    "METHODS",
    "RELATION_TYPES",
    "RELIABILITIES",
    "SOURCE_KINDS",
    "STATUSES",
    "DatePrecision",
    "Direction",
    "FutureDate",
    "Method",
    "MineralGroup",
    "NodeKind",
    "OrgType",
    "PolicyType",
    "RelationType",
    "Reliability",
    "SortField",
    "SortOrder",
    "SourceKind",
    "Stance",
    "Status",
]

E = TypeVar("E", bound=Enum)


def _expose(enum: type[E], description: str, name: str | None = None) -> type[E]:
    strawberry.enum(enum, name=name, description=description)
    return enum


_expose(Label, "The kinds of node; the value is the Neo4j label.", name="NodeKind")
_expose(RelType, "The kinds of relationship; the value is the Neo4j type.", name="RelationType")
NodeKind = Label
RelationType = RelType
_expose(Status, "How well a fact is established.")
_expose(Method, "How a fact entered the graph.")
_expose(
    Reliability,
    "A source's grade, best first: "
    + "; ".join(f"{grade.value} {meaning}" for grade, meaning in RELIABILITY_MEANING.items())
    + ".",
)
_expose(SourceKind, "What a source is.")
_expose(
    FutureDate,
    "Why a fact carries a date later than all its sources: announced, or forecast.",
)
_expose(DatePrecision, "How much of a date its sources state: the day, the month or the year.")
_expose(OrgType, "What an organization is.")
_expose(Stance, "How a statement stands toward its subject.")
_expose(PolicyType, "What a policy does.")
_expose(MineralGroup, "A mineral's group, as China's control lists use it.")


@strawberry.enum(description="Which way a relationship points, seen from the node it hangs on.")
class Direction(Enum):
    OUT = "out"
    IN = "in"
    BOTH = "both"


@strawberry.enum(description="What a list is sorted by.")
class SortField(Enum):
    NAME = "name"
    DATE = "date"


@strawberry.enum(description="Ascending or descending.")
class SortOrder(Enum):
    ASC = "asc"
    DESC = "desc"


# Members by stored value, for building answers.
RELATION_TYPES: dict[str, RelType] = {m.value: m for m in RelType}
STATUSES: dict[str, Status] = {m.value: m for m in Status}
METHODS: dict[str, Method] = {m.value: m for m in Method}
RELIABILITIES: dict[str, Reliability] = {m.value: m for m in Reliability}
SOURCE_KINDS: dict[str, SourceKind] = {m.value: m for m in SourceKind}
FUTURE_DATES: dict[str, FutureDate] = {m.value: m for m in FutureDate}

#: Node properties stored as a schema enum's value, answered as its member.
ENUM_FIELDS: dict[str, dict[str, Enum]] = {
    "reliability": dict(RELIABILITIES),
    "source_kind": dict(SOURCE_KINDS),
    "org_type": {m.value: m for m in OrgType},
    "stance": {m.value: m for m in Stance},
    "policy_type": {m.value: m for m in PolicyType},
    "group": {m.value: m for m in MineralGroup},
}
