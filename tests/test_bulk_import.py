"""Bulk loading through ``neo4j-admin database import``: ``dyad synth --csv`` writes the
files, ``dyad neo4j import`` imports them into a stopped local server, and the imported
graph is exactly what the batched loader writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.cli import main
from graph import (
    GraphClient,
    GraphSettings,
    LocalServer,
    LocalServerSettings,
    fingerprint,
    listings_out_of_step,
    open_driver,
)
from loaders.admin_csv import MULTILINE_MARKER, write_import_files
from loaders.research_data.batches import BatchWriter
from loaders.synth import Anchors, load_synthetic, synthetic_world, write_synthetic_files
from loaders.write import LoadSummary
from schema import Policy
from tests.conftest import free_port

pytestmark = pytest.mark.slow  # runs neo4j-admin import into a server of its own


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """A local server of the test's own, not started; the command line is pointed at it."""
    settings = LocalServerSettings(
        home=tmp_path / "neo4j", bolt_port=free_port(), http_port=0, pagecache="64m",
        exit_with_parent=True,
    )  # fmt: skip
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("DYAD_NEO4J_HOME", str(settings.home))
    monkeypatch.setenv("DYAD_NEO4J_BOLT_PORT", str(settings.bolt_port))
    monkeypatch.setenv("DYAD_NEO4J_HTTP_PORT", "0")
    monkeypatch.setenv("DYAD_NEO4J_PAGECACHE", "64m")
    monkeypatch.setenv("DYAD_NEO4J_EXIT_WITH_PARENT", "true")
    server = LocalServer(settings)
    yield server
    server.stop()


def _print_of(server: LocalServer) -> object:
    """The fingerprint of what ``server`` holds, once its listings are found in step."""
    driver = open_driver(GraphSettings(), server.bolt_uri)
    try:
        client = GraphClient(driver)
        assert listings_out_of_step(client) == []
        return fingerprint(client)
    finally:
        driver.close()


def _imported_world(server: LocalServer, tmp_path: Path) -> tuple[Path, object]:
    """Import files for synthetic scale 1, imported into ``server``; and its fingerprint."""
    files = tmp_path / "csv"
    assert main(["synth", "--scale", "1", "--csv", str(files)]) == 0
    assert main(["neo4j", "import", str(files)]) == 0
    return files, _print_of(server)


def test_an_imported_world_is_the_world_the_loader_writes(
    empty_client: GraphClient,
    offline: LocalServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = tmp_path / "csv"
    assert main(["synth", "--scale", "2", "--csv", str(files)]) == 0
    assert "dyad neo4j import" in capsys.readouterr().out
    assert sorted(p.name for p in files.glob("nodes-*.csv"))[0] == "nodes-Country.csv"

    # No field spans lines, so neo4j-admin may split each file between its threads.
    assert not (files / MULTILINE_MARKER).exists()
    assert main(["neo4j", "import", str(files)]) == 0
    assert "IMPORT DONE" in capsys.readouterr().out
    load_synthetic(empty_client, 2)
    assert _print_of(offline) == fingerprint(empty_client)
    assert listings_out_of_step(empty_client) == []


def test_a_field_that_spans_lines_is_imported_whole(
    empty_client: GraphClient, offline: LocalServer, tmp_path: Path
) -> None:
    summary = "Two paragraphs.\n\nThe second, after a blank line;\r\nand a third."
    world = [
        item.model_copy(update={"summary": summary})
        if isinstance(item, Policy) and item.id == Anchors.policy
        else item
        for item in synthetic_world(1)
    ]
    files = write_import_files(world, tmp_path / "csv")
    assert files.multiline
    assert (files.folder / MULTILINE_MARKER).exists()
    assert main(["neo4j", "import", str(files.folder)]) == 0
    # The same items through the batched loader: the imported graph is exactly that one.
    writer = BatchWriter(empty_client, LoadSummary(dry_run=False), 1_000, by="test")
    for item in world:
        writer.add(item)
    writer.flush()
    assert _print_of(offline) == fingerprint(empty_client)


def test_files_written_by_several_processes_import_the_same_world(
    empty_client: GraphClient, offline: LocalServer, tmp_path: Path
) -> None:
    files = tmp_path / "csv"
    counts = write_synthetic_files(3, files, processes=2, blocks_per_process=1)
    assert {p.name for p in files.glob("nodes-Policy*.csv")} == {
        "nodes-Policy.part1.csv",
        "nodes-Policy.part2.csv",
    }
    assert main(["neo4j", "import", str(files)]) == 0
    load_synthetic(empty_client, 3)
    written = fingerprint(empty_client)
    assert _print_of(offline) == written
    assert sum(counts.values()) == written.nodes + written.relationships


def test_import_refuses_a_running_server_and_an_existing_database(
    offline: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files, before = _imported_world(offline, tmp_path)
    capsys.readouterr()

    assert main(["neo4j", "import", str(files)]) == 1  # it runs now
    assert "stop Neo4j first" in capsys.readouterr().err
    offline.stop()
    assert main(["neo4j", "import", str(files)]) == 1
    assert "already holds a database; importing replaces it (use --force)" in (
        capsys.readouterr().err
    )
    offline.start()
    assert _print_of(offline) == before


def test_a_broken_file_fails_the_import_names_the_place_and_loses_nothing(
    offline: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files, before = _imported_world(offline, tmp_path)
    offline.stop()
    policies = files / "nodes-Policy.csv"
    policies.write_text(policies.read_text(encoding="utf-8") + '"policy:cut-short","No end\n')
    capsys.readouterr()
    assert main(["neo4j", "import", str(files), "--force"]) == 1
    err = capsys.readouterr().err
    assert "neo4j-admin database import failed (nothing was replaced)" in err
    assert "nodes-Policy.csv @ position" in err
    assert "missing end quote" in err  # a quoted field never ends on its line

    policies.write_text(
        policies.read_text(encoding="utf-8").replace('"policy:cut-short","No end\n', "")
    )
    made_by = files / "relationships-MADE_BY.csv"
    row = made_by.read_text(encoding="utf-8").splitlines()[1]
    made_by.write_text(  # one relationship to a node that is in no file: never skipped
        made_by.read_text(encoding="utf-8")
        + row.replace("leader:synth-0-", "leader:nobody-")
        + "\n"
    )
    assert main(["neo4j", "import", str(files), "--force"]) == 1
    assert "referring to missing node leader:nobody-" in capsys.readouterr().err
    offline.start()
    assert _print_of(offline) == before  # the database that was there is still there


def test_the_folder_must_hold_import_files(
    offline: LocalServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["neo4j", "import", str(tmp_path)]) == 2
    assert "holds no nodes-*.csv files" in capsys.readouterr().err
    monkeypatch.setenv("NEO4J_URI", "bolt://elsewhere:7687")  # no local server to import into
    assert main(["neo4j", "import", str(tmp_path)]) == 2
    assert "no local server to manage" in capsys.readouterr().out
    monkeypatch.delenv("NEO4J_URI")
    assert main(["neo4j", "import"]) == 2
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "nodes-Country.csv").write_text("id:ID\n")
    assert main(["synth", "--scale", "1", "--csv", str(tmp_path / "csv")]) == 2
    assert "already holds CSV files" in capsys.readouterr().err
    assert main(["synth", "--scale", "2", "--from-scale", "1", "--csv", str(tmp_path / "x")]) == 2
    assert "--csv writes a whole world" in capsys.readouterr().err
