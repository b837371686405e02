"""What every ``dyad`` command shares: settings read once, the client, the consoles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.settings import ApiSettings
from graph import GraphClient, GraphSettings, LocalServerSettings, open_driver
from loaders import LoadSummary

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILED",
    "CliSettings",
    "err",
    "load_progress",
    "open_client",
    "out",
    "summary_table",
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
            driver,
            database=settings.graph.database,
            timeout=settings.graph.query_timeout,
            retry_seconds=settings.graph.retry_seconds,
        )
    finally:
        driver.close()


def summary_table(summary: LoadSummary) -> Table:
    verb = "would be" if summary.dry_run else ""
    table = Table(title=f"Load summary{' (dry run: nothing written)' if summary.dry_run else ''}")
    for column in ("", f"created {verb}".strip(), f"updated {verb}".strip(), "unchanged"):
        table.add_column(column, justify="right" if column else "left")
    for name, counts in sorted(summary.labels.items()):
        table.add_row(f":{name}", str(counts.created), str(counts.updated), str(counts.unchanged))
    for name, counts in sorted(summary.types.items()):
        table.add_row(f"[:{name}]", str(counts.created), str(counts.updated), str(counts.unchanged))
    return table


@contextmanager
def load_progress(label: str = "loading") -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr (a terminal only), as ``update(done, total)``."""
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = bar.add_task(label, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield update
