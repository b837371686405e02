"""GraphQL over HTTP: the graphql-http audit, negotiation, limits, and who may write."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
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

# In-process apps read GraphQL through their own async driver, to NEO4J_URI: the test server.
pytestmark = pytest.mark.usefixtures("graph_settings_env")


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
    "stance": "CRITICAL",
    "speaker": "leader:sanae-takaichi",
    "sources": ["source:jiji-2026-01-30-dependence"],  # grade B: at most "reported" alone
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
    corpus_client: GraphClient, token_configured: bool, header: str | None, status: int, code: str
) -> None:
    before = fingerprint(corpus_client)
    headers = {"authorization": header} if header else {}
    response = await _post(
        corpus_client,
        {"query": CREATE, "variables": {"input": STATEMENT}},
        token=TOKEN if token_configured else None,
        **headers,
    )
    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"] == code
    assert fingerprint(corpus_client) == before


@pytest.mark.anyio
async def test_a_process_runs_no_more_reads_at_once_than_its_threads_setting(
    corpus_client: GraphClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DYAD_THREADS=2: six requests at once are read two by two, the rest waiting their turn.
    Each read waits for a second one to be under way (a barrier of two), so a limit of one
    would fail them and no limit would let more than two run at once."""
    read_text = corpus_client.read_text
    meeting = threading.Barrier(2, timeout=20)
    lock, active, most = threading.Lock(), [0], [0]

    def counted(*args: Any, **kwargs: Any) -> Any:
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
        try:
            meeting.wait()
            return read_text(*args, **kwargs)
        finally:
            with lock:
                active[0] -= 1

    monkeypatch.setattr(corpus_client, "read_text", counted)
    app = create_app(ApiSettings(threads=2), GraphSettings(), client=corpus_client)
    body = {"query": "{ policies(first: 2) { nodes { id } } }"}
    async with in_process(app) as http, anyio.create_task_group() as group:
        answers: list[httpx.Response] = []

        async def ask() -> None:
            answers.append(await http.post("/graphql", json=body, headers={"accept": GQL}))

        for _ in range(6):
            group.start_soon(ask)
    assert [a.json().get("errors") for a in answers] == [None] * 6
    assert most[0] == 2


@pytest.mark.slow  # six writers racing on a freshly loaded corpus
@pytest.mark.anyio
async def test_curators_adding_one_id_at_once_get_one_node_and_no_retry_advice(
    empty_client: GraphClient,
) -> None:
    """Two writes racing for one id: the loser is told why (a constraint, or the id being
    taken), as bad input; never a 503 that invites retrying what cannot succeed."""
    load_corpus(empty_client, [ROOT / "loaders" / "corpus"])
    settings = ApiSettings(API_TOKEN=TOKEN)  # type: ignore[call-arg]
    app = create_app(settings, GraphSettings(), client=empty_client)
    body = {"query": CREATE, "variables": {"input": STATEMENT}}
    headers = {"accept": GQL, "authorization": f"Bearer {TOKEN}"}
    async with in_process(app) as http, anyio.create_task_group() as group:
        answers: list[httpx.Response] = []

        async def create() -> None:
            answers.append(await http.post("/graphql", json=body, headers=headers))

        for _ in range(6):
            group.start_soon(create)
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] * 6, [a.json() for a in answers]
    won = [a for a in answers if "errors" not in a.json()]
    lost = [a.json()["errors"][0]["extensions"]["code"] for a in answers if a not in won]
    assert won
    assert set(lost) <= {"BAD_USER_INPUT"}
    assert all("Retry-After" not in a.headers for a in answers)
    count = empty_client.read_text(
        "MATCH (s:Statement {id: $id}) RETURN count(s) AS n", {"id": STATEMENT["id"]}
    )
    assert count[0]["n"] == 1


@pytest.mark.slow  # a write with its list keys and listings, then reads of it: about 4 s
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

    # The status rules of schema/rules.py hold for mutations as for files.
    for changes, rule in (
        ({"sources": ["source:seed-article"]}, "not_on_e_alone"),
        ({"status": "CONFIRMED"}, "confirmed_needs_support"),
    ):
        unsupported = STATEMENT | {"id": "statement:test-unsupported", **changes}
        refused = await _post(
            empty_client, {"query": CREATE, "variables": {"input": unsupported}}, **auth
        )
        error = refused.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["path"] == ["createStatement"]
        assert any(rule in p for p in error["extensions"]["problems"])
    assert fingerprint(empty_client) == before


JSON_BODY = {"content-type": "application/json"}
MEGABYTE = "a" * 1_000_000
SEARCH_VARIABLE = "query($t: String!) { search(text: $t) { capped } }"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b'{"query": "{ __typename }"}', {"content-type": "text/plain"}, 415),
        pytest.param(b'[{"query": "{ __typename }"}]', JSON_BODY, 400, id="batch of 1"),
        pytest.param(
            json.dumps([{"query": "{ countries { totalCount } }"}] * 1000).encode(),
            JSON_BODY,
            400,
            id="batch of 1,000",
        ),
        (
            b'{"query": "{ __typename }"}',
            {"content-type": "application/json", "accept": "text/csv"},
            406,
        ),
        (json.dumps({"query": "{ __typename }", "x": "a" * 300_000}).encode(), JSON_BODY, 413),
        pytest.param(
            json.dumps({"query": f'{{ search(text: "{MEGABYTE}") {{ capped }} }}'}).encode(),
            JSON_BODY,
            413,
            id="megabyte string argument",
        ),
        pytest.param(
            json.dumps({"query": SEARCH_VARIABLE, "variables": {"t": MEGABYTE}}).encode(),
            JSON_BODY,
            413,
            id="megabyte string variable",
        ),
    ],
)
async def test_requests_the_endpoint_refuses(
    graph_client: GraphClient, body: bytes, headers: dict[str, str], status: int
) -> None:
    graph_client.round_trips = 0
    started = time.monotonic()
    response = await _post(graph_client, body, **headers)
    assert time.monotonic() - started < 5  # refused at the door: milliseconds, in fact
    assert response.status_code == status
    assert response.json()["errors"][0]["message"]
    assert graph_client.round_trips == 0


@pytest.mark.anyio
async def test_a_deeply_nested_json_body_is_refused(graph_client: GraphClient) -> None:
    body = b'{"query": "{ __typename }", "variables": {"x": ' + b"[" * 100_000 + b"]" * 100_000
    response = await _post(graph_client, body + b"}}", **JSON_BODY)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "the request body is JSON nested too deeply"


ALIASES_40 = " ".join(f"a{i}: __typename" for i in range(40))
ALIASES_5_BY_10 = (
    "{ " + " ".join(f"x{i}: countries {{ ...G }}" for i in range(5)) + " } "
    "fragment G on CountryConnection { " + " ".join(f"t{i}: totalCount" for i in range(10)) + " }"
)
RELATIONS_8 = "relations { other { " * 8 + "id" + " } }" * 8
FIRST_OUT_OF_RANGE = "`first` must be between 0 and 100"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("query", "status", "fragment"),
    [
        pytest.param("{ " + ALIASES_40 + " }", 400, "40 aliases", id="alias bomb"),
        pytest.param(
            "{ ...F } fragment F on Query { " + ALIASES_40 + " }",
            400,
            "40 aliases",
            id="alias bomb in a fragment",
        ),
        pytest.param(ALIASES_5_BY_10, 400, "55 aliases", id="aliases multiplied by a fragment"),
        pytest.param(
            '{ node(id: "x") { ' + RELATIONS_8 + " } }",
            400,
            "exceeds maximum operation depth",
            id="deep nesting",
        ),
        pytest.param(
            '{ node(id: "x") { ...R } } fragment R on Node { ' + RELATIONS_8 + " }",
            400,
            "exceeds maximum operation depth",
            id="deep nesting in a fragment",
        ),
        pytest.param("{ " + "__typename " * 5000 + "}", 400, "token", id="token bomb"),
        pytest.param(
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
            400,
            "within itself",
            id="fragment cycle",
        ),
        pytest.param(
            "{ countries(first: 1000000000) { totalCount } }",
            200,
            FIRST_OUT_OF_RANGE,
            id="first: 1000000000",
        ),
        pytest.param(
            '{ search(text: "japan", first: 1000000000) { capped } }',
            200,
            FIRST_OUT_OF_RANGE,
            id="search first: 1000000000",
        ),
        pytest.param(
            "{ countries(first: 10000000000) { totalCount } }",
            400,
            "non 32-bit signed integer",
            id="first beyond Int",
        ),
    ],
)
async def test_abusive_queries_are_refused_before_they_run(
    graph_client: GraphClient, query: str, status: int, fragment: str
) -> None:
    """Refused while parsing or validating (400), or by the field before any Cypher runs
    (200 with a BAD_USER_INPUT error at the field's path, as GraphQL over HTTP wants)."""
    graph_client.round_trips = 0
    response = await _post(graph_client, {"query": query})
    assert response.status_code == status
    body = response.json()
    assert fragment in body["errors"][0]["message"], body
    if status == 200:
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
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


@pytest.mark.anyio
async def test_answers_say_how_long_they_took_and_how_long_neo4j_took(
    graph_client: GraphClient,
) -> None:
    import re

    def timing(response: httpx.Response) -> dict[str, float]:
        header = response.headers["server-timing"]
        return {name: float(ms) for name, ms in re.findall(r"(\w+);dur=([\d.]+)", header)}

    read = await _post(graph_client, {"query": "{ countries(first: 1) { totalCount } }"})
    assert read.status_code == 200, read.text
    spent = timing(read)
    assert 0 < spent["graph"] <= spent["total"]
    # Root fields read concurrently: their overlap counts once.
    several = '{ a: search(text: "rare earth") { capped } b: search(text: "gallium") { capped } '
    several += "c: countries(first: 2) { totalCount } }"
    overlapping = await _post(graph_client, {"query": several})
    assert overlapping.status_code == 200
    assert "errors" not in overlapping.json()
    spent = timing(overlapping)
    assert 0 < spent["graph"] <= spent["total"]
    nothing_read = await _post(graph_client, {"query": "{ __typename }"})
    assert set(timing(nothing_read)) == {"total"}
    refused = await _post(graph_client, {"query": "{ nope }"})
    assert refused.status_code == 400
    assert set(timing(refused)) == {"total"}


@pytest.mark.anyio
async def test_a_curator_adds_a_graded_source(empty_client: GraphClient) -> None:
    add = """mutation($input: SourceInput!) { addSource(input: $input) {
      id reliability origin sourceKind published publishedPrecision } }"""
    source = {
        "id": "source:kyodo-test",
        "title": "A Kyodo report",
        "publisher": "Japan Today",
        "origin": "Kyodo",
        "reliability": "B",
        "published": "2026-03",
        "url": "https://example.org/kyodo",
    }
    auth = {"authorization": f"Bearer {TOKEN}"}
    response = await _post(empty_client, {"query": add, "variables": {"input": source}}, **auth)
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["addSource"] == {
        "id": "source:kyodo-test",
        "reliability": "B",
        "origin": "Kyodo",
        "sourceKind": "NEWS_REPORT",
        "published": "2026-03-01",
        "publishedPrecision": "MONTH",
    }
    ungraded = {**source, "id": "source:ungraded"}
    del ungraded["reliability"]
    refused = await _post(empty_client, {"query": add, "variables": {"input": ungraded}}, **auth)
    assert refused.status_code == 400
    assert "reliability" in refused.json()["errors"][0]["message"]
