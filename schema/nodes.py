"""Pydantic models of every kind of node, frozen, one class per label.

Every node has a stable ``id`` whose prefix names its kind, a ``name``, ``aliases`` and, where
it has one, a ``native_name`` (its name in its own script: 高市早苗, 商务部).
Every node except a Source names the sources it rests on and a ``status``.
Date fields accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; the precision is kept beside them
(``date_precision``) so that "January 2026" is never shown as "1 January 2026". In Neo4j a
dated field is a range: ``date`` holds its first day and ``date_latest`` its last
(``Node.properties``), so queries compare and sort what the source said, not a made-up day.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    StringConstraints,
    model_validator,
)

from schema.dates import DatePrecision, date_span, parse_partial_date
from schema.grades import FutureDate, Reliability, SourceKind
from schema.provenance import NodeId, SourceId, Status
from schema.vocabulary import Label, id_prefix

__all__ = [
    "NODE_MODELS",
    "Country",
    "Event",
    "Industry",
    "Leader",
    "Mine",
    "Mineral",
    "MineralGroup",
    "Node",
    "Office",
    "OrgType",
    "Organization",
    "Place",
    "Policy",
    "PolicyType",
    "Source",
    "Stance",
    "Statement",
    "TradeFlow",
]

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


def _date_only(value: object) -> dt.date | None:
    if value is None:
        return None
    return parse_partial_date(value)[0]


PartialDate = Annotated[dt.date, BeforeValidator(_date_only)]
Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
HsCode = Annotated[str, StringConstraints(pattern=r"^\d{4,10}$")]


class Node(BaseModel):
    """Fields every node has. Subclasses set ``label``."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    label: ClassVar[Label]
    #: Date fields whose precision is recorded in ``<field>_precision``.
    dated_fields: ClassVar[tuple[str, ...]] = ()

    id: NodeId
    name: Name
    aliases: tuple[Name, ...] = ()
    #: The name in the entity's own script (Japanese, Chinese), as a cited source prints it;
    #: other spellings and romanisations stay in ``aliases``.
    native_name: Name | None = None
    description: Text | None = None
    sources: tuple[SourceId, ...] = Field(min_length=1)
    status: Status = Status.CONFIRMED
    #: Set when a date of the fact lies after its sources: it was announced, or forecast.
    future_date: FutureDate | None = None

    @model_validator(mode="before")
    @classmethod
    def _record_date_precision(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not cls.dated_fields:
            return data
        data = dict(data)
        for field in cls.dated_fields:
            raw = data.get(field)
            if raw is not None and f"{field}_precision" not in data:
                # A bad date is left for the field's own validator to report, with its name.
                with suppress(ValueError):
                    data[f"{field}_precision"] = parse_partial_date(raw)[1]
        return data

    @model_validator(mode="wrap")
    @classmethod
    def _stored_last_days(cls, data: Any, handler: ModelWrapValidatorHandler[Node]) -> Node:
        """Read back what ``properties`` stored: each ``<field>_latest`` must be the last day
        its field covers (it is derived, never given)."""
        if not isinstance(data, dict) or not cls.dated_fields:
            return handler(data)
        data = dict(data)
        stored = {name: data.pop(name) for name in cls.latest_fields() if name in data}
        node = handler(data)
        if not stored:  # a new node, not one read back: nothing to check
            return node
        derived = node.properties()
        for name, value in stored.items():
            day = value.to_native() if hasattr(value, "to_native") else value
            if day is not None and str(day) != str(derived.get(name)):
                raise ValueError(
                    f"{name} {day} is not the last day {name.removesuffix('_latest')} covers "
                    f"({derived.get(name)})"
                )
        return node

    @model_validator(mode="after")
    def _id_names_the_kind(self) -> Node:
        prefix = id_prefix(self.label)
        if not self.id.startswith(prefix + ":"):
            raise ValueError(f"id {self.id!r} of a {self.label} must start with '{prefix}:'")
        return self

    @classmethod
    def latest_fields(cls) -> tuple[str, ...]:
        """The stored-only ``<field>_latest`` properties: the last day each dated field covers."""
        return tuple(f"{field}_latest" for field in cls.dated_fields)

    def properties(self) -> dict[str, Any]:
        """The node as Neo4j properties: lists for tuples, enums as strings; no nulls and no
        empty lists (an absent list is an empty one; ``neo4j-admin import`` cannot write an
        empty list, and the bulk path must store exactly what the loader stores). Every dated
        field also gets ``<field>_latest``, the last day it covers (``2025-11`` → 2025-11-30).
        """
        raw = self.model_dump(mode="python", exclude_none=True)
        props = {key: _neo4j_value(value) for key, value in raw.items() if value != ()}
        for field in self.dated_fields:
            day = getattr(self, field)
            if day is not None:
                precision = getattr(self, f"{field}_precision", None)
                props[f"{field}_latest"] = date_span(day, precision)[1]
        return props


def _neo4j_value(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple | list):
        return [_neo4j_value(item) for item in value]
    return value


class Country(Node):
    label = Label.COUNTRY
    iso3: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    m49: Annotated[str, StringConstraints(pattern=r"^\d{3}$")] | None = None
    capital: Name | None = None


class Place(Node):
    label = Label.PLACE
    place_type: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class Leader(Node):
    label = Label.LEADER


class Office(Node):
    label = Label.OFFICE
    title: Name


class OrgType(StrEnum):
    GOVERNMENT = "government"
    COMPANY = "company"
    RESEARCH = "research"
    INTERNATIONAL = "international"
    PARTY = "party"
    MEDIA = "media"


class Organization(Node):
    label = Label.ORGANIZATION
    org_type: OrgType


class Stance(StrEnum):
    """How a statement stands toward its subject."""

    ASSERTIVE = "assertive"
    HOSTILE = "hostile"
    CRITICAL = "critical"
    DEFENSIVE = "defensive"
    CONCILIATORY = "conciliatory"
    NEUTRAL = "neutral"
    SUPPORTIVE = "supportive"


class Statement(Node):
    label = Label.STATEMENT
    dated_fields = ("date",)
    date: PartialDate
    date_precision: DatePrecision = DatePrecision.DAY
    summary: Text
    quote: Annotated[str, StringConstraints(max_length=2000)] | None = None
    stance: Stance
    venue: Name | None = None


class PolicyType(StrEnum):
    EXPORT_CONTROL = "export_control"
    EXPORT_BAN = "export_ban"
    LICENSING_DELAY = "licensing_delay"
    TECHNOLOGY_BAN = "technology_ban"
    SUSPENSION = "suspension"
    ENTITY_LISTING = "entity_listing"
    IMPORT_BAN = "import_ban"
    TRADE_REMEDY = "trade_remedy"
    REGULATION = "regulation"
    FINANCING = "financing"
    AGREEMENT = "agreement"
    RESEARCH_PROGRAMME = "research_programme"
    STOCKPILING = "stockpiling"
    EXPORT_TAX = "export_tax"
    EXPORT_QUOTA = "export_quota"


class Policy(Node):
    label = Label.POLICY
    dated_fields = ("announced", "effective", "suspended", "ended")
    policy_type: PolicyType
    summary: Text
    legal_ref: Name | None = None
    announced: PartialDate
    announced_precision: DatePrecision = DatePrecision.DAY
    effective: PartialDate | None = None
    effective_precision: DatePrecision | None = None
    suspended: PartialDate | None = None
    suspended_precision: DatePrecision | None = None
    ended: PartialDate | None = None
    ended_precision: DatePrecision | None = None
    # Restriction inventories (OECD-style rows); curated policies leave them empty.
    hs_codes: tuple[HsCode, ...] = ()
    measure_value: float | None = None
    measure_unit: Name | None = None
    destination_scope: Name | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Policy:
        for later in ("effective", "suspended", "ended"):
            value = getattr(self, later)
            if value is not None and value < self.announced.replace(day=1):
                raise ValueError(f"{later} {value} is before announced {self.announced}")
        return self


class Event(Node):
    label = Label.EVENT
    dated_fields = ("date", "end_date")
    event_type: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    date: PartialDate
    date_precision: DatePrecision = DatePrecision.DAY
    end_date: PartialDate | None = None
    end_date_precision: DatePrecision | None = None
    summary: Text | None = None
    # Event-data fields (GDELT, POLECAT); curated events leave them empty.
    cameo_code: Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")] | None = None
    quad_class: int | None = Field(default=None, ge=1, le=4)
    goldstein: float | None = Field(default=None, ge=-10, le=10)
    avg_tone: float | None = None
    num_mentions: int | None = Field(default=None, ge=0)
    num_sources: int | None = Field(default=None, ge=0)
    num_articles: int | None = Field(default=None, ge=0)
    # Where a coded event came from and which way it points (actor → recipient, ISO3).
    dataset: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")] | None = None
    dataset_id: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    actor_country: Iso3 | None = None
    recipient_country: Iso3 | None = None
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    # PLOVER (POLECAT): event_type holds the type; mode, contexts and intensity here.
    event_mode: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")] | None = None
    event_contexts: tuple[Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")], ...] = ()
    intensity: float | None = Field(default=None, ge=-10, le=10)


class MineralGroup(StrEnum):
    """Rare-earth grouping as China's control lists use it; ``other`` for the rest."""

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    RARE_EARTHS = "rare_earths"
    OTHER = "other"


class Mineral(Node):
    label = Label.MINERAL
    symbol: Annotated[str, StringConstraints(pattern=r"^[A-Z][a-z]?$")] | None = None
    atomic_number: int | None = Field(default=None, ge=1, le=118)
    group: MineralGroup
    rare_earth: bool
    hs_codes: tuple[HsCode, ...] = ()


class Mine(Node):
    label = Label.MINE
    site_type: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class Industry(Node):
    label = Label.INDUSTRY
    sector: Name


class Source(Node):
    """A document a fact rests on. Sources name no sources of their own.

    ``reliability`` grades the source (``schema.grades.Reliability``); ``origin`` names whose
    reporting it carries (a Reuters story republished elsewhere has origin Reuters), so that
    corroboration counts independent origins, not addresses; ``published`` is its own date;
    ``source_kind`` says what it is.
    """

    label = Label.SOURCE
    dated_fields = ("published",)
    sources: tuple[SourceId, ...] = ()
    title: Name
    publisher: Name
    reliability: Reliability
    origin: Name
    # Named apart from a node's kind (exports and GraphQL call a node's label its ``kind``).
    source_kind: SourceKind
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)] | None = None
    citation: Text | None = None
    published: PartialDate | None = None
    published_precision: DatePrecision | None = None
    content_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    text: Annotated[str, StringConstraints(max_length=200_000)] | None = None

    @model_validator(mode="after")
    def _url_or_citation(self) -> Source:
        if not self.url and not self.citation:
            raise ValueError("a source needs a url or a citation")
        return self


class TradeFlow(Node):
    """One row of trade statistics (UN Comtrade): who reported what flow with whom, and how much.

    ``partner`` is ``WLD`` for the reporter's total with the world, the denominator of shares.
    ``mineral`` is the mineral the HS code stands for (``schema.research.HS_MINERALS``).
    """

    label = Label.TRADE_FLOW
    reporter: Iso3
    partner: Iso3
    flow: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,4}$")]
    hs_code: HsCode
    mineral: NodeId | None = None
    year: int = Field(ge=1900, le=2100)
    period: Annotated[str, StringConstraints(pattern=r"^\d{4}(\d{2})?$")]
    value_usd: float = Field(ge=0)
    net_weight_kg: float | None = Field(default=None, ge=0)
    classification: Annotated[str, StringConstraints(max_length=20)] | None = None


NODE_MODELS: dict[Label, type[Node]] = {
    model.label: model
    for model in (
        Country,
        Place,
        Leader,
        Office,
        Organization,
        Statement,
        Policy,
        Event,
        Mineral,
        Mine,
        Industry,
        Source,
        TradeFlow,
    )
}
