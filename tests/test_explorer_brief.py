"""Citable briefs in Chromium, against a real ``dyad serve`` holding the curated corpus: the seed
chain's brief as HTML (each step's quote, numbered citations with their grades, the date, the
address it came from) and as a PDF printed by Chromium; a node's brief from its details.
Fixtures and helpers are tests/test_explorer_browser.py's and test_explorer_views.py's.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from graph import GraphSettings
from tests.http import dyad_serve
from tests.test_explorer_browser import (  # noqa: F401 (fixtures)
    REMARK,
    Session,
    browser,
    open_explorer,
    session,
)
from tests.test_explorer_views import PATIENCE_MS, serious_violations

pytestmark = pytest.mark.browser

GALLIUM = "mineral:Ga"
SEED_CHAIN = (
    f"chains?chain.from={REMARK}&chain.hops=4&chain.country=country:JPN&chain.first=5"
    "&chain.kind=INDUSTRY"
)


@pytest.fixture(scope="module")
def base_url(graph_settings: GraphSettings) -> Iterator[str]:
    """``dyad serve`` on a free port, pointed at the test Neo4j. Its reads may take two minutes:
    these tests are about the brief, and a machine shared by many test runs can take longer than
    the default 30 s over a cold causal-chain query."""
    with dyad_serve(graph_settings.effective_uri(), NEO4J_QUERY_TIMEOUT="120") as url:
        yield url


class _Text(HTMLParser):
    """A page's text, and the elements of interest by their id and class."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.citations: list[tuple[str, str]] = []  # (id, data-grade)
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and (found.get("id") or "").startswith("cite-"):
            self.citations.append((found["id"] or "", found.get("data-grade") or ""))
        if tag == "img":
            self.images.append(found.get("src") or "")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts))


def pdf_text(data: bytes) -> str:
    """The text a PDF shows, as far as Chromium writes it: each font's glyphs mapped to Unicode
    through its ToUnicode CMap, the strings of every content stream decoded with every map (a
    glyph id that no font of the page knows stays out)."""
    streams: list[bytes] = []
    for match in re.finditer(rb"stream\r?\n", data):
        start = match.end()
        end = data.find(b"endstream", start)
        try:
            streams.append(zlib.decompress(data[start:end]))
        except zlib.error:
            streams.append(data[start:end])
    maps: list[dict[int, str]] = []
    for stream in streams:
        if b"begincmap" not in stream:
            continue
        cmap: dict[int, str] = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                cmap[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
            for lo, hi, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
            ):
                first = int.from_bytes(bytes.fromhex(dst.decode()), "big")
                for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    cmap[code] = chr(first + i)
        maps.append(cmap)
    out: list[str] = []
    for stream in streams:
        if b"BT" not in stream or b"begincmap" in stream:
            continue
        for text in re.findall(rb"<([0-9A-Fa-f]+)>", stream):
            codes = bytes.fromhex(text.decode())
            glyphs = [int.from_bytes(codes[i : i + 2], "big") for i in range(0, len(codes), 2)]
            for cmap in maps:
                if all(g in cmap for g in glyphs):
                    out.append("".join(cmap[g] for g in glyphs))
                    break
    return "".join(out)


def _words(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _download(page: Page, button: str) -> str:
    with page.expect_download() as info:
        page.click(button)
    path = info.value.path()
    assert path is not None
    return Path(path).read_text(encoding="utf-8")


def _chain_steps(page: Page) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = page.evaluate(
        """() => window.explorer.chains.chains.flatMap(c => c.steps).map(s => ({
            cause: s.cause.name, effect: s.effect.name, quote: s.quote,
            sources: s.sources.map(x => x.reliability)}))"""
    )
    return steps


def test_a_chains_brief_has_each_quote_numbered_graded_citations_and_prints_to_pdf(
    session: Session,  # noqa: F811
    base_url: str,
    tmp_path: Path,
) -> None:
    session.page.set_default_timeout(PATIENCE_MS)
    # The seed chain, from the remark to Japanese industries (4 hops: cheaper than the example's 6
    # on a busy machine, and the seed chain needs 3).
    page = open_explorer(session, base_url, SEED_CHAIN)
    page.wait_for_selector("#chain-list li.chain, #chain-status.error")
    assert session.errors == []
    assert page.locator("#chain-status.error").count() == 0, page.inner_text("#chain-status")
    steps = _chain_steps(page)
    assert steps[0]["cause"].startswith("Takaichi")
    shown = page.url
    assert "chain.hops=4" in shown

    html = _download(page, "#chain-brief-html")
    parsed = _Text()
    parsed.feed(html)
    text = parsed.text
    # Each step with its quote.
    quotes = [s["quote"] for s in steps if s["quote"]]
    assert quotes
    for quote in quotes:
        assert re.sub(r"\s+", " ", quote) in text
    # Numbered citations, each with its grade: every cited source once.
    graded = {g for s in steps for g in s["sources"]}
    numbers = [cid for cid, _ in parsed.citations]
    assert numbers == [f"cite-{n}" for n in range(1, len(numbers) + 1)]
    assert {grade for _, grade in parsed.citations} == graded
    assert re.search(r"\[1\]", text)
    assert re.search(r"grade [A-E] \(", text)
    # The diagram inline, the date it was made, and the address it came from.
    assert parsed.images
    assert all(src.startswith("data:image/png;base64,") for src in parsed.images)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert f"Made {today}" in text
    assert shown in text

    # PDF: the same brief in a tab of its own, printed by Chromium.
    # (Headless Chromium has no print dialog: the tab's print() is recorded, and the test prints
    # the tab to PDF itself, as "Save as PDF" would.)
    page.context.add_init_script("window.print = () => { window.printAsked = true; };")
    with page.context.expect_page() as opened:
        page.click("#chain-brief-pdf")
    tab = opened.value
    tab.wait_for_load_state()
    tab.wait_for_function("() => window.printAsked === true")
    assert tab.locator("h1").inner_text().startswith("What Takaichi")
    assert serious_violations(tab, "body") == []
    pdf = tab.pdf(format="A4", print_background=True)
    (tmp_path / "brief.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    printed = _words(pdf_text(pdf))
    first = steps[0]
    assert _words(first["cause"]) in printed
    assert _words(first["effect"]) in printed
    tab.close()
    assert session.errors == []
    assert session.off_host() == []


def test_a_nodes_brief_comes_from_its_details(
    session: Session,  # noqa: F811
    base_url: str,
) -> None:
    session.page.set_default_timeout(PATIENCE_MS)
    page = open_explorer(session, base_url, f"graph?node={GALLIUM}")
    page.wait_for_function(
        "() => document.querySelector('#details-title').textContent === 'Gallium'"
    )
    html = _download(page, "#node-brief-html")
    parsed = _Text()
    parsed.feed(html)
    assert "Gallium" in parsed.text
    assert parsed.citations
    assert all(grade for _, grade in parsed.citations)
    assert f"node={GALLIUM}" in parsed.text
    assert session.errors == []
    assert session.off_host() == []
