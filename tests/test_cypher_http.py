"""The canned queries over HTTP (plain JSON, Datasette-style) and GraphQL, and exports over HTTP."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import networkx as nx  # type: ignore[import-untyped]
import pytest

from api import ApiSettings, create_app
from graph import GraphClient, GraphSettings
from graph.research_catalog import catalog
from tests.http import graphql_answer, in_process

# In-process apps read GraphQL through their own async driver, to NEO4J_URI: the test server.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env")]


async def get(client: GraphClient, url: str, **params: Any) -> Any:
    app = create_app(ApiSettings(), GraphSettings(), client=client)
    async with in_process(app) as http:
        return await http.get(url, params=params)


async def test_the_catalog_lists_every_query_with_typed_parameters(
    corpus_client: GraphClient,
) -> None:
    response = await get(corpus_client, "/queries.json")
    assert response.status_code == 200
    listed = response.json()["queries"]
    assert [q["name"] for q in listed] == list(catalog())
    in_force = next(q for q in listed if q["name"] == "controls_in_force")
    assert set(in_force) == {"name", "title", "description", "parameters", "example"}
    assert in_force["parameters"][0] == {
        "name": "date",
        "type": "date",
        "default": "2026-01-15",
        "description": "the day to look at",
    }


async def test_a_query_answers_rows_and_graph_in_the_contract_shape(
    corpus_client: GraphClient,
) -> None:
    response = await get(
        corpus_client,
        "/queries/chains_remark_to_industry.json",
        statement="statement:takaichi-2025-11-07-diet",
        minConfidence="0.5",
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"name", "columns", "rows", "graph", "truncated", "notifications"}
    assert body["notifications"] == []
    assert body["name"] == "chains_remark_to_industry"
    assert body["columns"] == ["control", "mineral", "industry", "score", "hops", "chain"]
    assert all(row[3] >= 0.5**3 for row in body["rows"])
    chain = body["rows"][0][5]
    assert chain["nodes"][0] == "statement:takaichi-2025-11-07-diet"
    assert chain["relationships"][0]["type"] == "PROVOKED"
    node = body["graph"]["nodes"][0]["data"]
    assert set(node) == {"id", "label", "kind", "status", "date"}
    edge = body["graph"]["edges"][0]["data"]
    assert set(edge) == {
        "id",
        "source",
        "target",
        "type",
        "label",
        "status",
        "confidence",
        "sources",
    }
    ids = {n["data"]["id"] for n in body["graph"]["nodes"]}
    assert all(
        e["data"]["source"] in ids and e["data"]["target"] in ids for e in body["graph"]["edges"]
    )
    assert body["truncated"] is False


async def test_list_parameters_take_commas_or_repeats(corpus_client: GraphClient) -> None:
    app = create_app(ApiSettings(), GraphSettings(), client=corpus_client)
    async with in_process(app) as http:
        repeated = await http.get(
            "/queries/contested_claims.json?statuses=alleged&statuses=reported"
        )
        commas = await http.get("/queries/contested_claims.json?statuses=alleged,reported")
    assert repeated.json()["rows"] == commas.json()["rows"]
    assert {row[2] for row in commas.json()["rows"]} == {"alleged", "reported"}


@pytest.mark.parametrize(
    ("url", "params", "status", "code", "message"),
    [
        ("/queries/nope.json", {}, 404, "NOT_FOUND", "no canned query named 'nope'"),
        (
            "/queries/statements_before_policy.json",
            {"days": "many"},
            400,
            "BAD_PARAMETER",
            "parameter 'days' must be an integer",
        ),
        (
            "/queries/statements_before_policy.json",
            {"dayz": "3"},
            400,
            "BAD_PARAMETER",
            "has no parameter 'dayz'",
        ),
        ("/export/pdf", {}, 404, "NOT_FOUND", "no export format 'pdf'"),
        ("/export/graphml", {"from": "policy:nope"}, 404, "NOT_FOUND", "no node with id"),
        (
            "/export/graphml",
            {"from": "mineral:Dy", "depth": "9"},
            400,
            "BAD_PARAMETER",
            "depth must be between",
        ),
    ],
)
async def test_errors_have_one_json_shape(
    corpus_client: GraphClient,
    url: str,
    params: dict[str, str],
    status: int,
    code: str,
    message: str,
) -> None:
    response = await get(corpus_client, url, **params)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert message in error["message"]


async def test_exports_over_http(corpus_client: GraphClient) -> None:
    graphml = await get(corpus_client, "/export/graphml", depth="1", **{"from": "mineral:Dy"})
    assert graphml.status_code == 200
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.read_graphml(io.BytesIO(graphml.content))
    assert "mineral:Dy" in graph
    assert "policy:cn-2025-04-ree" in graph
    zipped = await get(corpus_client, "/export/csv")
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        assert set(archive.namelist()) == {"nodes.csv", "edges.csv"}


GQL = {"accept": "application/graphql-response+json"}
CANNED = """query($name: String!, $params: JSON) {
  cannedQuery(name: $name, params: $params) { name columns rows graph truncated } }"""


async def ask(client: GraphClient, **variables: Any) -> tuple[int, dict[str, Any]]:
    app = create_app(ApiSettings(), GraphSettings(), client=client)
    async with in_process(app) as http:
        response = await http.post(
            "/graphql", json={"query": CANNED, "variables": variables}, headers=GQL
        )
    return response.status_code, response.json()


async def test_graphql_canned_query_matches_the_json_endpoint(corpus_client: GraphClient) -> None:
    params = {"mineral": "mineral:Tb", "includeGroup": True}
    status, body = await ask(corpus_client, name="alternative_suppliers", params=params)
    assert status == 200, body
    answer = body["data"]["cannedQuery"]
    plain = (
        await get(
            corpus_client,
            "/queries/alternative_suppliers.json",
            mineral="mineral:Tb",
            includeGroup="true",
        )
    ).json()
    assert answer["columns"] == plain["columns"]
    assert answer["rows"] == plain["rows"]
    assert answer["graph"] == plain["graph"]
    assert answer["truncated"] is False


async def test_graphql_canned_query_errors_name_the_problem(corpus_client: GraphClient) -> None:
    _, body = await ask(corpus_client, name="nope")
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert body["errors"][0]["path"] == ["cannedQuery"]
    _, body = await ask(corpus_client, name="statements_before_policy", params={"days": "x"})
    error = body["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "parameter": "days"}
    assert "must be an integer" in error["message"]


async def test_every_graph_answer_draws_a_relationship_alike(corpus_client: GraphClient) -> None:
    """The neighbourhood, a canned query's graph and the Cytoscape export name a relationship
    by one edge id and give it the same data (the neighbourhood says enums as GraphQL does)."""
    centre = "policy:cn-2025-04-ree"
    body = await graphql_answer(
        corpus_client,
        "query($id: ID!) { neighbourhood(id: $id, depth: 1) { elements } }",
        id=centre,
    )
    drawn = body["data"]["neighbourhood"]["elements"]["edges"]
    exported = (await get(corpus_client, "/export/cytoscape", depth="1", **{"from": centre})).json()
    canned = (
        await get(
            corpus_client,
            "/queries/chains_remark_to_industry.json",
            statement="statement:takaichi-2025-11-07-diet",
        )
    ).json()["graph"]["edges"]
    everything = (await get(corpus_client, "/export/cytoscape")).json()["elements"]["edges"]
    by_id = {e["data"]["id"]: e["data"] for e in everything}
    assert drawn
    assert canned
    fields = ("source", "target", "type", "label", "confidence", "sources")
    for edge in [e["data"] for e in drawn + canned]:
        same = by_id[edge["id"]]  # one id scheme: start|TYPE|end|key
        assert edge["id"] == "|".join(
            [same["source"], same["type"], same["target"], same.get("key", "")]
        )
        assert {f: edge[f] for f in fields} == {f: same[f] for f in fields}
        assert edge["status"].lower() == same["status"]
    in_hood = {e["data"]["id"] for e in exported["elements"]["edges"]}
    assert {e["data"]["id"] for e in drawn} <= in_hood
