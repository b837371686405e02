"""The review queue as GraphQL: ``reviewQueue`` (paged) and the curators' decisions.

``acceptCandidate``, ``linkCandidate`` and ``rejectCandidate`` call the very functions
``dyad review`` calls (``loaders/review.py``): validated exactly as the loader validates, the
decision and what it creates written in one transaction with their history, recorded as done
by the ``api token``. They are mutations, so they need the curators' token like the others.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.graphql.analytics import run_analysis
from api.graphql.context import RequestContext
from api.graphql.enums import Status
from api.graphql.pagination import Connection, build_connection, page_request, scope_of
from graph.graph_form import json_safe
from loaders.review import Decision, ReviewItem, accept, link, list_items, read_item, reject
from schema import API_TOKEN_ACTOR, CandidateKind, ReviewLabel, ReviewState

__all__ = ["ReviewFields", "ReviewMutations"]

strawberry.enum(ReviewLabel, name="ReviewKind", description="The kinds of review queue item.")
strawberry.enum(ReviewState, description="Where a queue item stands; nothing leaves the queue.")
strawberry.enum(CandidateKind, description="What a candidate entity may become.")


@strawberry.type(
    description="One item of the review queue: a name the article reader could not link, or a "
    "claim it read. Pending items are not knowledge: no chain, list or search sees them."
)
class QueueItem:
    id: strawberry.ID
    kind: ReviewLabel
    state: ReviewState
    name: str
    source: strawberry.ID | None = strawberry.field(description="The article it was read in.")
    source_title: str | None
    resolved_as: strawberry.ID | None = strawberry.field(
        description="The node it was accepted as, or linked to."
    )
    suggested_kind: CandidateKind | None
    quote: str | None
    start_char: int | None = strawberry.field(
        description="Where the name starts in the article's text (a candidate entity)."
    )
    end_char: int | None = strawberry.field(
        description="Where the name ends in the article's text (exclusive)."
    )
    article_text: str | None = strawberry.field(
        description="The article's whole text: given by `reviewItem`, null in `reviewQueue`."
    )
    created_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    reviewed_by: str | None
    review_reason: str | None
    properties: str = strawberry.field(description="Every stored property, as JSON text.")


@strawberry.type(description="What a review decision did.")
class QueueDecision:
    id: strawberry.ID
    state: ReviewState
    result: str | None = strawberry.field(
        description="What it created or named: a node id, or `start -[TYPE key]-> end`."
    )


def _optional(props: dict[str, Any], name: str) -> Any:
    return props.get(name)


def build_item(item: ReviewItem) -> QueueItem:
    p = item.properties
    kind = p.get("suggested_kind")
    return QueueItem(
        id=strawberry.ID(item.id),
        kind=item.kind,
        state=item.state,
        name=str(p.get("name", "")),
        source=strawberry.ID(item.source) if item.source else None,
        source_title=item.title,
        resolved_as=strawberry.ID(item.resolved_as) if item.resolved_as else None,
        suggested_kind=CandidateKind(kind) if kind else None,
        quote=_optional(p, "quote"),
        start_char=_optional(p, "start_char"),
        end_char=_optional(p, "end_char"),
        article_text=item.article_text,
        created_at=_optional(p, "created_at"),
        reviewed_at=_optional(p, "reviewed_at"),
        reviewed_by=_optional(p, "reviewed_by"),
        review_reason=_optional(p, "review_reason"),
        properties=json.dumps(json_safe(p), sort_keys=True, ensure_ascii=False),
    )


def _decided(decision: Decision) -> QueueDecision:
    return QueueDecision(
        id=strawberry.ID(decision.item), state=decision.state, result=decision.created
    )


@strawberry.input(description="A field the accepted node's kind needs, e.g. org_type=company.")
class FieldValue:
    name: str
    value: str


@strawberry.type(description="The review queue; the root `Query` inherits it.")
class ReviewFields:
    @strawberry.field(
        description="The review queue, oldest first: pending items unless `state` says "
        "otherwise (null: every state); `kind` null lists both kinds."
    )
    async def review_queue(
        self,
        info: Info[RequestContext, None],
        kind: ReviewLabel | None = None,
        state: ReviewState | None = ReviewState.PENDING,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[QueueItem]:
        scope = scope_of("reviewQueue", kind.value if kind else "", state.value if state else "")
        request = page_request(scope, first, after, None, None)
        since = (
            (dt.datetime.fromisoformat(request.cursor[0]), request.cursor[1])
            if (request.cursor)
            else None
        )
        client = info.context.client
        items = await run_analysis(
            lambda: list_items(client, kind=kind, state=state, limit=request.size + 1, after=since)
        )
        page = items[: request.size]
        return build_connection(
            request,
            [(i.properties["created_at"].isoformat(), i.id) for i in page],
            [build_item(i) for i in page],
            more=len(items) > request.size,
            total=None,
        )

    @strawberry.field(
        description="One queue item in any state, with its article's text; null when there is "
        "no such item."
    )
    async def review_item(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> QueueItem | None:
        client = info.context.client
        item = await run_analysis(lambda: read_item(client, str(id)))
        return build_item(item) if item else None


@strawberry.type
class ReviewMutations:
    @strawberry.mutation(
        description="Accept a queue item: create the node (a candidate entity, `as` a kind) "
        "or the relationship (a candidate claim) it proposes, with the article as its source, "
        "validated as the loader validates."
    )
    async def accept_candidate(
        self,
        info: Info[RequestContext, None],
        id: strawberry.ID,
        as_: Annotated[CandidateKind | None, strawberry.argument(name="as")] = None,
        status: Status | None = None,
        confidence: float | None = None,
        fields: list[FieldValue] | None = None,
    ) -> QueueDecision:
        info.context.require_curator()
        client = info.context.client
        given = {f.name: f.value for f in fields or []}
        decision = await run_analysis(
            lambda: accept(
                client,
                str(id),
                kind=as_,
                status=status,
                confidence=confidence,
                fields=given,
                command=API_TOKEN_ACTOR,
            )
        )
        return _decided(decision)

    @strawberry.mutation(description="Record that a candidate entity names a node in the graph.")
    async def link_candidate(
        self, info: Info[RequestContext, None], id: strawberry.ID, to: strawberry.ID
    ) -> QueueDecision:
        info.context.require_curator()
        client = info.context.client
        decision = await run_analysis(
            lambda: link(client, str(id), str(to), command=API_TOKEN_ACTOR)
        )
        return _decided(decision)

    @strawberry.mutation(description="Retire a queue item with a reason; nothing is deleted.")
    async def reject_candidate(
        self, info: Info[RequestContext, None], id: strawberry.ID, reason: str
    ) -> QueueDecision:
        info.context.require_curator()
        client = info.context.client
        decision = await run_analysis(
            lambda: reject(client, str(id), reason, command=API_TOKEN_ACTOR)
        )
        return _decided(decision)
