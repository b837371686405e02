"""The README's screenshots, made again (``make screenshots``): a Neo4j of its own holding the
curated corpus, ``dyad serve`` on it, and Debian's Chromium at a fixed viewport writing
docs/img/landing.png, timeline.png and map.png (the map when the explorer has that view).
Each is taken once its view says it is drawn, never after a wait of a fixed time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from bench.explorer import LANDING_READY, PATIENCE_MS, chromium
from bench.harness import ROOT, bench_client, served_api
from graph import migrate
from loaders import CORPUS_DIR, load_corpus

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
    # The supply map: taken when the explorer has a map tab, which says it is drawn this way.
    "map": ("#map", "() => document.querySelector('#view-map [data-drawn]') !== null"),
}


def take(browser: Browser, base: str, out: Path = OUT) -> list[Path]:
    """Every screenshot whose view the explorer has; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (address, ready) in SHOTS.items():
        context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)  # type: ignore[arg-type]
        page = context.new_page()
        page.set_default_timeout(PATIENCE_MS)
        try:
            page.goto(f"{base}/{address}")
            page.wait_for_function("() => window.explorer !== undefined")
            view = address.lstrip("#") or "now"
            if page.locator(f"#tab-{view}").count() == 0:
                print(f"no {view} view in this explorer: {name}.png not taken", file=sys.stderr)
                continue
            try:
                page.wait_for_function(ready)
            except PlaywrightError:
                statuses = page.eval_on_selector_all(
                    ".status, .error", "xs => xs.map(x => x.textContent.trim()).filter(Boolean)"
                )
                raise RuntimeError(f"{name} was not drawn: {statuses}") from None
            # Charts finish their last frame before the picture is taken.
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))")
            path = out / f"{name}.png"
            page.screenshot(path=str(path))
            written.append(path)
        finally:
            context.close()
    return written


def main() -> int:
    with bench_client(HOME, fresh=True, heap="1g", pagecache="512m", port=BOLT_PORT) as (
        client,
        bolt_uri,
    ):
        migrate(client)
        load_corpus(client, [CORPUS_DIR])
        with served_api(bolt_uri, port=API_PORT) as api, chromium() as browser:
            for path in take(browser, api.url.removesuffix("/graphql")):
                print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
