"""The explorer in Chromium: how long the landing view takes to become interactive on the
corpus, and how long the escalation timeline takes to draw with 100,000 coded events loaded
(tests/coded_events.py's synthetic flood).

Measured inside Debian's Chromium (Playwright), from the navigation's start, by the page's own
clock: the landing is interactive when its seed chain, its measures in force and its charts are
drawn; the timeline is drawn when its acts are (``timeline:drawn``) and when the coded-event
background is (``timeline:background``), the performance marks the view sets. No sleeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page

from bench.browser import corpus_explorer, wait_drawn
from bench.harness import summary

__all__ = [
    "BOLT_PORT",
    "LANDING_READY",
    "PATIENCE_MS",
    "in_chromium",
    "landing_interactive_ms",
    "timeline_drawn_ms",
]

#: Not 7697 (the other benchmarks' Neo4j), nor its API port.
BOLT_PORT = 7698
API_PORT = 8798
VIEWPORT = {"width": 1280, "height": 800}
PATIENCE_MS = 180_000

#: Interactive: the explorer started, and the landing's chain, measures and charts are drawn.
LANDING_READY = """() => window.explorer !== undefined
    && document.querySelector('#now-chain .chain-step')
    && document.querySelector('#now-measures li')
    && (window.explorer.landing.conflictChart?.getOption()?.series?.length ?? 0) > 0
    && (window.explorer.landing.dependenceChart?.getOption()?.series?.length ?? 0) > 0
    ? performance.now() : false"""

_MARK = """name => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? false"""


def _fresh_page(browser: Browser) -> Page:
    page = browser.new_context(viewport=VIEWPORT).new_page()  # type: ignore[arg-type]
    page.set_default_timeout(PATIENCE_MS)
    return page


def landing_interactive_ms(browser: Browser, base: str) -> float:
    """Milliseconds from navigation to an interactive landing view, in a cold page."""
    page = _fresh_page(browser)
    try:
        page.goto(f"{base}/")
        return float(wait_drawn(page, LANDING_READY, "the landing").json_value())
    finally:
        page.context.close()


def timeline_drawn_ms(browser: Browser, base: str) -> tuple[float, float]:
    """Milliseconds from navigation to the timeline's acts drawn, and to its coded background."""
    page = _fresh_page(browser)
    try:
        page.goto(f"{base}/#timeline")
        acts = wait_drawn(page, _MARK, "the timeline", "timeline:drawn").json_value()
        background = wait_drawn(page, _MARK, "the timeline", "timeline:background").json_value()
        return float(acts), float(background)
    finally:
        page.context.close()


def in_chromium(home: Path, rounds: int = 5) -> dict[str, Any]:
    """Both figures, each over ``rounds`` cold pages (after one warm-up page)."""
    # The shared 100k fixture lives with the tests; it needs the dev extra, as this bench does.
    from tests.coded_events import CODED, load_coded_world

    out: dict[str, Any] = {"rounds": rounds, "coded_events": CODED}
    with corpus_explorer(
        home, bolt_port=BOLT_PORT, api_port=API_PORT, heap="2g", pagecache="1g"
    ) as explorer:
        browser, base = explorer.browser, explorer.base
        landing_interactive_ms(browser, base)
        out["landing_ms"] = summary([landing_interactive_ms(browser, base) for _ in range(rounds)])
        # The same server, now over the flood: the API keeps no data between requests.
        load_coded_world(explorer.client)
        timeline_drawn_ms(browser, base)
        runs = [timeline_drawn_ms(browser, base) for _ in range(rounds)]
        out["timeline_acts_ms"] = summary([acts for acts, _ in runs])
        out["timeline_ms"] = summary([background for _, background in runs])
    return out
