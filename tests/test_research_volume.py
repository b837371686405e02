"""Done-when: 100,000 synthetic CHN/JPN GDELT rows load with progress, and the series answers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph import GraphClient
from graph.analytics import dyad_series
from loaders import load_corpus
from loaders.research_data import load_gdelt
from tests.conftest import ROOT
from tests.research_rows import write_synthetic_gdelt

pytestmark = pytest.mark.slow  # loads 100,000 rows

ROWS = 100_000


def test_a_hundred_thousand_gdelt_rows_load_and_the_series_answers(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    """Every row is CHN→JPN or JPN→CHN (alternating), dated in 2025: all 100,000 are kept,
    each with two INVOLVES links (to China and Japan), and the series covers 12 months × 2
    directions whose counts add up to 100,000 (50,000 each way)."""
    load_corpus(empty_client, [ROOT / "tests" / "data" / "research" / "synthetic_world.yaml"])
    path = tmp_path / "synthetic_gdelt_100k.export.CSV"
    write_synthetic_gdelt(path, ROWS)
    ticks: list[tuple[int, int]] = []
    started = time.perf_counter()
    summary = load_gdelt(
        empty_client,
        [path],
        batch_size=5000,
        progress=lambda done, total: ticks.append((done, total)),
        options={"actors": "CHN,JPN"},
    )
    seconds = time.perf_counter() - started
    print(f"\n{ROWS} GDELT rows in {seconds:.1f} s: {ROWS / seconds:,.0f} rows/s")
    assert summary.labels["Event"].created == ROWS
    assert summary.types["INVOLVES"].created == 2 * ROWS
    assert len(ticks) >= 2 * ROWS // 5000  # the bar moves every 5,000 lines
    assert ticks[-1] == (2 * ROWS, 2 * ROWS)  # every line checked, then written
    counted = empty_client.read_text("MATCH (e:Event) RETURN count(e) AS n", {})
    assert counted[0]["n"] == ROWS
    points = dyad_series(empty_client, ["CHN", "JPN"])
    assert len(points) == 24
    assert sum(p.events for p in points) == ROWS
    assert sum(p.events for p in points if p.actor == "CHN") == ROWS // 2
    assert all(0.0 <= (p.conflict_share or 0.0) <= 1.0 for p in points)
