"""The root ``Query``: one Cypher query per root field, nested selections included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.graphql.analytics import AnalyticsFields
from api.graphql.audit import AuditFields
from api.graphql.chains import Chain, build_chain, chains_then
from api.graphql.context import RequestContext
from api.graphql.enums import Direction, NodeKind, RelationType, SortField, SortOrder, Status
from api.graphql.errors import ErrorCode, UserFacingError
from api.graphql.history import HistoryFields, KnownAt, known_at
from api.graphql.impact import Impact, build_impact
from api.graphql.neighbourhood import Elements, build_elements
from api.graphql.nodes import KIND_TYPES, Node, Policy, Source, build_node, sources_of
from api.graphql.pagination import (
    Connection,
    build_connection,
    check_first,
    page_request,
    scope_of,
    total_count_cap,
)
from api.graphql.research import ResearchFields
from api.graphql.review import ReviewFields
from api.graphql.search import SearchFields
from api.graphql.selection import RelationPlan, fields_named, relation_plan
from api.graphql.timeline import (
    CODED_EVENT_FIELDS,
    CODED_EVENTS_CAP,
    Timeline,
    build_timeline,
)

__all__ = ["Query"]

MAX_CHAINS = 50
MAX_HOPS = 6
MAX_NEIGHBOURS = 500
#: How many relationships one node lends to the next ring of a neighbourhood (a hub's sample).
NEIGHBOUR_FANOUT = 1_000
MAX_TIMELINE = 1000


def _ctx(info: Info[RequestContext, None]) -> RequestContext:
    return info.context


def _depth(info: Info[RequestContext, None]) -> RelationPlan:
    return relation_plan(info.selected_fields)


def _not_found(what: str, node_id: str) -> UserFacingError:
    return UserFacingError(f"no {what} with id {node_id!r}", ErrorCode.NOT_FOUND, id=node_id)


@strawberry.input(description="Filters for a list; all given ones must hold.")
class NodeFilter:
    text: str | None = strawberry.field(
        default=None, description="Name or alias contains this (any case)."
    )
    country: strawberry.ID | None = strawberry.field(
        default=None, description="Linked to this country within two structural hops."
    )
    date_from: dt.date | None = strawberry.field(
        default=None, name="from", description="Dated on or after (statements, policies, events)."
    )
    date_to: dt.date | None = strawberry.field(default=None, name="to", description="On or before.")
    status: Status | None = None
    min_confidence: float | None = strawberry.field(
        default=None, description="Every link to `country` at least this confident."
    )
    datasets: list[str] | None = strawberry.field(
        default=None,
        description="Coded event datasets to list as well (`gdelt`, `polecat`); curated "
        "knowledge only when null.",
    )


@strawberry.type(description="Someone who held an office, and when.")
class Holding:
    person: Node
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: Status
    sources: list[Source]


def _list_resolver(
    kind: NodeKind, cls: type[Node]
) -> Callable[..., Coroutine[Any, Any, Connection[Any]]]:
    async def resolve(
        info: Info[RequestContext, None],
        filter: NodeFilter | None = None,
        sort: SortField = SortField.NAME,
        order: SortOrder = SortOrder.ASC,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Any]:
        f = filter or NodeFilter()
        where = {
            "text": f.text,
            "country": f.country,
            "from": f.date_from,
            "to": f.date_to,
            "status": f.status.value if f.status else None,
            "minConfidence": f.min_confidence,
            "datasets": sorted(f.datasets or []),
        }
        request = page_request(
            scope_of(kind.value, sort.value, sorted(where.items())), first, after, last, before
        )
        # A backward page is the forward page of the opposite order, read back to front.
        reading = order if request.forward else _REVERSED[order]
        after_key, after_id = request.cursor or (None, None)
        selected = [sel for field in info.selected_fields for sel in field.selections]
        listed = fields_named(selected, {"edges", "nodes"})
        cap = total_count_cap(selected)
        graph = await _ctx(info).fetch(
            f"page_{reading.value}",
            relation_plan(listed),
            label=kind.value,
            **where,
            sort=sort.value,
            afterKey=after_key,
            afterId=after_id,
            limit=request.size,
            totalCap=cap,
        )
        keys = [(key, node_id) for key, node_id in graph.extra["keys"][: request.size]]
        return build_connection(
            request,
            keys,
            [build_node(graph, node_id) for _, node_id in keys],
            more=bool(graph.extra["hasNext"]),
            total=graph.extra.get("total"),
            cap=cap,
        )

    resolve.__annotations__["return"] = Connection[cls]  # type: ignore[valid-type]
    return resolve


_REVERSED = {SortOrder.ASC: SortOrder.DESC, SortOrder.DESC: SortOrder.ASC}


class _Query(
    SearchFields, ResearchFields, AnalyticsFields, AuditFields, HistoryFields, ReviewFields
):
    @strawberry.field(
        description="One node by id, with whatever relations you select; null, with a "
        "NOT_FOUND error at its path, for an id the graph does not hold."
    )
    async def node(
        self,
        info: Info[RequestContext, None],
        id: strawberry.ID,
        known_at_: KnownAt = None,
    ) -> Node | None:
        graph = await _ctx(info).fetch("nodes_by_id", _depth(info), ids=[str(id)])
        if known_at_ is not None:
            graph = await known_at(info, graph, known_at_)
        if not graph.roots:
            raise _not_found("node", str(id))
        return build_node(graph, graph.roots[0])

    @strawberry.field(
        description="Several nodes by id, one entry per id asked and in that order: null "
        "where the graph holds no such node."
    )
    async def nodes(
        self, info: Info[RequestContext, None], ids: list[strawberry.ID]
    ) -> list[Node | None]:
        check_first(len(ids), name="ids")
        graph = await _ctx(info).fetch("nodes_by_id", _depth(info), ids=[str(i) for i in ids])
        found = set(graph.roots)
        return [build_node(graph, str(i)) if str(i) in found else None for i in ids]

    @strawberry.field(
        description=(
            "Ranked causal chains from a node, following causal relationships only in the "
            "direction effect flows. score = the product of the steps' confidences."
        )
    )
    async def causal_chains(
        self,
        info: Info[RequestContext, None],
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to_kind: NodeKind | None = None,
        to_country: strawberry.ID | None = None,
        max_hops: int = 4,
        min_confidence: float = 0.0,
        as_of: dt.date | None = None,
        first: int = 10,
        known_at_: KnownAt = None,
    ) -> list[Chain]:
        check_first(first, MAX_CHAINS)
        if not 1 <= max_hops <= MAX_HOPS:
            raise UserFacingError(
                f"`maxHops` must be between 1 and {MAX_HOPS}", ErrorCode.BAD_USER_INPUT
            )
        graph = await _ctx(info).fetch(
            "causal_chains",
            _depth(info),
            **{"from": str(from_)},
            toLabel=to_kind.value if to_kind else None,
            toCountry=str(to_country) if to_country else None,
            maxHops=max_hops,
            minConfidence=min_confidence,
            asOf=as_of,
            # Then, chains found now may be missing or weaker: read the most, keep `first`.
            limit=first if known_at_ is None else MAX_CHAINS,
        )
        if not graph.extra["found"]:
            raise _not_found("node", str(from_))
        chains = graph.extra["chains"]
        if known_at_ is not None:
            graph = await known_at(info, graph, known_at_)
            if str(from_) not in graph.nodes:
                raise _not_found("node", str(from_))
            chains = chains_then(graph, chains, min_confidence)[:first]
        return [build_chain(graph, chain) for chain in chains]

    @strawberry.field(
        description="Industries a policy reaches through the minerals it restricts, by exposure."
    )
    async def impact(
        self,
        info: Info[RequestContext, None],
        policy: strawberry.ID,
        country: strawberry.ID | None = None,
    ) -> Impact:
        graph = await _ctx(info).fetch(
            "impact", _depth(info), policy=str(policy), country=str(country) if country else None
        )
        if not graph.extra["found"]:
            raise _not_found("policy", str(policy))
        return build_impact(graph)

    @strawberry.field(
        description="Statements, policies and events in date order, curated first: coded "
        "events only for the `datasets` asked for, and counted apart. `from`/`to` keep items "
        "whose date range overlaps them (a month-only date covers its month)."
    )
    async def timeline(
        self,
        info: Info[RequestContext, None],
        countries: list[strawberry.ID] | None = None,
        from_: Annotated[dt.date | None, strawberry.argument(name="from")] = None,
        to: dt.date | None = None,
        kinds: list[NodeKind] | None = None,
        datasets: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Coded event datasets to include (`gdelt`, `polecat`); none by default."
            ),
        ] = None,
        first: int = 200,
        known_at_: KnownAt = None,
    ) -> Timeline:
        check_first(first, MAX_TIMELINE)
        chosen = kinds or [NodeKind.STATEMENT, NodeKind.POLICY, NodeKind.EVENT]
        items = [s for f in info.selected_fields for s in f.selections]
        cap = total_count_cap(items)
        graph = await _ctx(info).fetch(
            "timeline",
            relation_plan(fields_named(items, {"items"})),
            labels=[k.value for k in chosen],
            countries=[str(c) for c in countries or []],
            **{"from": from_},
            to=to,
            datasets=datasets or [],
            codedCap=CODED_EVENTS_CAP if fields_named(items, CODED_EVENT_FIELDS) else None,
            totalCap=cap,
            # Then, items recorded later drop out: read the most, keep `first` of the rest.
            limit=first if known_at_ is None else MAX_TIMELINE,
        )
        if known_at_ is None:
            return build_timeline(graph, cap)
        matched = len(graph.roots)
        graph = await known_at(info, graph, known_at_)
        return build_timeline(graph, cap, first, hidden=matched - len(graph.roots))

    @strawberry.field(
        description="Nodes within `depth` hops and the edges among them, ready to draw."
    )
    async def neighbourhood(
        self,
        info: Info[RequestContext, None],
        id: strawberry.ID,
        depth: int = 1,
        rel_types: list[RelationType] | None = None,
        datasets: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Coded event datasets to draw as well (`gdelt`, `polecat`); "
                "curated knowledge only when null. Coded events left out are counted in "
                "`codedEvents`."
            ),
        ] = None,
        limit: int = 100,
    ) -> Elements:
        if not 1 <= depth <= 3:
            raise UserFacingError("`depth` must be 1, 2 or 3", ErrorCode.BAD_USER_INPUT)
        check_first(limit, MAX_NEIGHBOURS, name="limit")
        selected = [s for f in info.selected_fields for s in f.selections]
        graph = await _ctx(info).fetch(
            "neighbourhood",
            RelationPlan(((), ()), sources=False),  # elements name their sources by id
            id=str(id),
            depth=depth,
            relTypes=[t.value for t in rel_types or []],
            datasets=datasets or [],
            limit=limit,
            fanout=NEIGHBOUR_FANOUT,
            codedCap=CODED_EVENTS_CAP if fields_named(selected, CODED_EVENT_FIELDS) else None,
        )
        if not graph.extra["found"]:
            raise _not_found("node", str(id))
        return build_elements(graph)

    @strawberry.field(
        description="Who held an office on a date (every holder when `asOf` is null)."
    )
    async def holders(
        self, info: Info[RequestContext, None], office: strawberry.ID, as_of: dt.date | None = None
    ) -> list[Holding]:
        graph = await _ctx(info).fetch(
            "office_holders", _depth(info), office=str(office), asOf=as_of
        )
        if not graph.extra["found"]:
            raise _not_found("office", str(office))
        holdings = []
        for person in graph.extra["holders"]:
            rel = graph.relationship(person, "HOLDS_OFFICE", str(office), "")
            props = rel["properties"] if rel else {}
            holdings.append(
                Holding(
                    person=build_node(graph, person),
                    valid_from=props.get("valid_from"),
                    valid_to=props.get("valid_to"),
                    status=Status(props.get("status", "unverified")),
                    sources=sources_of(graph, props.get("sources", [])),
                )
            )
        return holdings

    @strawberry.field(
        description="Policies in force on a date, optionally issued from one country."
    )
    async def in_force(
        self,
        info: Info[RequestContext, None],
        as_of: dt.date,
        country: strawberry.ID | None = None,
        first: int = 100,
    ) -> list[Policy]:
        check_first(first)
        graph = await _ctx(info).fetch(
            "in_force",
            _depth(info),
            asOf=as_of,
            country=str(country) if country else None,
            limit=first,
        )
        return [build_node(graph, node_id) for node_id in graph.roots]  # type: ignore[misc]


_PLURALS = {
    NodeKind.COUNTRY: "countries",
    NodeKind.PLACE: "places",
    NodeKind.LEADER: "leaders",
    NodeKind.OFFICE: "offices",
    NodeKind.ORGANIZATION: "organizations",
    NodeKind.STATEMENT: "statements",
    NodeKind.POLICY: "policies",
    NodeKind.EVENT: "events",
    NodeKind.MINERAL: "minerals",
    NodeKind.MINE: "mines",
    NodeKind.INDUSTRY: "industries",
    NodeKind.SOURCE: "sources",
    NodeKind.TRADE_FLOW: "trade_flows",
}
for _kind, _cls in KIND_TYPES.items():
    setattr(
        _Query,
        _PLURALS[_kind],
        strawberry.field(
            resolver=_list_resolver(_kind, _cls),
            description=f"{_kind.value} nodes: filtered, sorted, keyset-paged.",
        ),
    )

Query = strawberry.type(_Query, name="Query")
_ = Direction  # the enum is part of the schema through Node.relations
