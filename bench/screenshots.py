"""The README's screenshots, made again (``make screenshots``): a Neo4j of its own holding the
curated corpus, ``dyad serve`` on it, and Debian's Chromium at a fixed viewport writing
docs/img/landing.png, timeline.png and map.png.
Each is taken once its view says it is drawn, never after a wait of a fixed time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser

from bench.browser import corpus_explorer, wait_drawn
from bench.explorer import LANDING_READY, PATIENCE_MS
from bench.harness import ROOT

__all__ = ["SHOTS", "main", "take"]

OUT = ROOT / "docs" / "img"
HOME = ROOT / ".dyad" / "screenshots-neo4j"
BOLT_PORT = 7699
API_PORT = 8799
VIEWPORT = {"width": 1440, "height": 900}

#: name → (address, a function of the page that is truthy once the view is drawn).
SHOTS: dict[str, tuple[str, str]] = {
    "landing": ("", LANDING_READY),
    "timeline": (
        "#timeline",
        "() => performance.getEntriesByName('timeline:background', 'mark').length > 0",
    ),
    "map": ("#map", "() => performance.getEntriesByName('map:drawn', 'mark').length > 0"),
}


def take(browser: Browser, base: str, out: Path = OUT) -> list[Path]:
    """Every screenshot in ``SHOTS``; the paths written. A view not drawn is an error."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (address, ready) in SHOTS.items():
        context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)  # type: ignore[arg-type]
        page = context.new_page()
        page.set_default_timeout(PATIENCE_MS)
        try:
            page.goto(f"{base}/{address}")
            page.wait_for_function("() => window.explorer !== undefined")
            wait_drawn(page, ready, name)
            # Charts finish their last frame before the picture is taken.
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))")
            path = out / f"{name}.png"
            page.screenshot(path=str(path))
            written.append(path)
        finally:
            context.close()
    return written


def main() -> int:
    with corpus_explorer(
        HOME, bolt_port=BOLT_PORT, api_port=API_PORT, heap="1g", pagecache="512m"
    ) as explorer:
        for path in take(explorer.browser, explorer.base):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
