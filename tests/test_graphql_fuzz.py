"""GraphQL fuzzing over the whole schema: thousands of generated requests against the real
server on the corpus; none may end in a 5xx or show an internal error unmasked."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema

from api.graphql import build_schema
from graph import GraphClient, GraphSettings
from tests.test_graphql_http import served as served

pytestmark = pytest.mark.slow  # hundreds of generated documents

SCHEMA = build_schema().as_str()
SCALARS = {
    "Date": st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(
        lambda d: graphql.StringValueNode(value=d.isoformat())
    ),
    "JSON": st.just(graphql.ObjectValueNode(fields=())),
}
POSITIVE = 1600
NEGATIVE = 400
INTERNAL = ("Unexpected error.", "Traceback", "neo4j", "Neo.ClientError")


@pytest.fixture
def http(served: str) -> Iterator[tuple[httpx.Client, str]]:
    with httpx.Client(timeout=60) as client:
        yield client, served


def _check(client: httpx.Client, url: str, query: str, seen: Counter[str]) -> None:
    response = client.post(url, json={"query": query}, headers={"accept": "application/json"})
    seen[str(response.status_code)] += 1
    assert response.status_code < 500, (query, response.text[:500])
    body = response.json()
    # A message may quote what the request sent (`no node with id 'neo4j'`); that is not a leak.
    sent = re.findall(r'"((?:[^"\\]|\\.)*)"', query)
    for error in body.get("errors", []):
        message = error.get("message", "")
        ours = message
        for literal in sent:  # only where the message quotes it whole, as ids are quoted
            ours = ours.replace(f"'{literal}'", "''")
        assert not any(marker in ours for marker in INTERNAL), (query, message)
        code = (error.get("extensions") or {}).get("code")
        seen[code or "graphql"] += 1


def test_generated_requests_never_fail_inside(
    http: tuple[httpx.Client, str], corpus_client: GraphClient, graph_settings: GraphSettings
) -> None:
    client, url = http
    seen: Counter[str] = Counter()

    @settings(
        max_examples=POSITIVE,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(from_schema(SCHEMA, custom_scalars=SCALARS, allow_x00=True))
    def valid(query: str) -> None:
        _check(client, url, query, seen)

    @settings(
        max_examples=NEGATIVE,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(from_schema(SCHEMA, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
    def invalid(query: str) -> None:
        _check(client, url, query, seen)

    _check(client, url, '{ node(id: "neo4j") { id } }', seen)  # an id that names a marker
    valid()
    invalid()
    requests = sum(v for k, v in seen.items() if k.isdigit())
    assert requests >= 1900, seen
    print(f"fuzzed {requests} requests: {dict(seen)}")
