"""The graph's GraphQL types: the ``Node`` interface, one type per kind, ``Relation``, ``Source``.

Objects are built from a ``Subgraph`` that one Cypher query fetched; every field here only
reshapes data already fetched, synchronously (no resolver sends a query).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any

import strawberry

from api.graphql.enums import (
    ENUM_FIELDS,
    FUTURE_DATES,
    METHODS,
    RELATION_TYPES,
    RELIABILITIES,
    SOURCE_KINDS,
    STATUSES,
    DatePrecision,
    Direction,
    FutureDate,
    Method,
    MineralGroup,
    NodeKind,
    OrgType,
    PolicyType,
    RelationType,
    Reliability,
    SourceKind,
    Stance,
    Status,
)
from api.graphql.selection import MAX_RELATIONS, PLACED_BY, RELATIONS_FIRST
from api.graphql.subgraph import Subgraph
from schema import CAUSAL_TYPES, NODE_MODELS, RelType, date_span, display_date

__all__ = [
    "KIND_TYPES",
    "Dated",
    "Evidenced",
    "Node",
    "PartialDate",
    "Relation",
    "Source",
    "build_node",
    "build_source",
    "evidence",
]

_PRECISIONS: dict[str, DatePrecision] = {m.value: m for m in DatePrecision}


@strawberry.type(
    description="A date as its sources give it: the day, the month or the year. A month-only "
    "date covers its whole month (`earliest`..`latest`); `value` is its first day, kept for "
    "sorting, and never means that day."
)
class PartialDate:
    value: dt.date
    precision: DatePrecision
    earliest: dt.date
    latest: dt.date
    display: str = strawberry.field(description="For people: `7 Nov 2025`, `Nov 2025`, `2025`.")


def partial_date(day: dt.date | None, precision: str | None) -> PartialDate | None:
    """The GraphQL form of a stored date and its precision (day precision when unrecorded)."""
    if day is None:
        return None
    exact = _PRECISIONS.get(precision or "", DatePrecision.DAY)
    earliest, latest = date_span(day, exact)
    return PartialDate(
        value=day,
        precision=exact,
        earliest=earliest,
        latest=latest,
        display=display_date(day, exact),
    )


@strawberry.type(description="A document a fact rests on, with its grade (docs/CORPUS.md).")
class Source:
    id: strawberry.ID
    title: str
    publisher: str
    reliability: Reliability | None = strawberry.field(
        description="The source's grade, A (best) to E; null only for a source stored before "
        "grades existed."
    )
    origin: str | None = strawberry.field(
        description="Whose reporting it carries (a Reuters story republished elsewhere: "
        "Reuters); corroboration counts independent origins."
    )
    source_kind: SourceKind | None
    url: str | None
    citation: str | None
    published: dt.date | None = strawberry.field(
        description="The source's own date: the first day it covers (see publishedPrecision)."
    )
    published_precision: DatePrecision | None
    content_hash: str | None


def build_source(properties: dict[str, Any]) -> Source:
    return Source(
        id=strawberry.ID(properties["id"]),
        title=properties.get("title", properties.get("name", "")),
        publisher=properties.get("publisher", ""),
        reliability=RELIABILITIES.get(properties.get("reliability", "")),
        origin=properties.get("origin"),
        source_kind=SOURCE_KINDS.get(properties.get("source_kind", "")),
        url=properties.get("url"),
        citation=properties.get("citation"),
        published=properties.get("published"),
        published_precision=_PRECISIONS.get(properties.get("published_precision") or ""),
        content_hash=properties.get("content_hash"),
    )


def sources_of(graph: Subgraph, ids: list[str] | None) -> list[Source]:
    """The answer's sources by id, each built once per answer (the unknown are left out)."""
    out: list[Source] = []
    for source_id in ids or []:
        key = ("source", source_id)
        source: Source | None = graph.built.get(key)
        if source is None:
            properties = graph.sources.get(source_id)
            if properties is None:
                continue
            source = graph.built[key] = build_source(properties)
        out.append(source)
    return out


@strawberry.interface(
    description="A relationship's evidence: how sure the record is of it, how well established "
    "it is, how it entered the graph, when it held, and the documents it rests on. Relations "
    "and chain steps carry it."
)
class Evidenced:
    confidence: float
    status: Status
    method: Method
    valid_from: dt.date | None
    valid_to: dt.date | None
    quote: str | None
    note: str | None
    intensity: float | None
    share: float | None
    year: int | None
    future_date: FutureDate | None = strawberry.field(
        description="Set when `validFrom` lies after all its sources: it was announced, or "
        "forecast."
    )
    _graph: strawberry.Private[Subgraph]
    _source_ids: strawberry.Private[list[str]]

    @strawberry.field(description="The documents this relationship rests on.")
    def sources(self) -> list[Source]:
        return sources_of(self._graph, self._source_ids)


def evidence(graph: Subgraph, props: dict[str, Any]) -> dict[str, Any]:
    """The ``Evidenced`` fields, read from a relationship's properties."""
    return {
        "confidence": props.get("confidence", 0.0),
        "status": STATUSES[props.get("status", "unverified")],
        "method": METHODS[props.get("method", "curated")],
        "valid_from": props.get("valid_from"),
        "valid_to": props.get("valid_to"),
        "quote": props.get("quote"),
        "note": props.get("note"),
        "intensity": props.get("intensity"),
        "share": props.get("share"),
        "year": props.get("year"),
        "future_date": FUTURE_DATES.get(props.get("future_date") or ""),
        "_graph": graph,
        "_source_ids": props.get("sources", []),
    }


@strawberry.type(description="A relationship seen from one of its ends, with its provenance.")
class Relation(Evidenced):
    type: RelationType
    direction: Direction
    other: Node
    key: str
    mineral: strawberry.ID | None
    role: str | None
    causal: bool = strawberry.field(
        description="Whether the type is causal (effect flows along it)."
    )
    effect_flows: Direction | None = strawberry.field(
        description="For a causal relationship, whether effect flows OUT of or IN to this node."
    )


def build_relation(graph: Subgraph, rel: dict[str, Any], seen_from: str) -> Relation:
    props = rel["properties"]
    outgoing = rel["start"] == seen_from
    other_id = rel["end"] if outgoing else rel["start"]
    rel_type = RelType(rel["type"])
    flow = CAUSAL_TYPES.get(rel_type)
    effect: Direction | None = None
    if flow is not None:
        forward = flow.value == "forward"
        effect = Direction.OUT if forward == outgoing else Direction.IN
    return Relation(
        **evidence(graph, props),
        type=RELATION_TYPES[rel["type"]],
        direction=Direction.OUT if outgoing else Direction.IN,
        other=build_node(graph, other_id),
        key=props.get("key", ""),
        mineral=props.get("mineral"),
        role=props.get("role"),
        causal=flow is not None,
        effect_flows=effect,
    )


@strawberry.interface(description="Anything in the graph. `id` is stable: `country:JPN`.")
class Node:
    id: strawberry.ID
    kind: NodeKind
    name: str
    aliases: list[str]
    native_name: str | None = strawberry.field(
        description="The name in its own script (高市早苗), as a cited source prints it."
    )
    description: str | None
    status: Status | None
    future_date: FutureDate | None = strawberry.field(
        description="Set when a date of this fact lies after all its sources: it was "
        "announced, or forecast."
    )
    _graph: strawberry.Private[Subgraph]
    _source_ids: strawberry.Private[list[str]]

    @classmethod
    def resolve_type(cls, obj: Any, info: Any, abstract_type: Any) -> str:
        """Strawberry's hook for an interface's runtime type: a node's GraphQL type is named
        as its class (``KIND_TYPES``), which spares every node of an answer the generic
        search through casts and generics."""
        return type(obj).__name__

    @strawberry.field(description="The documents this node rests on.")
    def sources(self) -> list[Source]:
        return sources_of(self._graph, self._source_ids)

    @strawberry.field(
        description=(
            "This node's relationships, strongest first, with their provenance. Fetched in "
            f"the same query as the node; at most {MAX_RELATIONS} per node, two levels deep. "
            "Curated knowledge first: a link to a coded event is answered only when its "
            "dataset is in `datasets`."
        )
    )
    def relations(
        self,
        types: list[RelationType] | None = None,
        direction: Direction = Direction.BOTH,
        min_confidence: float = 0.0,
        causal_only: bool = False,
        first: int = RELATIONS_FIRST,
        datasets: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Coded event datasets whose events' links to answer as well "
                "(`gdelt`, `polecat`); none by default. A country's links to coded events "
                "are read only when asked for, so a country beside 100,000 of them answers "
                "as fast as one beside none."
            ),
        ] = None,
    ) -> list[Relation]:
        wanted = {t.value for t in types} if types else None
        coded = set(datasets or ())
        node_id = str(self.id)
        # (-confidence, type, the other end's id, relationship): ranked before any is built,
        # so only the `first` answered are built (a hub holds many more).
        ranked: list[tuple[float, str, str, dict[str, Any]]] = []
        for index in self._graph.by_node.get(node_id, []):
            rel = self._graph.relationships[index]
            if wanted is not None and rel["type"] not in wanted:
                continue
            outgoing = rel["start"] == node_id
            if direction is Direction.OUT and not outgoing:
                continue
            if direction is Direction.IN and outgoing:
                continue
            confidence = rel["properties"].get("confidence", 0.0)
            if confidence < min_confidence:
                continue
            if causal_only and RelType(rel["type"]) not in CAUSAL_TYPES:
                continue
            other = rel["end"] if outgoing else rel["start"]
            dataset = self._graph.nodes.get(other, {}).get("dataset")
            if dataset is not None and dataset not in coded:
                continue
            ranked.append((-confidence, rel["type"], other, rel))
        ranked.sort(key=lambda entry: entry[:3])
        return [
            build_relation(self._graph, rel, node_id)
            for *_, rel in ranked[: max(0, min(first, MAX_RELATIONS))]
        ]


@strawberry.interface(
    description="A fact with a date: statements, policies (the day announced) and events."
)
class Dated:
    _when: strawberry.Private[PartialDate]

    @strawberry.field(description="When it happened, with the precision its sources give.")
    def when(self) -> PartialDate:
        return self._when


def _common(graph: Subgraph, props: dict[str, Any], kind: NodeKind) -> dict[str, Any]:
    status = props.get("status")
    return {
        "id": strawberry.ID(props["id"]),
        "kind": kind,
        "name": props.get("name", props["id"]),
        "aliases": list(props.get("aliases", [])),
        "native_name": props.get("native_name"),
        "description": props.get("description"),
        "status": STATUSES[status] if status else None,
        "future_date": FUTURE_DATES.get(props.get("future_date") or ""),
        "_graph": graph,
        "_source_ids": props.get("sources", []),
    }


@strawberry.type(description="A state (ISO 3166 alpha-3 and UN M49 codes).")
class Country(Node):
    iso3: str
    m49: str | None
    capital: str | None


@strawberry.type(description="A region, island or other place.")
class Place(Node):
    place_type: str
    latitude: float | None
    longitude: float | None


@strawberry.type(description="A leader, official or other person.")
class Leader(Node):
    pass


@strawberry.type(description="An office; who held it when is on HOLDS_OFFICE relations.")
class Office(Node):
    title: str


@strawberry.type(description="A ministry, agency, company, party or other body.")
class Organization(Node):
    org_type: OrgType


@strawberry.type(description="Something said, on a date, by someone (MADE_BY).")
class Statement(Node, Dated):
    date: dt.date
    date_precision: DatePrecision
    summary: str | None
    quote: str | None
    stance: Stance
    venue: str | None


@strawberry.type(description="A measure: an export control, a ban, a suspension, a response.")
class Policy(Node, Dated):
    policy_type: PolicyType
    summary: str | None
    legal_ref: str | None
    announced: dt.date
    announced_precision: DatePrecision
    effective: dt.date | None
    effective_precision: DatePrecision | None
    suspended: dt.date | None
    suspended_precision: DatePrecision | None
    ended: dt.date | None
    ended_precision: DatePrecision | None
    hs_codes: list[str]
    measure_value: float | None
    measure_unit: str | None
    destination_scope: str | None


@strawberry.type(description="Something that happened: an incident, a meeting, a coded event.")
class Event(Node, Dated):
    event_type: str
    date: dt.date
    date_precision: DatePrecision
    end_date: dt.date | None
    end_date_precision: DatePrecision | None
    summary: str | None
    cameo_code: str | None
    quad_class: int | None
    goldstein: float | None
    avg_tone: float | None
    num_mentions: int | None
    num_sources: int | None
    num_articles: int | None
    dataset: str | None
    dataset_id: str | None
    actor_country: str | None
    recipient_country: str | None
    url: str | None
    event_mode: str | None
    event_contexts: list[str]
    intensity: float | None


@strawberry.type(description="An element or material; `group` as China's control lists use it.")
class Mineral(Node):
    symbol: str | None
    atomic_number: int | None
    group: MineralGroup
    rare_earth: bool
    hs_codes: list[str]


@strawberry.type(description="A mine, deposit or processing plant.")
class Mine(Node):
    site_type: str
    latitude: float | None
    longitude: float | None


@strawberry.type(description="An industry in a country (LOCATED_IN).")
class Industry(Node):
    sector: str


@strawberry.type(description="A source as a node: its relations include what it MENTIONS.")
class SourceNode(Node):
    title: str
    publisher: str
    reliability: Reliability | None
    origin: str | None
    source_kind: SourceKind | None
    url: str | None
    citation: str | None
    published: dt.date | None
    published_precision: DatePrecision | None
    content_hash: str | None


@strawberry.type(description="One row of trade statistics (UN Comtrade); partner WLD is the World.")
class TradeFlow(Node):
    reporter: str
    partner: str
    flow: str
    hs_code: str
    mineral: strawberry.ID | None
    year: int
    period: str
    value_usd: float
    net_weight_kg: float | None
    classification: str | None


KIND_TYPES: dict[NodeKind, type[Node]] = {
    NodeKind.COUNTRY: Country,
    NodeKind.PLACE: Place,
    NodeKind.LEADER: Leader,
    NodeKind.OFFICE: Office,
    NodeKind.ORGANIZATION: Organization,
    NodeKind.STATEMENT: Statement,
    NodeKind.POLICY: Policy,
    NodeKind.EVENT: Event,
    NodeKind.MINERAL: Mineral,
    NodeKind.MINE: Mine,
    NodeKind.INDUSTRY: Industry,
    NodeKind.SOURCE: SourceNode,
    NodeKind.TRADE_FLOW: TradeFlow,
}
_LABELS = {kind.value: kind for kind in NodeKind}


def kind_of(props: dict[str, Any]) -> NodeKind:
    for label in props.get("labels", []):
        if label in _LABELS:
            return _LABELS[label]
    raise ValueError(f"node {props.get('id')!r} has no known label")


def _own_fields(cls: type[Node]) -> tuple[str, ...]:
    """The data fields a kind adds to the Node interface (resolvers and privates excluded):
    its dataclass fields, as strawberry types are dataclasses."""
    common = {f.name for f in dataclasses.fields(Node)}
    return tuple(
        f.name
        for f in dataclasses.fields(cls)
        if f.name not in common
        and not f.name.startswith("_")
        and getattr(f, "base_resolver", None) is None
    )


_FIELDS = {cls: _own_fields(cls) for cls in KIND_TYPES.values()}
_LIST_FIELDS = {"hs_codes", "event_contexts"}
#: Fields stored as a schema enum's value, answered as its member.
_ENUM_FIELDS: dict[str, dict[str, Any]] = {
    **ENUM_FIELDS,
    **{
        f"{field}_precision": _PRECISIONS
        for model in NODE_MODELS.values()
        for field in model.dated_fields
    },
}
#: The date each dated kind's ``when`` is (``PLACED_BY``).
_WHEN_FIELD = {
    NodeKind(label): field
    for label, field in PLACED_BY.items()
    if issubclass(KIND_TYPES[NodeKind(label)], Dated)
}


def build_node(graph: Subgraph, node_id: str) -> Node:
    """The GraphQL object for a node of the answer, built once per answer."""
    node: Node | None = graph.built.get(node_id)
    if node is None:
        props = graph.nodes[node_id]
        kind = kind_of(props)
        cls = KIND_TYPES[kind]
        values = _common(graph, props, kind)
        for name in _FIELDS[cls]:
            default: Any = [] if name in _LIST_FIELDS else None
            values[name] = props.get(name, default)
            members = _ENUM_FIELDS.get(name)
            if members is not None:
                values[name] = members.get(values[name] or "")
        when = _WHEN_FIELD.get(kind)
        if when is not None:
            values["_when"] = partial_date(props.get(when), props.get(f"{when}_precision"))
        node = graph.built[node_id] = cls(**values)
    return node
