"""Loaders by input format, for ``dyad load --format NAME FILE…``.

A format loader takes the client, the paths and the options, validates everything first,
writes all or nothing per file, and returns a ``LoadSummary``. ``corpus`` is the curated
YAML format; research formats (GDELT, POLECAT, Comtrade, restriction inventories) register
here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from graph import GraphClient
from loaders.corpus import load_corpus
from loaders.research_data import load_comtrade, load_gdelt, load_polecat, load_restrictions
from loaders.write import LoadSummary, ProgressCallback

__all__ = ["FORMATS", "FormatLoader"]


class FormatLoader(Protocol):
    def __call__(
        self,
        client: GraphClient,
        paths: Sequence[Path],
        *,
        batch_size: int,
        dry_run: bool,
        progress: ProgressCallback | None,
        options: dict[str, Any],
    ) -> LoadSummary: ...


def _corpus(
    client: GraphClient,
    paths: Sequence[Path],
    *,
    batch_size: int,
    dry_run: bool,
    progress: ProgressCallback | None,
    options: dict[str, Any],
) -> LoadSummary:
    return load_corpus(client, paths, batch_size=batch_size, dry_run=dry_run, progress=progress)


FORMATS: dict[str, FormatLoader] = {
    "corpus": _corpus,
    "gdelt": load_gdelt,
    "polecat": load_polecat,
    "comtrade": load_comtrade,
    "restrictions": load_restrictions,
}
