"""The API as a GraphQL client sees it: Relay conventions, enums, shared fields, input errors.

Written the way a front end written with graphql-request and GraphQL Code Generator would
use the API, against the curated corpus on the real server.
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import ValidationContext, ValidationRule
from strawberry.extensions import AddValidationRules, SchemaExtension

from api import ApiSettings, create_app
from graph import GraphClient, GraphSettings
from tests.http import GRAPHQL_RESPONSE, graphql_answer, in_process

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env")]
GQL = GRAPHQL_RESPONSE


async def ask(client: GraphClient, query: str, **variables: Any) -> dict[str, Any]:
    return await graphql_answer(client, query, **variables)


def codes(body: dict[str, Any]) -> list[str | None]:
    return [(e.get("extensions") or {}).get("code") for e in body.get("errors", [])]


# --- Partial answers ---------------------------------------------------------------------


async def test_one_unknown_id_loses_only_its_own_field(corpus_client: GraphClient) -> None:
    body = await ask(
        corpus_client, '{ a: node(id: "country:JPN") { id } b: node(id: "country:XXX") { id } }'
    )
    assert body["data"] == {"a": {"id": "country:JPN"}, "b": None}
    assert [e["path"] for e in body["errors"]] == [["b"]]
    assert codes(body) == ["NOT_FOUND"]


async def test_nodes_answers_one_entry_per_id_sent_in_order(corpus_client: GraphClient) -> None:
    body = await ask(
        corpus_client,
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
        ids=["country:CHN", "country:XXX", "country:JPN", "country:CHN"],
    )
    assert body["data"]["nodes"] == [
        {"id": "country:CHN"},
        None,
        {"id": "country:JPN"},
        {"id": "country:CHN"},
    ]


# --- Relay pagination ----------------------------------------------------------------------

PAGE = """query($first: Int, $after: String, $last: Int, $before: String, $sort: SortField) {
  policies(first: $first, after: $after, last: $last, before: $before, sort: $sort) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def _all_policies(client: GraphClient) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        page = (await ask(client, PAGE, first=7, after=after))["data"]["policies"]
        ids += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return ids
        after = page["pageInfo"]["endCursor"]


@pytest.mark.slow  # walks a whole list page by page; the forward walk stays fast
async def test_last_and_before_walk_the_same_list_backward(corpus_client: GraphClient) -> None:
    forward = await _all_policies(corpus_client)
    assert len(forward) > 20
    backward: list[str] = []
    before = None
    pages = []
    while True:
        page = (await ask(corpus_client, PAGE, last=7, before=before))["data"]["policies"]
        pages.append(page)
        backward = [edge["node"]["id"] for edge in page["edges"]] + backward
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert backward == forward
    last_page, first_page = pages[0], pages[-1]
    assert last_page["pageInfo"]["hasNextPage"] is False  # nothing after the end
    assert len(last_page["edges"]) == 7
    assert first_page["pageInfo"]["hasPreviousPage"] is False
    assert first_page["pageInfo"]["hasNextPage"] is True
    info = last_page["pageInfo"]
    assert info["startCursor"] == last_page["edges"][0]["cursor"]
    assert info["endCursor"] == last_page["edges"][-1]["cursor"]


async def test_first_zero_answers_no_edges_and_counts_as_relay_specifies(
    corpus_client: GraphClient,
) -> None:
    page = (await ask(corpus_client, PAGE, first=0))["data"]["policies"]
    assert page["edges"] == []
    assert page["totalCount"] > 0
    # The specification: more edges than `first` remain, so hasNextPage; no edge, no cursor
    # (continuing from a null cursor is starting from the top, which is right).
    assert page["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


async def test_a_cursor_works_only_for_its_own_list_sort_and_filter(
    corpus_client: GraphClient,
) -> None:
    page = (await ask(corpus_client, PAGE, first=3, sort="DATE"))["data"]["policies"]
    cursor = page["pageInfo"]["endCursor"]
    same = await ask(corpus_client, PAGE, first=3, after=cursor, sort="DATE")
    assert "errors" not in same
    for query, variables in [
        (PAGE, {"first": 3, "after": cursor, "sort": "NAME"}),
        ("query($c: String) { statements(first: 3, after: $c) { nodes { id } } }", {"c": cursor}),
        (
            "query($c: String) { policies(first: 3, after: $c, sort: DATE,"
            " filter: {status: CONFIRMED}) { nodes { id } } }",
            {"c": cursor},
        ),
        ("query($c: String) { policies(first: 3, after: $c) { nodes { id } } }", {"c": "junk"}),
    ]:
        body = await ask(corpus_client, query, **variables)
        assert codes(body) == ["BAD_USER_INPUT"], (query, body)
        assert body["data"] is None or all(v is None for v in body["data"].values())


async def test_paging_arguments_that_contradict_each_other_are_refused(
    corpus_client: GraphClient,
) -> None:
    body = await ask(corpus_client, "{ policies(first: 2, last: 2) { nodes { id } } }")
    assert codes(body) == ["BAD_USER_INPUT"]
    assert "not both" in body["errors"][0]["message"]


# --- Types a code generator can use --------------------------------------------------------

INTROSPECT = """{ __schema { types { name kind
  interfaces { name }
  fields { name type { ...T } } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }"""


def _named(type_: dict[str, Any]) -> dict[str, Any]:
    while type_.get("ofType"):
        type_ = type_["ofType"]
    return type_


def _signature(type_: dict[str, Any] | None) -> str:
    if type_ is None:
        return ""
    inner = _signature(type_.get("ofType"))
    if type_["kind"] == "NON_NULL":
        return inner + "!"
    if type_["kind"] == "LIST":
        return f"[{inner}]"
    return str(type_["name"])


@pytest.fixture
async def types(corpus_client: GraphClient) -> list[dict[str, Any]]:
    body = await ask(corpus_client, INTROSPECT)
    return [t for t in body["data"]["__schema"]["types"] if not t["name"].startswith("__")]


#: Fields that hold a closed set wherever they appear.
CLOSED = {
    "kind",
    "status",
    "type",
    "method",
    "reliability",
    "sourceKind",
    "direction",
    "effectFlows",
    "stance",
    "policyType",
    "orgType",
    "group",
    "futureDate",
    "precision",
}


async def test_every_closed_set_is_an_enum(types: list[dict[str, Any]]) -> None:
    strings = [
        f"{t['name']}.{f['name']}"
        for t in types
        if t["kind"] in {"OBJECT", "INTERFACE"}
        for f in t["fields"] or []
        if (f["name"] in CLOSED or f["name"].endswith("Precision"))
        and _named(f["type"])["kind"] != "ENUM"
    ]
    assert strings == []


async def test_shared_fields_have_one_type_on_every_kind(types: list[dict[str, Any]]) -> None:
    # A union or interface selection (`... on Statement { summary } ... on Event { summary }`)
    # validates only when the same field name has the same type on every node type.
    node_types = [t for t in types if any(i["name"] == "Node" for i in t.get("interfaces") or [])]
    seen: dict[str, dict[str, str]] = {}
    for t in node_types:
        for f in t["fields"]:
            seen.setdefault(f["name"], {})[t["name"]] = _signature(f["type"])
    differing = {name: kinds for name, kinds in seen.items() if len(set(kinds.values())) > 1}
    assert differing == {}


async def test_dated_kinds_share_one_date_with_its_precision(corpus_client: GraphClient) -> None:
    body = await ask(
        corpus_client,
        """{ timeline(first: 1000) { items { __typename ... on Dated {
             when { value precision earliest latest display } } } } }""",
    )
    acts = body["data"]["timeline"]["items"]
    assert {a["__typename"] for a in acts} >= {"Statement", "Policy"}
    months = [a["when"] for a in acts if a["when"]["precision"] == "MONTH"]
    assert months, "the corpus has facts known only to the month"
    for when in months:
        assert when["value"] == when["earliest"]
        assert when["latest"][:7] == when["earliest"][:7]
        assert when["latest"][8:] >= "28"
        assert when["display"].count(" ") == 1  # "Nov 2025", never a day
    days = [a["when"] for a in acts if a["when"]["precision"] == "DAY"]
    assert all(w["earliest"] == w["latest"] == w["value"] for w in days)


# --- Arguments and input errors ------------------------------------------------------------


async def test_countries_are_named_by_their_id_in_every_argument(
    corpus_client: GraphClient,
) -> None:
    body = await ask(
        corpus_client,
        """{ importDependence(importer: "country:JPN", exporter: "country:CHN",
                              mineral: "mineral:rare-earths") { importer } }""",
    )
    assert "errors" not in body, body
    bad = await ask(
        corpus_client,
        """{ importDependence(importer: "Japan", exporter: "country:CHN",
                              mineral: "mineral:rare-earths") { importer } }""",
    )
    assert codes(bad) == ["BAD_USER_INPUT"]
    assert "country:JPN" in bad["errors"][0]["message"]


@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        ("{ policies(sort: SIDEWAYS) { nodes { id } } }", {}, "GRAPHQL_VALIDATION_FAILED"),
        ("{ node(id: 5 { id } }", {}, "GRAPHQL_PARSE_FAILED"),
        ("{ nope }", {}, "GRAPHQL_VALIDATION_FAILED"),
        ("query($n: Int!) { policies(first: $n) { nodes { id } } }", {"n": "x"}, "BAD_USER_INPUT"),
        ("query($s: Status) { policies(filter: {status: $s}) { nodes { id } } }",
         {"s": "SURE"}, "BAD_USER_INPUT"),
    ],
)  # fmt: skip
async def test_every_input_error_carries_a_code(
    corpus_client: GraphClient, query: str, variables: dict[str, Any], code: str
) -> None:
    body = await ask(corpus_client, query, **variables)
    assert codes(body) == [code] * len(body["errors"]), body


# --- Strawberry runs the schema, extensions included ----------------------------------------


class _Stamp(SchemaExtension):
    """What a tracing extension would do: add to every answer."""

    def get_results(self) -> dict[str, Any]:
        return {"stamped": True}


async def test_schema_extensions_run_and_change_the_answer(corpus_client: GraphClient) -> None:
    app = create_app(ApiSettings(), GraphSettings(), client=corpus_client, extensions=[_Stamp])
    async with in_process(app) as http:
        response = await http.post(
            "/graphql", json={"query": '{ node(id: "country:JPN") { id } }'}, headers=GQL
        )
    assert response.json()["data"] == {"node": {"id": "country:JPN"}}
    assert response.json()["extensions"] == {"stamped": True}


async def test_a_document_asked_again_is_not_validated_again(corpus_client: GraphClient) -> None:
    """The validation cache is keyed by the rules as well as the document: the limits' rules
    are made once per schema, so a document asked again (the common case) is validated once."""
    validations: list[str] = []

    class Counted(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            validations.append("validated")

    app = create_app(
        ApiSettings(),
        GraphSettings(),
        client=corpus_client,
        extensions=[lambda: AddValidationRules([Counted])],
    )
    query = '{ node(id: "country:JPN") { id name } }'
    async with in_process(app) as http:
        for _ in range(3):
            response = await http.post("/graphql", json={"query": query}, headers=GQL)
            assert response.json()["data"]["node"]["id"] == "country:JPN"
    assert validations == ["validated"]
