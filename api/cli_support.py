"""What every ``dyad`` command shares: settings read once, the client, the consoles."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from api.settings import ApiSettings
from graph import GraphClient, GraphSettings, LocalServerSettings, open_driver

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILED",
    "CliSettings",
    "err",
    "open_client",
    "out",
]

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

out = Console()
err = Console(stderr=True)


class CliSettings:
    """Every setting the CLI needs, read from the environment once."""

    def __init__(self) -> None:
        self.graph = GraphSettings()
        self.local = LocalServerSettings()
        self.api = ApiSettings()

    def graph_uri(self) -> str:
        return self.graph.effective_uri(self.local.bolt_port)


@contextmanager
def open_client(settings: CliSettings) -> Iterator[GraphClient]:
    driver = open_driver(settings.graph, settings.graph_uri())
    try:
        yield GraphClient(
            driver, database=settings.graph.database, timeout=settings.graph.query_timeout
        )
    finally:
        driver.close()
