"""The explorer's Review view in Chromium (Playwright), against a real ``dyad serve`` with a
curators' token: an unseen test article is ingested over the curated corpus, its unknown
organization waits in the queue; the view shows it in its article with the name marked,
accepts it (the node exists, its history shows the acceptance) and rejects a claim with a
reason (it leaves the queue). No console errors, no request off the host, no serious axe-core
finding, and the same at phone width. Fixtures and helpers: tests/test_explorer_browser.py and
tests/test_explorer_views.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from playwright.sync_api import Page

from graph import GraphClient, GraphSettings
from loaders.ingest import ingest
from tests.conftest import _DatabaseState
from tests.http import dyad_serve
from tests.test_explorer_browser import Session, browser, open_explorer, screenshot, session
from tests.test_explorer_views import PATIENCE_MS, serious_violations

#: The explorer's browser tests' fixtures, used here with this module's own ``base_url``.
SHARED_FIXTURES = (browser, session)
pytestmark = pytest.mark.slow

TOKEN = "review-view-test-token"
ORGANIZATION = "Ferrowyn Isotope Works Ltd"
#: A test article, invented for this test: it asserts nothing about the world.
ARTICLE = {
    "url": "https://example.org/dyad-test/ferrowyn-isotopes",
    "date": "2026-03-05",
    "title": "Fictional isotope works opens a test line",
    "publisher": "Dyad Test Wire",
    "text": (
        "Ferrowyn Isotope Works Ltd, a fictional company invented for Dyad's review view "
        "tests, said on Thursday that it had opened a test line. According to the Ferrowyn "
        "Isotope Works Ltd, Japan depends on China for gallium."
    ),
}


@pytest.fixture(scope="module")
def base_url(graph_settings: GraphSettings) -> Iterator[str]:
    """``dyad serve`` with a curators' token, so the view's decisions may write."""
    with dyad_serve(graph_settings.effective_uri(), API_TOKEN=TOKEN) as url:
        yield url


@pytest.fixture
def queued(corpus_client: GraphClient, tmp_path: Path) -> GraphClient:
    """The curated corpus and the test article ingested over it (so the database is dirty)."""
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    _DatabaseState.contents = "dirty"
    summary = ingest(corpus_client, [articles])
    assert (summary.loaded, summary.bad) == (1, [])
    assert summary.queued_entities >= 1
    assert summary.queued_claims >= 1
    return corpus_client


def graphql(base_url: str, query: str, **variables: Any) -> dict[str, Any]:
    answer = httpx.post(
        f"{base_url}/graphql",
        json={"query": query, "variables": variables},
        timeout=PATIENCE_MS / 1000,
    )
    body = answer.json()
    assert "errors" not in body, body
    return dict(body["data"])


def open_review(session: Session, base_url: str, address: str = "review") -> Page:
    session.page.set_default_timeout(PATIENCE_MS)
    return open_explorer(session, base_url, address)


def enter_token(page: Page) -> None:
    page.fill("#review-token", TOKEN)
    page.click("#review-token-form button[type=submit]")
    page.wait_for_selector("#review-token-forget:not([hidden])")


def choose(page: Page, name: str) -> str:
    """Click the queue entry of ``name``; returns its id once the item is shown."""
    entry = page.locator("#review-list .review-entry", has_text=name).first
    entry.wait_for()
    item = entry.get_attribute("data-id")
    assert item
    entry.click()
    page.wait_for_function(
        "name => document.querySelector('#review-item h2')?.textContent === name", arg=name
    )
    return item


@pytest.mark.browser
def test_a_curator_reviews_a_candidate_end_to_end(
    queued: GraphClient, session: Session, base_url: str
) -> None:
    page = open_review(session, base_url)
    assert page.get_attribute("#tab-review", "aria-selected") == "true"
    enter_token(page)
    # The token stays in the tab, never in the address.
    assert page.evaluate("() => sessionStorage.getItem('dyad.curatorToken')") == TOKEN
    assert TOKEN not in unquote(page.url)
    item = choose(page, ORGANIZATION)
    assert f"#review?rv.item={item}" in unquote(page.url)  # a link to this very item
    # The name, marked in its article's text.
    page.wait_for_selector("#review-item .review-text mark")
    assert page.inner_text("#review-item .review-text mark") == ORGANIZATION
    assert ARTICLE["text"].startswith(page.inner_text("#review-item .review-text")[:40])
    page.wait_for_selector("#review-item .review-matches li")
    screenshot(page, "review-candidate")
    # Accept it as suggested: the node exists, sourced by the article, and its history says so.
    page.click("#review-accept button[type=submit]")
    page.wait_for_selector("#review-item .review-result")
    node_id = page.get_attribute("#review-item .review-result", "data-id")
    assert node_id
    page.wait_for_selector("#review-history li")
    history = page.inner_text("#review-history")
    assert "created by api token" in history
    assert page.locator(f'#review-list .review-entry[data-id="{item}"]').count() == 0
    [node] = queued.read_text(
        "MATCH (o:Organization {id: $id}), (s:Source {id: o.sources[0]}) "
        "RETURN o.name AS name, o.sources AS sources, s.url AS url",
        {"id": node_id},
    )
    assert (node["name"], node["url"], len(node["sources"])) == (ORGANIZATION, ARTICLE["url"], 1)
    changes = graphql(
        base_url, "query($id: ID!) { history(id: $id) { nodes { action by } } }", id=node_id
    )["history"]["nodes"]
    assert {"action": "CREATED", "by": "api token"} in changes
    # Reject one of the article's claims, with a reason: it leaves the queue, retired.
    claim_kind = page.eval_on_selector_all(
        "#review-kind option", "os => os.map(o => o.value).find(v => v.includes('CLAIM'))"
    )
    page.select_option("#review-kind", claim_kind)
    entry = page.locator("#review-list .review-entry").first
    entry.wait_for()
    claim = entry.get_attribute("data-id")
    assert claim
    entry.click()
    page.wait_for_selector("#review-reject")
    assert page.locator("#review-link").count() == 0  # a claim links nothing
    page.fill("#review-reason", "A test claim: nothing to keep.")
    page.click("#review-reject button[type=submit]")
    page.wait_for_selector("#review-item .review-decided")
    assert "reason: A test claim: nothing to keep." in page.inner_text("#review-item")
    page.wait_for_function(
        'id => !document.querySelector(`#review-list .review-entry[data-id="${id}"]`)',
        arg=claim,
    )
    found = serious_violations(page, "#view-review")
    assert found == [], "\n".join(found)
    # The accepted node opens in the graph from the item that made it (a link to it).
    page.evaluate("item => { location.hash = `#review?rv.item=${item}`; }", item)
    page.wait_for_selector("#review-item .review-result")
    page.click("#review-item .review-result")
    page.wait_for_function("() => !document.querySelector('#view-graph').hidden")
    assert f"#graph?node={node_id}" in unquote(page.url)
    assert session.errors == []
    assert session.off_host() == []


@pytest.mark.browser
def test_a_shared_link_opens_the_item_at_phone_width(
    queued: GraphClient, session: Session, base_url: str
) -> None:
    session.page.set_viewport_size({"width": 390, "height": 844})
    item = next(
        n["id"]
        for n in graphql(base_url, "{ reviewQueue(first: 50) { nodes { id name } } }")[
            "reviewQueue"
        ]["nodes"]
        if n["name"] == ORGANIZATION
    )
    page = open_review(session, base_url, f"review?rv.item={item}")
    page.wait_for_selector("#review-item .review-text mark")
    assert page.inner_text("#review-item .review-text mark") == ORGANIZATION
    page.wait_for_selector("#review-list .review-entry[aria-current=true]")
    # Nothing wider than the phone; the forms are there to use.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.locator("#review-accept button[type=submit]").is_visible()
    # Without a token, a decision asks for one and sends nothing.
    page.fill("#review-reason", "no token yet")
    page.click("#review-reject button[type=submit]")
    page.wait_for_function(
        "() => document.querySelector('#review-decision').textContent.includes('token')"
    )
    screenshot(page, "review-phone")
    found = serious_violations(page, "#view-review")
    assert found == [], "\n".join(found)
    assert session.errors == []
    assert session.off_host() == []
