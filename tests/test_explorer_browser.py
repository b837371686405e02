"""The explorer at ``/`` in a real browser (Debian's Chromium driven by Playwright) against a
real ``dyad serve`` holding the curated corpus; plus the page's assets: all local, all pinned.

Never ``playwright install``: the tests use the system Chromium (``make chromium``) and fail
when it is missing, never skip.
Screenshots of every view go to ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route

from api.explorer import EXPLORER_DIR
from bench.browser import CHROMIUM, chromium
from graph import GraphClient, GraphSettings
from schema import EXPLORER_SECTIONS, Label, Status
from schema.presentation import KIND_STYLES, STATUS_STYLES
from tests.conftest import ROOT
from tests.http import dyad_serve

ARTIFACTS = ROOT / "tests" / "artifacts"
VENDOR = ROOT / "api" / "static" / "vendor"
REMARK = "statement:takaichi-2025-11-07-diet"
LOCAL_HOST = "127.0.0.1"

# --- a real server and a real browser -------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(graph_settings: GraphSettings) -> Iterator[str]:
    """``dyad serve`` on a free port, pointed at the test Neo4j."""
    with dyad_serve(graph_settings.effective_uri()) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: `make chromium` installs Debian's package")
    with chromium() as launched:
        yield launched


@dataclass
class Session:
    """One page, with every request it made and every console error it logged."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def off_host(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).hostname != LOCAL_HOST
        ]


@pytest.fixture
def session(browser: Browser, base_url: str, corpus_client: GraphClient) -> Iterator[Session]:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, accept_downloads=True)
    page = context.new_page()
    recorded = Session(page)
    queries_missing = httpx.get(f"{base_url}/queries.json").status_code == 404

    def route(route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "")
        # Until the canned-query API is mounted, the workbench's probe of it is a 404.
        if queries_missing and where.endswith("/queries.json"):
            return
        recorded.errors.append(f"{message.text} ({where})")

    page.route("**/*", route)
    page.on("request", lambda request: recorded.requests.append(request.url))
    page.on("console", console)
    page.on("pageerror", lambda error: recorded.errors.append(f"page error: {error}"))
    try:
        yield recorded
    finally:
        context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"explorer-{name}.png"))


def open_explorer(session: Session, base_url: str, view: str = "graph") -> Page:
    """The explorer on one view (``""``: no address, the landing view)."""
    page = session.page
    page.goto(f"{base_url}/{'#' + view if view else ''}")
    # A function, not an expression: Playwright evaluates an expression with eval, which the
    # page's CSP refuses once it has to poll (the explorer starts after its vocabulary loads).
    page.wait_for_function("() => window.explorer !== undefined")
    return page


# --- the story: Takaichi's remark down to a Japanese industry --------------------------------


@pytest.mark.browser
def test_chain_from_takaichis_remark_reaches_a_japanese_industry(
    session: Session, base_url: str
) -> None:
    page = open_explorer(session, base_url)
    page.fill("#search-input", "Takaichi")
    page.press("#search-input", "Enter")
    remark = page.locator(f'#search-results button.result[data-id="{REMARK}"]')
    remark.wait_for()
    assert "Takaichi's Diet answer" in remark.inner_text()
    page.locator(f'#search-results button.result-chains[data-id="{REMARK}"]').click()

    page.wait_for_selector("#chain-list li.chain")
    assert page.get_attribute("#tab-chains", "aria-selected") == "true"
    drawn = page.evaluate(
        """start => {
            const cy = window.explorer.chains.cy;
            return {
                nodes: cy.nodes().map(n => n.id()),
                reachable: cy.getElementById(start).successors('node').map(n => n.id()),
                box: cy.extent(),
            };
        }""",
        REMARK,
    )
    japanese = [n for n in drawn["reachable"] if n.startswith("industry:jpn-")]
    assert japanese, f"no Japanese industry downstream of the remark in {drawn['nodes']}"
    ends = page.eval_on_selector_all(
        "#chain-list li.chain", "items => items.map(i => i.dataset.end)"
    )
    assert any(end.startswith("industry:jpn-") for end in ends)
    # The strongest chain is open, and its first step shows evidence with links out.
    first = page.locator("#chain-list li.chain").first
    assert "Takaichi's Diet answer on a Taiwan contingency" in first.inner_text()
    links = first.locator(".sources a").evaluate_all("links => links.map(a => a.href)")
    assert links
    assert all(link.startswith(("http://", "https://")) for link in links)
    screenshot(page, "chains")

    assert session.errors == []
    assert session.off_host() == []


# --- every view, without console errors ------------------------------------------------------


@pytest.mark.browser
def test_graph_view_finds_a_node_and_shows_its_sources(session: Session, base_url: str) -> None:
    page = open_explorer(session, base_url)
    page.fill("#search-input", "dual-use ban")
    page.press("#search-input", "Enter")
    target = "policy:cn-2026-01-dual-use-ban-japan"
    page.locator(f'#search-results button.result[data-id="{target}"]').click()
    page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).hasClass('focus')", arg=target
    )
    page.wait_for_selector("#details-body .sources a")
    assert "dual-use" in page.inner_text("#details-title")
    # Every source carries its grade, with what the grade means on hover.
    grades = page.eval_on_selector_all(
        "#details-body .sources li", "items => items.map(i => i.querySelector('.grade')?.title)"
    )
    assert grades
    assert all(re.match(r"Grade [A-E]: ", g or "") for g in grades), grades
    kinds = page.evaluate(
        "() => [...new Set(window.explorer.graph.cy.nodes().map(n => n.data('kind')))]"
    )
    assert "POLICY" in kinds
    assert len(kinds) > 2
    # Edges are styled by status: confirmed solid, reported dashed.
    styles = page.evaluate(
        """() => Object.fromEntries(window.explorer.graph.cy.edges().map(
            e => [e.data('status'), e.style('line-style')]))"""
    )
    assert styles.get("confirmed") == "solid"
    if "reported" in styles:
        assert styles["reported"] == "dashed"
    # Following a relation from the details panel adds that node's neighbourhood.
    before = page.evaluate("() => window.explorer.graph.cy.nodes().length")
    page.locator("#details-body .relations button.link").first.click()
    page.wait_for_function("n => window.explorer.graph.cy.nodes().length > n", arg=before)
    page.wait_for_function(
        "() => document.querySelector('#details-title').textContent !== 'Loading…'"
    )
    screenshot(page, "graph")
    assert session.errors == []
    assert session.off_host() == []


def _rgb(colour: str) -> str:
    """``#2c5d8f`` as Cytoscape reports a colour: ``rgb(44,93,143)``."""
    return "rgb({},{},{})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.browser
def test_the_legend_shows_every_item_of_the_vocabulary(session: Session, base_url: str) -> None:
    """Every kind, status, relation type, grade and method of schema/ is in the legend, and
    every kind and status is drawn as schema/presentation.py says."""
    page = open_explorer(session, base_url)
    for summary in page.locator("#legend-body details > summary").all():
        summary.click()
    for section, enum in EXPLORER_SECTIONS.items():
        items = page.locator(f'#legend-body li[data-section="{section}"]')
        names = items.evaluate_all("items => items.map(i => i.dataset.name)")
        assert names == [member.name for member in enum], section
        texts = items.evaluate_all("items => items.map(i => i.innerText.trim())")
        assert all(texts), (section, texts)
        assert all(items.nth(i).is_visible() for i in range(len(names))), section
    screenshot(page, "legend")
    # Drawn in the workbench's graph (empty until a query runs): a probe node per kind, a
    # probe edge per status.
    drawn = page.evaluate(
        """([kinds, statuses]) => {
            const cy = window.explorer.workbench.cy;
            const probes = cy.add([
                ...kinds.map(kind => ({group: "nodes", data: {id: `probe:${kind}`, kind}})),
                ...statuses.map(status => ({group: "edges", data: {
                    id: `probe-edge:${status}`, source: `probe:${kinds[0]}`,
                    target: `probe:${kinds[1]}`, status, confidence: 1}})),
            ]);
            const out = {
                kinds: Object.fromEntries(kinds.map(kind => {
                    const node = cy.getElementById(`probe:${kind}`);
                    return [kind, [node.style("background-color"), node.style("shape")]];
                })),
                statuses: Object.fromEntries(statuses.map(status =>
                    [status, cy.getElementById(`probe-edge:${status}`).style("line-style")])),
            };
            probes.remove();
            return out;
        }""",
        [[kind.name for kind in Label], [status.value for status in Status]],
    )
    assert drawn["kinds"] == {
        kind.name: [_rgb(KIND_STYLES[kind].colour), KIND_STYLES[kind].shape] for kind in Label
    }
    assert drawn["statuses"] == {status.value: STATUS_STYLES[status].line for status in Status}
    assert session.errors == []
    assert session.off_host() == []


@pytest.mark.browser
def test_about_this_record_shows_the_audit(session: Session, base_url: str) -> None:
    page = open_explorer(session, base_url)
    page.click("#record summary")
    page.wait_for_selector("#record-body .record-ok, #record-body .record-bad")
    assert page.inner_text("#record-body .record-ok") == "Every fact keeps the status rules."
    counts = page.eval_on_selector_all(
        "#record-body .grade-counts li", "items => items.map(i => i.textContent.trim())"
    )
    assert [c[0] for c in counts] == list("ABCDE")
    assert "statement: 2026-" in page.inner_text("#record-body .newest")
    screenshot(page, "record")
    assert session.errors == []
    assert session.off_host() == []


@pytest.mark.browser
def test_timeline_filters_by_kind_and_date_and_focuses_the_graph(
    session: Session, base_url: str
) -> None:
    page = open_explorer(session, base_url, "timeline")
    page.wait_for_selector("#timeline-list .tl-item")
    all_kinds = set(
        page.eval_on_selector_all("#timeline-list .tl-item", "xs => xs.map(x => x.dataset.kind)")
    )
    assert all_kinds == {"STATEMENT", "POLICY", "EVENT"}
    screenshot(page, "timeline")

    page.uncheck('input[name="tl-kind"][value="STATEMENT"]')
    page.uncheck('input[name="tl-kind"][value="EVENT"]')
    page.fill("#tl-from", "2025-11-01")
    page.fill("#tl-to", "2026-01-31")
    page.click("#timeline-form button[type=submit]")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#timeline-list .tl-item')].every(x => x.dataset.kind === 'POLICY')"
    )
    dates = page.eval_on_selector_all(
        "#timeline-list .tl-item time", "ts => ts.map(t => t.dateTime)"
    )
    assert dates
    assert all("2025-11-01" <= d <= "2026-01-31" for d in dates)
    assert dates == sorted(dates)

    first = page.locator("#timeline-list .tl-open").first
    item_id = first.get_attribute("data-id")
    first.click()
    page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).selected()", arg=item_id
    )
    assert page.get_attribute("#tab-graph", "aria-selected") == "true"
    assert session.errors == []
    assert session.off_host() == []


@pytest.mark.browser
def test_cypher_workbench_runs_a_canned_query_or_says_there_are_none(
    session: Session, base_url: str
) -> None:
    page = open_explorer(session, base_url, "cypher")
    catalog = httpx.get(f"{base_url}/queries.json")
    if catalog.status_code != 200:
        page.wait_for_function(
            "() => document.querySelector('#cypher-query').textContent.includes('no canned queries available')"
        )
        assert page.is_disabled("#cypher-run")
    else:
        runnable = [
            q
            for q in catalog.json()["queries"]
            if all(p["default"] is not None for p in q["parameters"])
        ]
        assert runnable, "no canned query runs on its defaults"
        page.wait_for_selector(
            f'#cypher-query option[value="{runnable[0]["name"]}"]', state="attached"
        )
        page.select_option("#cypher-query", runnable[0]["name"])
        page.click("#cypher-run")
        page.wait_for_function(
            "() => /\\d+ rows?/.test(document.querySelector('#cypher-status').textContent)"
        )
        headers = page.eval_on_selector_all(
            "#cypher-table th", "ths => ths.map(t => t.textContent)"
        )
        expected = httpx.get(f"{base_url}/queries/{runnable[0]['name']}.json").json()["columns"]
        assert headers == expected
    screenshot(page, "cypher")
    assert session.errors == []
    assert session.off_host() == []


@pytest.mark.browser
def test_narrow_screen_and_keyboard(session: Session, base_url: str) -> None:
    page = open_explorer(session, base_url)
    page.set_viewport_size({"width": 390, "height": 844})
    # "/" jumps to the search box; Enter searches; Escape closes the details panel.
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "search-input"
    page.keyboard.type("gallium")
    page.keyboard.press("Enter")
    page.wait_for_selector("#search-results button.result")
    first = page.locator("#search-results button.result").first
    name = first.locator(".result-name").inner_text()
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "name => document.querySelector('#details-title').textContent === name", arg=name
    )  # the chosen node's details, not the start node's still on show
    page.wait_for_selector("#details:not([hidden]) .sources")
    page.keyboard.press("Escape")
    page.wait_for_selector("#details", state="hidden")
    assert page.evaluate("() => document.activeElement.id") == "search-input"
    # Tabs move with the arrow keys.
    page.focus("#tab-graph")
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("#tab-chains", "aria-selected") == "true"
    # On a narrow screen nothing is wider than the screen, and the chains still draw.
    page.click("button.example")
    page.wait_for_selector("#chain-list li.chain")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    page.locator("#chain-cy").scroll_into_view_if_needed()
    screenshot(page, "narrow-chains")
    assert session.errors == []
    assert session.off_host() == []


@pytest.mark.browser
def test_details_closed_while_loading_stay_closed(session: Session, base_url: str) -> None:
    page = open_explorer(session, base_url)
    page.wait_for_selector("#details:not([hidden]) .sources")  # the start node, drawn
    held: list[Route] = []

    def hold_node_queries(route: Route, request: Request) -> None:
        if "query Node(" in (request.post_data or ""):
            held.append(route)
        else:
            route.continue_()

    page.route("**/graphql", hold_node_queries)
    # Counts the node answers the page has parsed and handled: a task queued when the JSON is
    # parsed runs only after every continuation of it (the page's own handling) has run.
    page.evaluate(
        """() => {
          window.nodeAnswersHandled = 0;
          const send = window.fetch;
          window.fetch = async (input, init) => {
            const response = await send(input, init);
            if (!String(init?.body).includes("query Node(")) return response;
            const parse = response.json.bind(response);
            response.json = () => {
              const parsed = parse();
              parsed.finally(() => setTimeout(() => { window.nodeAnswersHandled += 1; }));
              return parsed;
            };
            return response;
          };
        }"""
    )
    page.fill("#search-input", "gallium")
    page.keyboard.press("Enter")
    page.locator("#search-results button.result").first.click()
    page.wait_for_function(
        "() => document.querySelector('#details-title').textContent === 'Loading…'"
    )
    page.keyboard.press("Escape")
    assert page.is_hidden("#details")
    page.unroute("**/graphql", hold_node_queries)
    assert held
    for route in held:
        route.continue_()
    page.wait_for_function("n => window.nodeAnswersHandled >= n", arg=len(held))
    assert page.is_hidden("#details")
    assert session.errors == []


@pytest.mark.browser
def test_exports_png_cytoscape_json_and_graphml(session: Session, base_url: str) -> None:
    page = open_explorer(session, base_url, "chains")
    page.click("button.example")
    page.wait_for_selector("#chain-list li.chain")
    drawn = page.evaluate(
        "() => ({nodes: window.explorer.chains.cy.nodes().length, edges: window.explorer.chains.cy.edges().length})"
    )

    def save(button: str) -> bytes:
        with page.expect_download() as info:
            page.click(button)
        path = info.value.path()
        return Path(path).read_bytes()

    assert save("#export-png").startswith(b"\x89PNG\r\n\x1a\n")
    cyjs = json.loads(save("#export-json"))
    assert len(cyjs["elements"]["nodes"]) == drawn["nodes"]
    assert len(cyjs["elements"]["edges"]) == drawn["edges"]
    root = ET.fromstring(save("#export-graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall("g:graph/g:node", ns)) == drawn["nodes"]
    edges = root.findall("g:graph/g:edge", ns)
    assert len(edges) == drawn["edges"]
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key", ns)}
    assert keys["confidence"] == "double"
    assert keys["label"] == "string"
    node_ids = {n.get("id") for n in root.findall("g:graph/g:node", ns)}
    assert REMARK in node_ids
    assert session.errors == []
    assert session.off_host() == []


# --- every asset local, every vendored file pinned -------------------------------------------


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs += [v for k, v in attrs if k in {"src", "href"} and v is not None]


def _is_local(ref: str) -> bool:
    parts = urlsplit(ref)
    return not parts.scheme and not parts.netloc and (ref.startswith(("/", "#")))


@pytest.mark.slow  # `dyad serve` in its own process
def test_every_asset_the_page_names_is_local_and_served(base_url: str) -> None:
    page = httpx.get(f"{base_url}/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    parser = _Refs()
    parser.feed(page.text)
    assert parser.refs, "the page names no assets"
    assert [r for r in parser.refs if not _is_local(r)] == []
    for ref in parser.refs:
        if ref.startswith("/"):
            served = httpx.get(f"{base_url}{ref}", headers={"accept": "text/html,*/*"})
            assert served.status_code == 200, ref
    # The page's own modules import only each other, and fetch only this origin's paths.
    for script in EXPLORER_DIR.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        for spec in re.findall(r"""\bfrom\s+["']([^"']+)["']""", text):
            assert spec.startswith("./"), f"{script.name} imports {spec}"
            assert (EXPLORER_DIR / spec).is_file(), f"{script.name} imports missing {spec}"
        for target in re.findall(r"""\bfetch\(\s*["'`]([^"'`]*)""", text):
            assert target.startswith("/"), f"{script.name} fetches {target}"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", (EXPLORER_DIR / "app.css").read_text())


def _lock() -> dict[str, str]:
    lines = (VENDOR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {path: digest for digest, path in (line.split(maxsplit=1) for line in lines if line)}


def test_every_vendored_file_is_pinned_in_the_lock() -> None:
    lock = _lock()
    present = {
        path.relative_to(VENDOR).as_posix()
        for path in VENDOR.rglob("*")
        if path.is_file() and path.name not in {"README.md", "SHA256SUMS"}
    }
    assert sorted(present - lock.keys()) == [], "vendored files missing from SHA256SUMS"
    assert sorted(lock.keys() - present) == [], "SHA256SUMS names files that are gone"
    changed = [
        path
        for path, digest in lock.items()
        if hashlib.sha256((VENDOR / path).read_bytes()).hexdigest() != digest
    ]
    assert changed == []
    # Each package keeps its licence beside its files (plugin-explorer ships none; see README).
    for package in {"cytoscape@3.35.0", "cytoscape-dagre@4.0.1"}:
        assert f"{package}/LICENSE" in lock
