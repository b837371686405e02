"""Mutations for curators, behind the bearer token; validated exactly as the loader validates."""

from __future__ import annotations

from typing import Any

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from api.graphql.context import RequestContext
from api.graphql.enums import RelationType, Reliability, SourceKind, Stance, Status
from api.graphql.errors import ErrorCode, UserFacingError, user_facing
from api.graphql.nodes import Node, Source, build_node, build_source
from api.graphql.review import ReviewMutations
from graph import GraphClient
from loaders import plan_and_write, validate_records
from schema import API_TOKEN_ACTOR, CAUSAL_TYPES, RelType

__all__ = ["Mutation"]


@strawberry.input
class SourceInput:
    id: strawberry.ID
    title: str
    publisher: str
    reliability: Reliability = strawberry.field(
        description="The source's grade, A to E (docs/CORPUS.md): it decides what facts citing "
        "it may claim."
    )
    origin: str | None = strawberry.field(
        default=None, description="Whose reporting it carries (default: the publisher)."
    )
    source_kind: SourceKind = SourceKind.NEWS_REPORT
    url: str | None = None
    citation: str | None = None
    published: str | None = strawberry.field(
        default=None, description="The source's date: YYYY, YYYY-MM or YYYY-MM-DD"
    )


@strawberry.input
class StatementInput:
    id: strawberry.ID
    name: str
    date: str = strawberry.field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    summary: str
    stance: Stance
    speaker: strawberry.ID = strawberry.field(description="Leader, Organization or Country.")
    sources: list[strawberry.ID]
    quote: str | None = None
    venue: str | None = None
    about: list[strawberry.ID] | None = None
    status: Status = Status.REPORTED
    confidence: float = 0.8


@strawberry.input
class CausalLinkInput:
    start: strawberry.ID
    type: RelationType
    end: strawberry.ID
    sources: list[strawberry.ID]
    confidence: float
    status: Status
    quote: str | None = None
    note: str | None = None
    key: str = ""
    valid_from: str | None = None
    valid_to: str | None = None


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _validate_and_write(client: GraphClient, records: list[tuple[str, dict[str, Any]]]) -> None:
    validated = validate_records(client, records, origin="input")
    plan_and_write(
        client, validated.nodes, validated.relationships, batch_size=1000, by=API_TOKEN_ACTOR
    )


async def _write(
    info: Info[RequestContext, None], records: list[tuple[str, dict[str, Any]]]
) -> None:
    """Validate and write in a worker thread, off the event loop."""
    ctx = info.context
    ctx.require_curator()
    with user_facing():
        await run_in_threadpool(_validate_and_write, ctx.client, records)


async def _refuse_existing(info: Info[RequestContext, None], node_id: str) -> None:
    client = info.context.client
    if await run_in_threadpool(client.read, "load/existing_ids_read", ids=[node_id]):
        raise UserFacingError(
            f"{node_id!r} exists already; curated facts are never overwritten",
            ErrorCode.BAD_USER_INPUT,
        )


async def _fetch_node(info: Info[RequestContext, None], node_id: str) -> Node:
    graph = await info.context.fetch("nodes_by_id", 1, ids=[node_id])
    return build_node(graph, node_id)


@strawberry.type
class Mutation(ReviewMutations):
    @strawberry.mutation(description="Add a Source (a document facts can cite).")
    async def add_source(self, info: Info[RequestContext, None], input: SourceInput) -> Source:
        source_id = str(input.id)
        await _refuse_existing(info, source_id)
        record = _drop_none(
            {
                "id": source_id,
                "name": input.title,
                "title": input.title,
                "publisher": input.publisher,
                "origin": input.origin or input.publisher,
                "reliability": input.reliability.value,
                "source_kind": input.source_kind.value,
                "url": input.url,
                "citation": input.citation,
                "published": input.published,
            }
        )
        await _write(info, [("sources", record)])
        graph = await info.context.fetch("nodes_by_id", 0, ids=[source_id])
        return build_source(graph.nodes[source_id])

    @strawberry.mutation(
        description="Add a Statement with its speaker (MADE_BY) and subjects (ABOUT)."
    )
    async def create_statement(
        self, info: Info[RequestContext, None], input: StatementInput
    ) -> Node:
        statement_id = str(input.id)
        await _refuse_existing(info, statement_id)
        sources = [str(s) for s in input.sources]
        provenance = {
            "sources": sources,
            "confidence": input.confidence,
            "status": input.status.value,
        }
        records: list[tuple[str, dict[str, Any]]] = [
            (
                "statements",
                _drop_none(
                    {
                        "id": statement_id,
                        "name": input.name,
                        "date": input.date,
                        "summary": input.summary,
                        "stance": input.stance.value,
                        "quote": input.quote,
                        "venue": input.venue,
                        "sources": sources,
                        "status": input.status.value,
                    }
                ),
            ),
            (
                "relationships",
                {"start": statement_id, "type": "MADE_BY", "end": str(input.speaker), **provenance},
            ),
        ]
        records += [
            ("relationships", {"start": statement_id, "type": "ABOUT", "end": str(a), **provenance})
            for a in input.about or []
        ]
        await _write(info, records)
        return await _fetch_node(info, statement_id)

    @strawberry.mutation(
        description="Link two nodes by a causal relationship; a parallel claim needs its own key."
    )
    async def link_causal(self, info: Info[RequestContext, None], input: CausalLinkInput) -> Node:
        if RelType(input.type.value) not in CAUSAL_TYPES:
            raise UserFacingError(
                f"{input.type.value} is not a causal type", ErrorCode.BAD_USER_INPUT
            )
        existing = await run_in_threadpool(
            info.context.client.read,
            "mutations/relationship_exists",
            start=str(input.start),
            end=str(input.end),
            type=input.type.value,
            key=input.key,
        )
        if existing and existing[0]["n"]:
            raise UserFacingError(
                "that link exists already; give a parallel claim its own `key`",
                ErrorCode.BAD_USER_INPUT,
            )
        record = _drop_none(
            {
                "start": str(input.start),
                "type": input.type.value,
                "end": str(input.end),
                "sources": [str(s) for s in input.sources],
                "confidence": input.confidence,
                "status": input.status.value,
                "quote": input.quote,
                "note": input.note,
                "key": input.key,
                "valid_from": input.valid_from,
                "valid_to": input.valid_to,
            }
        )
        await _write(info, [("relationships", record)])
        return await _fetch_node(info, str(input.start))
