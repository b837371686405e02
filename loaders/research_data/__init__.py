"""Research data in: GDELT 2.0 events, POLECAT/PLOVER events, UN Comtrade trade flows and
export-restriction inventories, each as ``dyad load --format NAME FILE…``.

Every loader streams its files line by line, writes in batches inside one transaction per
file (all or nothing), reports progress, refuses bad rows with file, line and column, and
records a Source node per file (``source:<format>-<sha256 prefix>``); what it imports carries
``method: imported``. Ids come from the source's own keys, so a second load changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from graph import GraphClient
from loaders.research_data.comtrade import ComtradeReader
from loaders.research_data.events import parse_actors
from loaders.research_data.gdelt import GdeltReader
from loaders.research_data.polecat import PolecatReader
from loaders.research_data.restrictions import RestrictionsReader
from loaders.research_data.stream import RowReader, load_files
from loaders.write import LoadSummary, ProgressCallback

__all__ = ["load_comtrade", "load_gdelt", "load_polecat", "load_restrictions"]


def _loader(factory: Callable[[], RowReader]) -> Callable[..., LoadSummary]:
    def load(
        client: GraphClient,
        paths: Sequence[Path],
        *,
        batch_size: int = 5000,
        dry_run: bool = False,
        progress: ProgressCallback | None = None,
        options: dict[str, Any] | None = None,
    ) -> LoadSummary:
        opts = dict(options or {})
        opts["actor_set"] = parse_actors(opts.get("actors"))
        return load_files(
            client,
            paths,
            factory,
            batch_size=batch_size,
            dry_run=dry_run,
            progress=progress,
            options=opts,
        )

    return load


load_gdelt = _loader(GdeltReader)
load_polecat = _loader(PolecatReader)
load_comtrade = _loader(ComtradeReader)
load_restrictions = _loader(RestrictionsReader)
