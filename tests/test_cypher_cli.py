"""`dyad query`, `dyad cypher`, `dyad export`, `dyad dump` and `dyad restore` as a researcher uses them."""

from __future__ import annotations

import csv
import io
import json
import shlex
import zipfile
from pathlib import Path

import networkx as nx  # type: ignore[import-untyped]
import pytest

from api.cli import main
from graph import GraphClient, fingerprint
from graph.research_catalog import catalog
from loaders import CORPUS_DIR, load_corpus
from schema import without_list_keys
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("graph_settings_env")


def _fingerprint_json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["fingerprint", "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_query_list_shows_every_canned_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)["queries"]
    assert [q["name"] for q in listed] == list(catalog())
    assert main(["query", "--list"]) == 0
    assert "controls_in_force" in capsys.readouterr().out


def test_query_prints_json_csv_and_a_table(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["query", "alternative_suppliers", "--param", "mineral=mineral:Tb"]
    assert main([*args, "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["columns"][:3] == ["site", "site_type", "country"]
    assert {row[2] for row in body["rows"]} == {"Malaysia", "Myanmar"}
    assert {n["data"]["id"] for n in body["graph"]["nodes"]} == {
        "mine:lynas-kuantan",
        "mine:kachin-clays",
    }
    assert body["truncated"] is False
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][0] == "site"
    assert len(rows) == 3
    assert main(args) == 0
    assert "Lynas" in capsys.readouterr().out


def test_a_bad_parameter_is_named_and_exits_2(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "controls_in_force", "--param", "date=yesterday"]) == 2
    assert (
        "parameter 'date' must be a date (YYYY-MM-DD); got 'yesterday'" in capsys.readouterr().err
    )
    assert main(["query", "no_such_query"]) == 2
    assert "no canned query named 'no_such_query'" in capsys.readouterr().err


def test_cypher_create_is_refused_and_nothing_is_written(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fingerprint_json(capsys)
    assert main(["cypher", "CREATE (n:Country {id:'x'}) RETURN n"]) == 2
    message = capsys.readouterr().err
    assert "refused: CREATE creates nodes" in message
    assert "only read the graph" in message
    assert "nothing was written" in message
    assert _fingerprint_json(capsys) == before


def test_cypher_reads_with_parameters(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "MATCH (m:Mineral) WHERE m.atomic_number >= $min RETURN m.symbol AS s ORDER BY s"
    assert main(["cypher", text, "--param", "min=70", "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert [row[0] for row in body["rows"]] == ["Lu", "Yb"]


def test_graphml_export_reads_back_with_networkx(
    corpus_client: GraphClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "dyad.graphml"
    assert main(["export", "--format", "graphml", "-o", str(target)]) == 0
    nodes = corpus_client.read("export/all_nodes")
    rels = corpus_client.read("export/all_relationships")
    graph = nx.read_graphml(target)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == len(nodes)
    assert graph.number_of_edges() == len(rels)
    for row in nodes:
        data = graph.nodes[row["id"]]
        assert set(without_list_keys(row["properties"])) - {"id"} <= set(data)
        assert data["kind"] in row["labels"]
        props = row["properties"]
        if props.get("aliases"):
            assert data["aliases"] == ";".join(props["aliases"])
    takaichi = graph.nodes["statement:takaichi-2025-11-07-diet"]
    assert takaichi["date"] == "2025-11-07"
    edge_data = {
        (start, end, data["type"], data.get("key", "")): data
        for start, end, data in graph.edges(data=True)
    }
    for row in rels:
        key = (row["start"], row["end"], row["type"], row["properties"].get("key", ""))
        assert set(row["properties"]) <= set(edge_data[key])
        assert edge_data[key]["confidence"] == row["properties"]["confidence"]


def test_neighbourhood_exports_in_every_format(
    corpus_client: GraphClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    around = ["--from", "policy:cn-2025-04-ree", "--depth", "1"]
    assert main(["export", "--format", "cytoscape", *around]) == 0
    cy = json.loads(capsys.readouterr().out)["elements"]
    ids = {n["data"]["id"] for n in cy["nodes"]}
    assert {"policy:cn-2025-04-ree", "mineral:Dy", "organization:mofcom"} <= ids
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in cy["edges"])

    assert main(["export", "--format", "nodelink", *around]) == 0
    linked = nx.node_link_graph(json.loads(capsys.readouterr().out), edges="links")
    assert set(linked.nodes) == ids
    assert linked.number_of_edges() == len(cy["edges"])

    archive = tmp_path / "hood.zip"
    assert main(["export", "--format", "csv", *around, "-o", str(archive)]) == 0
    with zipfile.ZipFile(archive) as opened:
        node_rows = list(csv.DictReader(io.StringIO(opened.read("nodes.csv").decode())))
        edge_rows = list(csv.DictReader(io.StringIO(opened.read("edges.csv").decode())))
    assert {r["id"] for r in node_rows} == ids
    assert len(edge_rows) == len(cy["edges"])

    assert main(["export", "--from", "policy:nope"]) == 2
    assert "no node with id 'policy:nope'" in capsys.readouterr().err


@pytest.mark.slow  # dumps and restores the corpus
def test_dump_then_restore_into_an_empty_database_gives_the_same_fingerprint(
    empty_client: GraphClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_corpus(empty_client, [CORPUS_DIR])
    dumped = tmp_path / "dyad.jsonl"
    before = _fingerprint_json(capsys)
    assert main(["dump", str(dumped)]) == 0

    assert main(["restore", str(dumped)]) == 2  # the corpus is still there
    assert "not empty" in capsys.readouterr().err
    assert _fingerprint_json(capsys) == before

    empty_client.autocommit("graph/clear")
    assert fingerprint(empty_client).nodes == 0
    assert main(["restore", str(dumped)]) == 0
    assert _fingerprint_json(capsys) == before
    assert main(["restore", "--force", str(dumped)]) == 0
    assert _fingerprint_json(capsys) == before


def test_the_readme_query_examples_run(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Cypher for researchers", 1)[1]
    commands = [
        shlex.split(line.split("  #")[0])[1:]
        for line in section.splitlines()
        if line.startswith((".venv/bin/dyad query", ".venv/bin/dyad cypher"))
    ]
    assert len(commands) == 4
    for argv in commands:
        assert main(argv) == 0, argv
        assert capsys.readouterr().out
