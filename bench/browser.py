"""The explorer in Debian's Chromium, on a Neo4j of its own holding the curated corpus: what the
explorer benchmark (bench/explorer.py) and the README's screenshots (bench/screenshots.py) both
stand on, and the browser the explorer's tests launch (tests/test_explorer_browser.py).

Never ``playwright install``: the system Chromium (``make chromium``) or nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, JSHandle, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench.harness import bench_client, served_api
from graph import GraphClient, migrate
from loaders import CORPUS_DIR, load_corpus

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "CorpusExplorer",
    "chromium",
    "corpus_explorer",
    "wait_drawn",
]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: Headless, and quiet: nothing of Chromium's own goes out (updates, sync, first-run pages).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, launched headless through Playwright."""
    if CHROMIUM is None:
        raise RuntimeError("Chromium is not installed: `make chromium`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class CorpusExplorer:
    """A served explorer on the corpus: its database's client, its address, and a browser."""

    client: GraphClient
    base: str
    browser: Browser


@contextmanager
def corpus_explorer(
    home: Path, *, bolt_port: int, api_port: int, heap: str, pagecache: str
) -> Iterator[CorpusExplorer]:
    """A fresh Neo4j in ``home`` with the curated corpus, ``dyad serve`` on it, and Chromium.

    The client stays open, so a caller may load more (the coded-event flood) under the API.
    """
    with bench_client(home, fresh=True, heap=heap, pagecache=pagecache, port=bolt_port) as (
        client,
        bolt_uri,
    ):
        migrate(client)
        load_corpus(client, [CORPUS_DIR])
        with served_api(bolt_uri, port=api_port) as api, chromium() as browser:
            yield CorpusExplorer(client, api.url.removesuffix("/graphql"), browser)


def wait_drawn(page: Page, ready: str, what: str, arg: object = None) -> JSHandle:
    """``ready``'s first truthy value in ``page``; if it never comes (the page's patience runs
    out), an error naming what the page said instead (its status and error lines)."""
    try:
        return page.wait_for_function(ready, arg=arg)
    except PlaywrightError:
        said = page.eval_on_selector_all(
            ".status, .error", "xs => xs.map(x => x.textContent.trim()).filter(Boolean)"
        )
        raise RuntimeError(f"{what} was not drawn: {said}") from None
