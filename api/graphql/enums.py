"""GraphQL enums. Each mirrors one in ``schema`` (a test checks they never drift)."""

from __future__ import annotations

from enum import Enum

import strawberry

from schema import RELIABILITY_MEANING, FutureDate, Reliability, SourceKind

__all__ = [
    "FUTURE_DATES",
    "METHODS",
    "RELATION_TYPES",
    "RELIABILITIES",
    "SOURCE_KINDS",
    "STATUSES",
    "Direction",
    "FutureDate",
    "Method",
    "NodeKind",
    "RelationType",
    "Reliability",
    "SortField",
    "SortOrder",
    "SourceKind",
    "Status",
]


@strawberry.enum(description="The kinds of node; the value is the Neo4j label.")
class NodeKind(Enum):
    COUNTRY = "Country"
    PLACE = "Place"
    LEADER = "Leader"
    OFFICE = "Office"
    ORGANIZATION = "Organization"
    STATEMENT = "Statement"
    POLICY = "Policy"
    EVENT = "Event"
    MINERAL = "Mineral"
    MINE = "Mine"
    INDUSTRY = "Industry"
    SOURCE = "Source"
    TRADE_FLOW = "TradeFlow"


@strawberry.enum(description="The kinds of relationship; the value is the Neo4j type.")
class RelationType(Enum):
    HOLDS_OFFICE = "HOLDS_OFFICE"
    OFFICE_OF = "OFFICE_OF"
    MEMBER_OF = "MEMBER_OF"
    NATIONAL_OF = "NATIONAL_OF"
    BASED_IN = "BASED_IN"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    OPERATES = "OPERATES"
    OPERATES_IN = "OPERATES_IN"
    PRODUCES = "PRODUCES"
    IMPORTS_FROM = "IMPORTS_FROM"
    MADE_BY = "MADE_BY"
    ISSUED_BY = "ISSUED_BY"
    INVOLVES = "INVOLVES"
    ABOUT = "ABOUT"
    SUSPENDS = "SUSPENDS"
    AMENDS = "AMENDS"
    PROVOKED = "PROVOKED"
    RESPONDS_TO = "RESPONDS_TO"
    RESTRICTS = "RESTRICTS"
    TARGETS = "TARGETS"
    AFFECTS = "AFFECTS"
    DEPENDS_ON = "DEPENDS_ON"
    SUPPLIES = "SUPPLIES"
    MENTIONS = "MENTIONS"


@strawberry.enum(description="How well a fact is established.")
class Status(Enum):
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    ALLEGED = "alleged"
    UNVERIFIED = "unverified"


@strawberry.enum(description="How a fact entered the graph.")
class Method(Enum):
    CURATED = "curated"
    EXTRACTED = "extracted"
    IMPORTED = "imported"
    INFERRED = "inferred"


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


# The sources' grades and kinds are schema's own enums, shown as GraphQL enums.
strawberry.enum(
    Reliability,
    description="A source's grade, best first: "
    + "; ".join(f"{grade.value} {meaning}" for grade, meaning in RELIABILITY_MEANING.items())
    + ".",
)
strawberry.enum(SourceKind, description="What a source is.")
strawberry.enum(
    FutureDate,
    description="Why a fact carries a date later than all its sources: announced, or forecast.",
)

# Members by value, for building answers: a dict lookup costs a fifth of ``Status(value)``,
# and a chain of ten steps looks up about 150 of them.
RELATION_TYPES: dict[str, RelationType] = {m.value: m for m in RelationType}
STATUSES: dict[str, Status] = {m.value: m for m in Status}
METHODS: dict[str, Method] = {m.value: m for m in Method}
RELIABILITIES: dict[str, Reliability] = {m.value: m for m in Reliability}
SOURCE_KINDS: dict[str, SourceKind] = {m.value: m for m in SourceKind}
FUTURE_DATES: dict[str, FutureDate] = {m.value: m for m in FutureDate}
