"""GraphQL over HTTP: the graphql-http audit, negotiation, limits, and who may write."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api import ApiSettings, create_app
from api.graphql.graphiql import graphiql_html
from graph import GraphClient, GraphSettings, fingerprint
from loaders import load_corpus
from tests.conftest import ROOT
from tests.http import dyad_serve, in_process

AUDIT = ROOT / "tests" / "http_audit"
GQL = "application/graphql-response+json"
TOKEN = "test-curator-token"


@pytest.fixture
def served(corpus_client: GraphClient, graph_settings: GraphSettings) -> Iterator[str]:
    """`dyad serve` on a free port against the test database; yields the /graphql URL."""
    with dyad_serve(graph_settings.effective_uri()) as url:
        yield f"{url}/graphql"


def test_graphql_http_audit_has_no_errors_and_no_warnings(served: str) -> None:
    node = shutil.which("node")
    assert node, "Node.js runs the graphql-http audit"
    assert (AUDIT / "node_modules" / "graphql-http").is_dir(), "run `make install` (npm ci)"
    result = subprocess.run(
        [node, str(AUDIT / "audit.mjs"), served],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert report["summary"]["error"] == 0, report["problems"]
    assert report["summary"]["warn"] == 0, report["problems"]
    assert report["summary"]["ok"] == report["total"] >= 61


async def _post(
    client: GraphClient, body: Any, *, token: str | None = TOKEN, **headers: str
) -> httpx.Response:
    settings = ApiSettings(API_TOKEN=token) if token else ApiSettings()  # type: ignore[call-arg]
    app = create_app(settings, GraphSettings(), client=client)
    async with in_process(app) as http:
        if isinstance(body, bytes):
            return await http.post("/graphql", content=body, headers=headers)
        return await http.post("/graphql", json=body, headers={"accept": GQL, **headers})


CREATE = """mutation($input: StatementInput!) { createStatement(input: $input) {
  id ... on Statement { date } relations { type other { id } status } } }"""
STATEMENT = {
    "id": "statement:test-new",
    "name": "A new statement",
    "date": "2026-01-07",
    "summary": "Said for the test.",
    "stance": "critical",
    "speaker": "leader:sanae-takaichi",
    "sources": ["source:seed-article"],
    "about": ["country:CHN"],
}


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("token_configured", "header", "status", "code"),
    [
        (False, f"Bearer {TOKEN}", 403, "MUTATIONS_DISABLED"),
        (True, None, 401, "UNAUTHENTICATED"),
        (True, "Bearer wrong", 403, "FORBIDDEN"),
        (True, f"Basic {TOKEN}", 401, "UNAUTHENTICATED"),
    ],
)
async def test_mutations_need_the_token(
    empty_client: GraphClient, token_configured: bool, header: str | None, status: int, code: str
) -> None:
    load_corpus(empty_client, [ROOT / "loaders" / "corpus"])
    before = fingerprint(empty_client)
    headers = {"authorization": header} if header else {}
    response = await _post(
        empty_client,
        {"query": CREATE, "variables": {"input": STATEMENT}},
        token=TOKEN if token_configured else None,
        **headers,
    )
    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"] == code
    assert fingerprint(empty_client) == before


@pytest.mark.anyio
async def test_a_curator_creates_a_statement_validated_like_the_loader(
    empty_client: GraphClient,
) -> None:
    load_corpus(empty_client, [ROOT / "loaders" / "corpus"])
    auth = {"authorization": f"Bearer {TOKEN}"}
    ok = await _post(empty_client, {"query": CREATE, "variables": {"input": STATEMENT}}, **auth)
    body = ok.json()
    assert ok.status_code == 200, body
    created = body["data"]["createStatement"]
    assert created["date"] == "2026-01-07"
    assert {(r["type"], r["other"]["id"]) for r in created["relations"]} == {
        ("MADE_BY", "leader:sanae-takaichi"),
        ("ABOUT", "country:CHN"),
    }

    before = fingerprint(empty_client)
    again = await _post(empty_client, {"query": CREATE, "variables": {"input": STATEMENT}}, **auth)
    assert again.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    bad = STATEMENT | {"id": "statement:test-bad", "speaker": "leader:nobody", "date": "2026-13-01"}
    refused = await _post(empty_client, {"query": CREATE, "variables": {"input": bad}}, **auth)
    error = refused.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["path"] == ["createStatement"]
    problems = " | ".join(error["extensions"]["problems"])
    assert "unknown leader 'leader:nobody'" in problems
    assert "not a real date" in problems
    assert fingerprint(empty_client) == before


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b'{"query": "{ __typename }"}', {"content-type": "text/plain"}, 415),
        (b'[{"query": "{ __typename }"}]', {"content-type": "application/json"}, 400),
        (
            b'{"query": "{ __typename }"}',
            {"content-type": "application/json", "accept": "text/csv"},
            406,
        ),
        (
            json.dumps({"query": "{ __typename }", "x": "a" * 300_000}).encode(),
            {"content-type": "application/json"},
            413,
        ),
    ],
)
async def test_requests_the_endpoint_refuses(
    graph_client: GraphClient, body: bytes, headers: dict[str, str], status: int
) -> None:
    response = await _post(graph_client, body, **headers)
    assert response.status_code == status
    assert response.json()["errors"][0]["message"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("{ " + " ".join(f"a{i}: __typename" for i in range(40)) + " }", "aliases"),
        (
            '{ node(id: "x") { ' + "relations { other { " * 8 + "id" + " } }" * 8 + " } }",
            "exceeds maximum operation depth",
        ),
        ("{ " + "__typename " * 5000 + "}", "token"),
    ],
)
async def test_abusive_queries_are_refused_before_they_run(
    graph_client: GraphClient, query: str, fragment: str
) -> None:
    graph_client.round_trips = 0
    response = await _post(graph_client, {"query": query})
    assert response.status_code == 400
    assert fragment in response.json()["errors"][0]["message"].lower()
    assert graph_client.round_trips == 0


@pytest.mark.anyio
async def test_graphiql_is_served_offline(graph_client: GraphClient) -> None:
    app = create_app(ApiSettings(), GraphSettings(), client=graph_client)
    async with in_process(app) as http:
        page = await http.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 200
        assert "graphiql" in page.text.lower()
        import re

        refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert refs
        for ref in refs:
            if ref.startswith("data:"):
                continue
            assert ref.startswith("/static/vendor/"), ref
            asset = await http.get(ref)
            assert asset.status_code == 200, ref
    assert "unpkg.com" not in graphiql_html()
