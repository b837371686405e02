"""``dyad export --format corpus`` (#22): the curated record written back as corpus YAML that
``dyad load`` reads to the same fingerprint; what curators accepted is in it, the queue is not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from api.cli import main
from graph import GraphClient, fingerprint
from loaders import CORPUS_DIR, load_corpus
from loaders.ingest import ingest
from loaders.review import accept, list_items
from tests.test_history import DATA, QUILLMERE, _item

pytestmark = pytest.mark.usefixtures("graph_settings_env")


def _reload(client: GraphClient, folder: Path) -> None:
    client.autocommit("graph/clear")
    load_corpus(client, [folder])


@pytest.mark.slow  # exports and reloads the whole record
def test_the_corpus_exports_and_reloads_to_the_same_fingerprint(
    empty_client: GraphClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_corpus(empty_client, [CORPUS_DIR])
    loaded = fingerprint(empty_client)
    capsys.readouterr()
    assert main(["export", "--format", "corpus", "-o", str(tmp_path / "out")]) == 0
    assert f"{loaded.nodes} nodes, {loaded.relationships} relationships" in capsys.readouterr().err
    _reload(empty_client, tmp_path / "out")
    assert fingerprint(empty_client) == loaded


@pytest.mark.slow  # exports and reloads the whole record
def test_accepted_knowledge_is_exported_and_the_queue_is_not(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    load_corpus(empty_client, [DATA / "ingest_corpus.yaml"])
    ingest(empty_client, [DATA / "articles.jsonl"])
    accept(empty_client, _item(empty_client, "Quillmere Magnetics Ltd"))
    pending = [i.properties["name"] for i in list_items(empty_client)]
    assert pending

    assert main(["export", "--format", "corpus", "-o", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "corpus.yaml").read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    names = {
        n["name"] for kind, items in document.items() if kind != "relationships" for n in items
    }
    assert "Quillmere Magnetics Ltd" in names
    assert QUILLMERE in {r["end"] for r in document["relationships"]}
    assert not names & set(pending)
    _reload(empty_client, tmp_path / "out")
    reloaded = fingerprint(empty_client)
    assert "ReviewItem" not in reloaded.labels
    # The reloaded record exports to the same file: the round trip is stable.
    assert main(["export", "--format", "corpus", "-o", str(tmp_path / "again")]) == 0
    assert (tmp_path / "again" / "corpus.yaml").read_text(encoding="utf-8") == text


def test_a_bad_target_is_refused_with_a_clear_message(
    corpus_client: GraphClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder", encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "--format", "corpus", "-o", str(in_the_way)]) != 0
    assert f"{in_the_way} is not a folder" in capsys.readouterr().err
    assert main(["export", "--format", "corpus", "-o", str(in_the_way / "below")]) != 0
    assert f"cannot write {in_the_way / 'below'}" in capsys.readouterr().err
    assert main(["export", "--format", "corpus"]) != 0
    assert "--format corpus needs -o FOLDER" in capsys.readouterr().err
    assert in_the_way.read_text(encoding="utf-8") == "not a folder"
