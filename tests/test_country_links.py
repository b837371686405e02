"""A node's countries (schema COUNTRY_LINKS, #24): stored with its list keys, so a list or the
timeline filtered by country reads one property instead of walking two hops. They follow the
writes that change them, including a write to the node between (a ministry found to be based
in China makes the policies it issued China's, though they were not written again), keep
the confidence of the best link, and never pass through coded event data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import queries
from graph import GraphClient, listings_out_of_step
from loaders import load_corpus
from schema import COUNTRY_LINKS, PATTERNS, Label
from tests.test_graphql_api import ask
from tests.test_history import DATA

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env")]

CURBS = "policy:test-fictional-gallium-curbs"  # ISSUED_BY China, TARGETS Japan (0.9)
MINISTRY = "organization:test-fictional-ministry"
LICENCES = "policy:test-fictional-licence-rules"

ISSUED_BY_MINISTRY = f"""
policies:
  - id: {LICENCES}
    name: Fictional licence rules
    policy_type: export_control
    summary: A measure invented for the tests.
    announced: 2026-03-02
    sources: [source:ingest-test]
relationships:
  - {{start: {LICENCES}, type: ISSUED_BY, end: {MINISTRY}, sources: [source:ingest-test],
      confidence: 0.9, status: confirmed}}
"""
MINISTRY_IN_CHINA = f"""
relationships:
  - {{start: {MINISTRY}, type: BASED_IN, end: country:CHN, sources: [source:ingest-test],
      confidence: 0.6, status: reported}}
"""

#: A coded event (GDELT-like, synthetic) about the licence rules, involving Japan.
CODED_ABOUT_LICENCES = f"""
sources:
  - id: source:test-gdelt
    name: GDELT test rows
    title: GDELT test rows
    publisher: Dyad tests
    origin: Dyad tests
    reliability: C
    source_kind: dataset
    citation: Synthetic test rows
events:
  - id: event:gdelt-test-1
    name: "JAPAN → CHINA: CAMEO 010"
    event_type: verbal_cooperation
    date: 2026-03-05
    dataset: gdelt
    dataset_id: test-1
    sources: [source:test-gdelt]
    status: unverified
relationships:
  - {{start: event:gdelt-test-1, type: ABOUT, end: {LICENCES}, sources: [source:test-gdelt],
      confidence: 0.5, status: unverified}}
  - {{start: event:gdelt-test-1, type: INVOLVES, end: country:JPN, sources: [source:test-gdelt],
      confidence: 0.5, status: unverified}}
"""

LISTED = """query($country: ID!, $min: Float) {
  policies(filter: {country: $country, minConfidence: $min}) { nodes { id } }
  timeline(countries: [$country], kinds: [POLICY]) { items { id } } }"""


def _load(client: GraphClient, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    load_corpus(client, [path])


async def _listed(client: GraphClient, country: str, min_confidence: float | None = None) -> Any:
    status, body = await ask(client, LISTED, country=country, min=min_confidence)
    assert status == 200
    assert "errors" not in body, body
    listed = {n["id"] for n in body["data"]["policies"]["nodes"]}
    assert listed == {i["id"] for i in body["data"]["timeline"]["items"]}
    return listed


@pytest.mark.slow  # four writes, each re-keying what it links (the fast tier stays under two minutes)
async def test_a_write_to_the_node_between_moves_what_it_links(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    load_corpus(empty_client, [DATA / "ingest_corpus.yaml"])
    _load(empty_client, tmp_path, "issued.yaml", ISSUED_BY_MINISTRY)
    assert await _listed(empty_client, "country:CHN") == {CURBS}
    assert await _listed(empty_client, "country:JPN") == {CURBS}
    assert LICENCES not in await _in_force(empty_client, "country:CHN")

    # Only the ministry's link is written; the licence rules it issued become China's, and
    # in force there (inForce reads the listings of what a country issued).
    _load(empty_client, tmp_path, "based.yaml", MINISTRY_IN_CHINA)
    assert listings_out_of_step(empty_client) == []
    assert await _listed(empty_client, "country:CHN") == {CURBS, LICENCES}
    assert LICENCES in await _in_force(empty_client, "country:CHN")
    assert LICENCES not in await _in_force(empty_client, "country:JPN")
    assert await _listed(empty_client, "country:JPN") == {CURBS}
    # Through a link of 0.6, the best path to China is 0.6: a 0.7 floor leaves it out.
    assert await _policies(empty_client, "country:CHN", 0.7) == [CURBS]
    assert await _policies(empty_client, "country:CHN", 0.6) == [CURBS, LICENCES]

    # Coded event data ties nothing curated to a state: a GDELT event about the licence rules
    # involving Japan leaves them out of Japan's list.
    _load(empty_client, tmp_path, "coded.yaml", CODED_ABOUT_LICENCES)
    assert listings_out_of_step(empty_client) == []
    assert await _listed(empty_client, "country:JPN") == {CURBS}
    assert await _listed(empty_client, "country:CHN") == {CURBS, LICENCES}


async def _in_force(client: GraphClient, country: str) -> list[str]:
    query = """query($c: ID!) { inForce(asOf: "2026-12-01", country: $c) { id } }"""
    status, body = await ask(client, query, c=country)
    assert status == 200
    assert "errors" not in body, body
    return [p["id"] for p in body["data"]["inForce"]]


async def _policies(client: GraphClient, country: str, min_confidence: float) -> list[str]:
    status, body = await ask(client, LISTED, country=country, min=min_confidence)
    assert status == 200
    return [n["id"] for n in body["data"]["policies"]["nodes"]]


def _types(pattern: str) -> set[str]:
    return set(pattern.split("|"))


def test_the_stored_countries_follow_the_schemas_country_links() -> None:
    """The fragment that stores a node's countries walks exactly schema.COUNTRY_LINKS: every
    type for the first hop, and for the hop that reaches a Country only those whose end can
    be one (schema PATTERNS: a Country is never the start of these links)."""
    text = queries.load("fragments/_list_keys") + queries.load("load/list_keys")
    walked = [_types(t) for t in re.findall(r"\[\w+:([A-Z_|]+)\]", text)]
    linking = {t.value for t in COUNTRY_LINKS}
    reaching = {p.type.value for p in PATTERNS if p.end is Label.COUNTRY} & linking
    assert not any(p.start is Label.COUNTRY for p in PATTERNS if p.type in COUNTRY_LINKS)
    assert walked
    assert all(w in (linking, reaching) for w in walked if w != {"PROVOKED", "RESPONDS_TO"})
    assert linking in walked
    assert reaching in walked


PAGES = """query($filter: NodeFilter, $sort: SortField!, $order: SortOrder!, $after: String) {
  policies(filter: $filter, sort: $sort, order: $order, first: 7, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor } } }"""


async def _every_page(client: GraphClient, where: dict[str, Any], sort: str, order: str) -> Any:
    """Every policy the filter keeps, page after page, and the count the first page gave."""
    seen: list[str] = []
    total, after = None, None
    while True:
        status, body = await ask(client, PAGES, filter=where, sort=sort, order=order, after=after)
        assert status == 200
        assert "errors" not in body, body
        page = body["data"]["policies"]
        total = page["totalCount"] if total is None else total
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            return seen, total
        after = page["pageInfo"]["endCursor"]


@pytest.mark.slow  # every page of a country's policies, in both orders and sorts
@pytest.mark.parametrize(
    "where",
    [
        {"country": "country:CHN"},
        {"country": "country:JPN", "from": "2025-11-01"},
        {"country": "country:CHN", "from": "2025-01-01", "to": "2025-12-31"},
        {"country": "country:JPN", "minConfidence": 0.8},
        {"country": "country:CHN", "text": "export", "status": "CONFIRMED"},
    ],
)
async def test_a_country_s_list_pages_and_counts_as_its_filters_say(
    corpus_client: GraphClient, where: dict[str, Any]
) -> None:
    """Filtered by a country, a list pages through the country's listings and counts them by
    the listings alone (schema LISTING_LABEL): in both orders and both sorts it walks the same
    policies once each, and its totalCount is how many it walked."""
    dated, total = await _every_page(corpus_client, where, "DATE", "ASC")
    assert dated, "the corpus has such policies: the test would prove nothing"
    assert len(set(dated)) == len(dated) == total
    backwards, _ = await _every_page(corpus_client, where, "DATE", "DESC")
    assert backwards == dated[::-1]
    named, named_total = await _every_page(corpus_client, where, "NAME", "ASC")
    assert sorted(named) == sorted(dated)
    assert named_total == total
    everything, _ = await _every_page(corpus_client, {}, "DATE", "ASC")
    assert set(dated) < set(everything)


TIMELINE = """query($countries: [ID!], $from: Date, $to: Date) {
  timeline(countries: $countries, from: $from, to: $to, first: 500) { capped items { id } } }"""


@pytest.mark.slow  # three timelines a country, per mix of days
@pytest.mark.parametrize(
    "days",
    [{"from": "2025-11-01"}, {"from": "2025-01-01", "to": "2025-06-30"}, {"to": "2011-12-31"}],
)
async def test_a_country_s_timeline_keeps_the_days_the_node_s_own_days_keep(
    corpus_client: GraphClient, days: dict[str, str]
) -> None:
    """By countries, the timeline filters each country's listings by the days they hold (a
    node is read only once in the page): it keeps exactly the items that the timeline without
    countries keeps by the node's own days, and that the country's timeline holds."""

    async def items(**variables: Any) -> set[str]:
        status, body = await ask(corpus_client, TIMELINE, **variables)
        assert status == 200
        assert "errors" not in body, body
        assert not body["data"]["timeline"]["capped"]
        return {i["id"] for i in body["data"]["timeline"]["items"]}

    for country in ("country:JPN", "country:CHN"):
        kept = await items(countries=[country], **days)
        assert kept, "the corpus has such items: the test would prove nothing"
        everything = await items(countries=[country])
        assert kept < everything
        assert kept == await items(**days) & everything


@pytest.mark.slow  # every page of every policy, three times over
@pytest.mark.parametrize(
    "where",
    [
        {"country": "country:JPN", "from": "2025-11-01"},
        {"country": "country:CHN", "from": "2025-01-01", "to": "2025-12-31"},
        {"country": "country:CHN", "text": "export", "status": "CONFIRMED"},
    ],
)
async def test_a_country_s_list_keeps_what_the_node_s_own_days_keep(
    corpus_client: GraphClient, where: dict[str, Any]
) -> None:
    """Filtered by a country, a list reads the days from the country's listings (the node
    only for text and status): it keeps the country's policies that the same filters keep,
    read from each node, without the country."""
    dated, _ = await _every_page(corpus_client, where, "DATE", "ASC")
    assert dated, "the corpus has such policies: the test would prove nothing"
    others = {k: v for k, v in where.items() if k != "country"}
    kept, _ = await _every_page(corpus_client, others, "DATE", "ASC")
    country_s, _ = await _every_page(corpus_client, {"country": where["country"]}, "DATE", "ASC")
    assert set(dated) == set(kept) & set(country_s)
