"""The explorer's shareable views, free Cypher, readable graph and phone flow, in Chromium
against a real ``dyad serve`` holding the curated corpus (fixtures of test_explorer_browser)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route

from graph import GraphClient
from tests.test_explorer_browser import (  # noqa: F401 (fixtures)
    LOCAL_HOST,
    REMARK,
    Session,
    base_url,
    browser,
    open_explorer,
    screenshot,
    session,
)
from tests.test_explorer_views import serious_violations

pytestmark = pytest.mark.browser

GALLIUM = "mineral:Ga"


def _record(page: Page) -> Session:
    recorded = Session(page)

    def route(route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            recorded.errors.append(f"{message.text} ({message.location.get('url', '')})")

    page.route("**/*", route)
    page.on("request", lambda request: recorded.requests.append(request.url))
    page.on("console", console)
    page.on("pageerror", lambda error: recorded.errors.append(f"page error: {error}"))
    return recorded


@pytest.fixture
def phone(browser: Browser, corpus_client: GraphClient) -> Iterator[Session]:  # noqa: F811
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        yield _record(context.new_page())
    finally:
        context.close()


def _clean(recorded: Session) -> None:
    assert recorded.errors == []
    assert recorded.off_host() == []


def _accessible(page: Page, view: str) -> None:
    """axe-core finds nothing serious or critical in the view."""
    found = serious_violations(page, f"#view-{view}")
    assert found == [], "\n".join(found)


def _chains_drawn(page: Page) -> list[str]:
    page.wait_for_selector("#chain-list li.chain")
    ends: list[str] = page.eval_on_selector_all(
        "#chain-list li.chain", "xs => xs.map(x => x.dataset.end)"
    )
    return ends


def _focus(page: Page, node: str) -> None:
    page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).hasClass('focus')", arg=node
    )


def test_a_shared_address_opens_the_same_view_in_a_new_page(
    session: Session,  # noqa: F811
    base_url: str,  # noqa: F811
    browser: Browser,  # noqa: F811
) -> None:
    page = open_explorer(session, base_url, "chains")
    page.click("button.example")
    ends = _chains_drawn(page)
    shared = page.url
    assert "chain.hops=6" in shared
    assert "chain.country=country:JPN" in shared

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        other = _record(context.new_page())
        other.page.goto(shared)
        assert _chains_drawn(other.page) == ends
        assert other.page.get_attribute("#tab-chains", "aria-selected") == "true"
        assert other.page.input_value("#chain-hops") == "6"
        assert other.page.input_value("#chain-country") == "country:JPN"
        assert "Takaichi" in other.page.inner_text("#chain-start-name")
        _accessible(other.page, "chains")
        # A node's address opens its neighbourhood and details.
        other.page.goto(f"{base_url}/#graph?node={GALLIUM}")
        other.page.wait_for_function("() => window.explorer !== undefined")
        _focus(other.page, GALLIUM)
        other.page.wait_for_function(
            "() => document.querySelector('#details-title').textContent === 'Gallium'"
        )
        _clean(other)
    finally:
        context.close()
    _clean(session)


def test_back_and_forward_restore_views(session: Session, base_url: str) -> None:  # noqa: F811
    page = open_explorer(session, base_url)
    page.fill("#search-input", "gallium")
    page.press("#search-input", "Enter")
    page.locator(f'#search-results button.result[data-id="{GALLIUM}"]').click()
    _focus(page, GALLIUM)
    assert f"node={GALLIUM}" in page.url
    page.click("#tab-chains")
    page.click("button.example")
    ends = _chains_drawn(page)

    page.go_back()  # the chains tab before the example ran
    page.wait_for_function("() => !document.querySelector('#chain-list li.chain')")
    assert page.get_attribute("#tab-chains", "aria-selected") == "true"
    page.go_back()  # the graph, gallium drawn
    page.wait_for_function(
        "() => document.querySelector('#tab-graph').getAttribute('aria-selected') === 'true'"
    )
    _focus(page, GALLIUM)
    page.go_forward()
    page.go_forward()
    assert _chains_drawn(page) == ends
    assert page.get_attribute("#tab-chains", "aria-selected") == "true"
    _clean(session)


def test_free_cypher_shows_rows_graph_and_notifications_and_refuses_a_write(
    session: Session,  # noqa: F811
    base_url: str,  # noqa: F811
    corpus_client: GraphClient,
) -> None:
    page = open_explorer(session, base_url, "cypher")
    page.wait_for_selector("#cypher-caps:has-text('at most')")
    page.fill(
        "#cypher-text", "MATCH (p:Policy)-[r:RESTRICTS]->(m:Mineral)\nRETURN p, r, m LIMIT 25"
    )
    # The editor colours the keywords it is given.
    assert page.eval_on_selector_all("#cypher-hl .kw", "ks => ks.map(k => k.textContent)") == [
        "MATCH",
        "RETURN",
        "LIMIT",
    ]
    page.click("#cypher-free-run")
    page.wait_for_function(
        "() => /\\d+ rows?/.test(document.querySelector('#cypher-status').textContent)"
    )
    headers = page.eval_on_selector_all("#cypher-table th", "ths => ths.map(t => t.textContent)")
    assert headers == ["p", "r", "m"]
    drawn = page.evaluate(
        "() => ({nodes: window.explorer.workbench.cy.nodes().length,"
        " edges: window.explorer.workbench.cy.edges().length})"
    )
    assert drawn["nodes"] > 1
    assert drawn["edges"] > 0
    assert "cy.text=" in page.url
    screenshot(page, "cypher-free")
    _accessible(page, "cypher")

    # Neo4j's warning about an unknown label is shown with the (empty) answer.
    page.fill("#cypher-text", "MATCH (n:NoSuchLabel) RETURN n")
    page.click("#cypher-free-run")
    page.wait_for_selector("#cypher-notes li[data-status='01N50']")

    # A write is refused before it reaches Neo4j, and nothing changes.
    before = httpx.post(f"{base_url}/cypher.json", json={"cypher": "MATCH (n) RETURN count(n)"})
    page.fill("#cypher-text", "MATCH (n:Mineral) DETACH DELETE n")
    page.click("#cypher-free-run")
    page.wait_for_selector("#cypher-status.error")
    assert page.inner_text("#cypher-status").startswith("REFUSED: refused: DETACH")
    after = httpx.post(f"{base_url}/cypher.json", json={"cypher": "MATCH (n) RETURN count(n)"})
    assert before.json()["rows"] == after.json()["rows"]
    # The one console error is the browser reporting that refusal's 400.
    assert len(session.errors) == 1
    assert "400" in session.errors[0]
    assert "/cypher.json" in session.errors[0]
    assert session.off_host() == []


def test_searching_takaichi_for_a_start_puts_the_remark_first(
    session: Session,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = open_explorer(session, base_url, "chains")
    page.fill("#chain-start-input", "Takaichi")
    page.press("#chain-start-input", "Enter")
    page.wait_for_selector("#chain-start-results button.result")
    first = page.locator("#chain-start-results button.result").first
    assert first.get_attribute("data-id") == REMARK
    assert "2025-11-07" in first.inner_text()
    _clean(session)


def test_the_graph_puts_china_left_japan_right_and_folds_past_forty(
    session: Session,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = open_explorer(session, base_url, "graph")
    _focus(page, REMARK)
    sides = page.evaluate(
        """ids => ids.map(id => window.explorer.graph.cy.getElementById(id).renderedPosition().x)""",
        ["country:CHN", "country:JPN", REMARK],
    )
    assert sides[0] < sides[2] < sides[1]
    # An edge names its relation under the pointer.
    label = page.evaluate(
        """() => { const edge = window.explorer.graph.cy.edges('.causal').first();
            edge.emit('mouseover'); const shown = edge.style('label'); edge.emit('mouseout');
            return [shown, edge.data('label')]; }"""
    )
    assert label[0] == label[1] != ""
    # Japan has more neighbours than read well: causal and other neighbours up to 40, the
    # rest behind one node that draws them when tapped.
    page.goto(f"{base_url}/#graph?node=country:JPN")
    _focus(page, "country:JPN")
    count = page.evaluate(
        "() => window.explorer.graph.cy.nodes('[fold = \"more\"]').map(n => n.data('count'))"
    )
    assert len(count) == 1
    assert count[0] > 0
    drawn = page.evaluate("() => window.explorer.graph.cy.nodes('[!fold]').length")
    assert drawn <= 41 + 1  # the focus, 40 neighbours, and China as the left-hand anchor
    page.evaluate("() => window.explorer.graph.cy.nodes('[fold = \"more\"]').first().emit('tap')")
    page.wait_for_function(
        "n => window.explorer.graph.cy.nodes('[!fold]').length >= n", arg=drawn + count[0]
    )
    screenshot(page, "graph-japan")
    _clean(session)


def test_on_a_phone_a_tapped_result_comes_into_view_with_readable_labels(
    phone: Session,
    base_url: str,  # noqa: F811
) -> None:
    page = phone.page
    page.goto(f"{base_url}/#graph")  # the page opens on the landing view
    page.wait_for_function("() => window.explorer !== undefined")
    page.fill("#search-input", "gallium")
    page.press("#search-input", "Enter")
    page.locator(f'#search-results button.result[data-id="{GALLIUM}"]').tap()
    _focus(page, GALLIUM)
    box = page.evaluate(
        "() => { const r = document.querySelector('#graph-cy').getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, height: innerHeight}; }"
    )
    assert -2 <= box["top"] < box["height"] / 2
    # Labels at least 11 px high on screen: font size times zoom.
    sizes = page.evaluate(
        """() => { const cy = window.explorer.graph.cy;
            return cy.nodes().filter(n => n.style('label')).map(
                n => parseFloat(n.style('font-size')) * cy.zoom()); }"""
    )
    assert sizes
    assert min(sizes) >= 11, sizes
    page.wait_for_function(
        "() => document.querySelector('#details-title').textContent === 'Gallium'"
    )
    screenshot(page, "phone-graph")
    _accessible(page, "graph")
    _clean(phone)


def _days(page: Page) -> list[str]:
    """The first and last day the escalation timeline shows."""
    days: list[str] = page.evaluate(
        "() => window.explorer.timeline.chart.range().map(ms => new Date(ms).toISOString().slice(0, 10))"
    )
    return days


def test_a_brushed_timeline_range_and_its_filters_open_the_same_in_a_new_page(
    session: Session,  # noqa: F811
    base_url: str,  # noqa: F811
    browser: Browser,  # noqa: F811
) -> None:
    session.page.set_default_timeout(90_000)  # a busy machine: several views' questions at once
    page = open_explorer(session, base_url, "timeline")
    page.wait_for_selector("#timeline-list .tl-item, #timeline-status.error")
    assert session.errors == []
    assert page.locator("#timeline-status.error").count() == 0, page.inner_text("#timeline-status")
    default = _days(page)
    assert "tl.start" not in page.url
    # A filter: Japan's acts only.
    drawn = "() => performance.getEntriesByName('timeline:drawn', 'mark').length"
    before = page.evaluate(drawn)
    page.select_option("#tl-country", "country:JPN")
    page.click("#timeline-form button[type=submit]")
    page.wait_for_function("() => location.hash.includes('tl.country=country:JPN')")
    page.wait_for_function(f"n => ({drawn})() > n", arg=before)  # drawn again, filtered
    page.wait_for_selector(f'#timeline-list .tl-item[data-id="{REMARK}"]')
    # Brush November 2025 across the chart.
    page.click("#tl-brush")
    box = page.locator("#escalation-chart").bounding_box()
    assert box is not None
    xs = [
        page.evaluate(
            "day => window.explorer.timeline.chart.chart.convertToPixel({xAxisIndex: 0},"
            " Date.parse(day + 'T12:00:00Z'))",
            day,
        )
        for day in ("2025-11-01", "2025-11-30")
    ]
    middle = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + xs[0], middle)
    page.mouse.down()
    page.mouse.move(box["x"] + xs[1], middle + 30, steps=8)
    page.mouse.up()
    page.wait_for_function("() => location.hash.includes('tl.start=')")
    brushed = _days(page)
    assert brushed != default
    assert brushed[0].startswith("2025-1")
    assert f"tl.start={brushed[0]}" in page.url
    assert f"tl.end={brushed[1]}" in page.url
    listed = page.eval_on_selector_all(
        "#timeline-list .tl-item", "items => items.map(i => i.dataset.id)"
    )
    assert REMARK in listed
    shared = page.url

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        other = _record(context.new_page())
        other.page.set_default_timeout(90_000)
        other.page.goto(shared)
        other.page.wait_for_function("() => window.explorer !== undefined")
        other.page.wait_for_selector("#timeline-list .tl-item")
        assert other.page.get_attribute("#tab-timeline", "aria-selected") == "true"
        assert other.page.input_value("#tl-country") == "country:JPN"
        assert _days(other.page) == brushed
        assert (
            other.page.eval_on_selector_all(
                "#timeline-list .tl-item", "items => items.map(i => i.dataset.id)"
            )
            == listed
        )
        _accessible(other.page, "timeline")
        _clean(other)
    finally:
        context.close()

    # Back: the filtered timeline before the brush; Forward: the brushed range again.
    page.go_back()
    page.wait_for_function("() => !location.hash.includes('tl.start=')")
    page.wait_for_function(
        "days => window.explorer.timeline.chart.range()"
        ".map(ms => new Date(ms).toISOString().slice(0, 10)).join() !== days.join()",
        arg=brushed,
    )
    page.go_forward()
    page.wait_for_function(
        "days => window.explorer.timeline.chart.range()"
        ".map(ms => new Date(ms).toISOString().slice(0, 10)).join() === days.join()",
        arg=brushed,
    )
    _clean(session)
