"""The API's executor (api/graphql/executor.py) must answer exactly as graphql-core's own:
the same data and the same errors, on hand-picked documents and on generated ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from inspect import isawaitable
from typing import Any

import graphql
import strawberry
from anyio.from_thread import start_blocking_portal
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import from_schema

from api.graphql import build_schema
from api.graphql.context import RequestContext
from api.graphql.executor import AttributeExecutor
from graph import AsyncReader, GraphClient, GraphSettings, open_async_driver
from tests.test_graphql_fuzz import SCALARS

SCHEMA = build_schema()
REMARK = "statement:takaichi-2025-11-07-diet"
DOCUMENTS = [
    # chains: objects behind an interface, lists of them, resolver fields inside
    f"""{{ causalChains(from: "{REMARK}", toKind: INDUSTRY, maxHops: 6, first: 25) {{
         score hops nodes {{ id name kind __typename }}
         steps {{ cause {{ id name ... on Industry {{ sector }} }} effect {{ id }}
                  relation forward confidence status method validFrom quote
                  sources {{ id title url published reliability }} }} }} }}""",
    # aliases, the same field twice, fragments on several kinds
    f"""{{ a: node(id: "{REMARK}") {{ id ...F }} b: node(id: "{REMARK}") {{ id id name }} }}
        fragment F on Node {{ name kind ... on Statement {{ date quote }}
          relations(first: 3) {{ type direction other {{ id __typename }} sources {{ id }} }} }}""",
    """{ search(text: "rare earth", first: 10) { score node { id name kind
         ... on Policy { announced legalRef } ... on Mineral { symbol } } } }""",
    """{ policies(filter: {country: "country:JPN"}, sort: DATE, first: 5) {
         totalCount pageInfo { hasNextPage endCursor }
         edges { cursor node { id name announced } } nodes { id } } }""",
    """{ timeline(countries: ["country:JPN"], first: 15) { totalCount capped codedEvents
         items { id __typename ... on Event { date } ... on Policy { announced } } } }""",
    """{ neighbourhood(id: "mineral:Dy", depth: 2, limit: 40) { hubs elements } }""",
    """{ impact(policy: "policy:cn-2026-01-dual-use-ban-japan", country: "country:JPN") {
         policy { id } industries { exposure industry { id name } terms {
           intensity intensityAssumed share shareAssumed supplyFactor value
           mineral { id } chain { relation cause { id } } shareEvidence { confidence } } } } }""",
    """{ inForce(asOf: "2026-02-01", first: 10) { id name announced } }""",
    """{ minerals(first: 30) { nodes { id name symbol sources { id } } } }""",
    # errors: not found at the root, bad input, an error inside a list
    """{ node(id: "nope:1") { id } }""",
    """{ ok: node(id: "mineral:Dy") { id } missing: node(id: "nope:2") { id } }""",
    """{ causalChains(from: "mineral:Dy", maxHops: 99) { hops } }""",
    # directives with variables
    """query($yes: Boolean!, $no: Boolean!) { node(id: "mineral:Dy") {
         id name @include(if: $yes) aliases @skip(if: $yes) kind @include(if: $no) } }""",
    graphql.get_introspection_query(),
]


Answer = Callable[..., graphql.FormattedExecutionResult]


def _comparable(answer: graphql.FormattedExecutionResult) -> tuple[Any, ...]:
    """What both executors must agree on. Root fields run concurrently, so their errors come
    in the order they finish; and when one nulls the whole answer, the others are cancelled,
    so which of their errors were recorded by then is a race as well."""
    errors = sorted(repr(e) for e in answer.get("errors", []))
    data = answer.get("data")
    return (data, bool(errors)) if data is None else (data, errors)


@contextmanager
def _answering(client: GraphClient, settings: GraphSettings) -> Iterator[Answer]:
    """Answers a document with both executors, as the API does: on an event loop (here a
    portal's), its queries read through the async driver."""

    async def both(
        reader: AsyncReader, text: str, variables: dict[str, Any] | None
    ) -> graphql.FormattedExecutionResult:
        document = graphql.parse(text)
        answers = []
        for executor in (None, AttributeExecutor):
            outcome = graphql.execute(
                SCHEMA._schema,
                document,
                context_value=RequestContext(client=client, reader=reader),
                variable_values=variables,
                executor_class=executor,
            )
            answers.append((await outcome if isawaitable(outcome) else outcome).formatted)
        assert _comparable(answers[0]) == _comparable(answers[1]), text
        return answers[1]

    async def opened() -> AsyncReader:
        return AsyncReader(open_async_driver(settings), client)

    with start_blocking_portal() as portal:
        reader = portal.call(opened)
        try:
            yield lambda text, variables=None: portal.call(both, reader, text, variables)
        finally:
            portal.call(reader.driver.close)


def test_hand_picked_documents_get_the_same_answers(
    corpus_client: GraphClient, graph_settings: GraphSettings
) -> None:
    clean = []
    with _answering(corpus_client, graph_settings) as both:
        for text in DOCUMENTS:
            document = graphql.parse(text)
            assert not graphql.validate(SCHEMA._schema, document), text
            answer = both(text, {"yes": True, "no": False})
            clean.append("errors" not in answer and bool(answer.get("data")))
    # every document but the three written to fail answers with data and no error
    assert clean == [True] * 9 + [False] * 3 + [True] * 2


def test_generated_documents_get_the_same_answers(
    corpus_client: GraphClient, graph_settings: GraphSettings
) -> None:
    with _answering(corpus_client, graph_settings) as both:

        @settings(
            max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(from_schema(SCHEMA.as_str(), custom_scalars=SCALARS))
        def same(text: str) -> None:
            both(text)

        same()


# A small schema of its own: objects with interfaces, and values of the wrong class.
@strawberry.interface
class Thing:
    id: strawberry.ID


@strawberry.type
class Rock(Thing):
    hardness: int


@strawberry.type
class Tree(Thing):
    height: int


@strawberry.type
class Pebble:
    weight: int | None


ROCK, TREE = Rock(id=strawberry.ID("r"), hardness=7), Tree(id=strawberry.ID("t"), height=3)
CRACKED = Pebble(weight="heavy")  # type: ignore[arg-type]  # not an Int: an error each time


@strawberry.type
class Ground:
    @strawberry.field
    def rocks(self) -> list[Rock] | None:
        cast = strawberry.cast(Tree, Rock(id=strawberry.ID("c"), hardness=1))
        return [ROCK, TREE, cast]  # type: ignore[list-item]

    @strawberry.field
    def first(self) -> Rock | None:
        return TREE  # type: ignore[return-value]

    @strawberry.field
    def cast(self) -> Rock | None:
        return strawberry.cast(Tree, Rock(id=strawberry.ID("c"), hardness=1))

    @strawberry.field
    def things(self) -> list[Thing]:
        return [ROCK, TREE]

    @strawberry.field
    def pebbles(self) -> list[Pebble]:
        return [CRACKED, CRACKED]

    @strawberry.field
    def pair(self) -> list[Rock]:
        return [ROCK, ROCK]


def test_objects_of_another_type_are_refused_as_graphql_core_refuses_them() -> None:
    """A field typed as an object type with interfaces gets an object of another class, or
    one ``strawberry.cast`` to another type: both executors answer alike (strawberry takes an
    object of the interface's class, and refuses the cast one)."""
    schema = strawberry.Schema(query=Ground, types=[Rock, Tree])._schema
    document = graphql.parse(
        "{ rocks { id hardness } first { id } cast { id } things { id ... on Tree { height } } }"
    )
    general, short = (
        _comparable(
            graphql.execute_sync(
                schema, document, root_value=Ground(), executor_class=executor
            ).formatted
        )
        for executor in (None, AttributeExecutor)
    )
    assert short == general
    assert general[0] == {
        "rocks": None,
        "first": {"id": "t"},
        "cast": None,
        "things": [{"id": "r"}, {"id": "t", "height": 3}],
    }
    assert any("no attribute 'hardness'" in error for error in general[1])
    assert any("Expected value of type 'Rock'" in error for error in general[1])


def test_an_object_met_twice_reports_its_error_at_each_place() -> None:
    """The executor completes an object met again under the same selection once, unless
    completing it recorded an error: then each place gets its own error, as in graphql-core."""
    schema = strawberry.Schema(query=Ground, types=[Rock, Tree])._schema
    document = graphql.parse("{ pebbles { weight } pair { id hardness } }")
    general, short = (
        graphql.execute_sync(schema, document, root_value=Ground(), executor_class=executor)
        for executor in (None, AttributeExecutor)
    )
    assert _comparable(short.formatted) == _comparable(general.formatted)
    assert short.data == {
        "pebbles": [{"weight": None}, {"weight": None}],
        "pair": [{"id": "r", "hardness": 7}, {"id": "r", "hardness": 7}],
    }
    assert sorted(e.path for e in short.errors or []) == [
        ["pebbles", 0, "weight"],
        ["pebbles", 1, "weight"],
    ]
