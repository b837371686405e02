"""Writing an article: one Source, offset MENTIONS, extracted claims beside curated facts;
the same text twice changes nothing; bad input is refused with nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from api.cli import main
from graph import GraphClient, fingerprint
from loaders import CORPUS_DIR, load_corpus
from loaders.article import ArticleOptions, load_article, read_article_file
from tests.conftest import ROOT

# Slow tier (`make test-fast` leaves it out): loads articles into a fresh corpus per test.
pytestmark = pytest.mark.slow

SEED = ROOT / "tests" / "data" / "seed_article.txt"
MINI = ROOT / "tests" / "data" / "mini_corpus.yaml"
SEED_DATE = dt.date(2025, 11, 28)
SLOWDOWN = "policy:cn-2025-12-licence-slowdown-japan"


@pytest.fixture
def corpus_to_write(empty_client: GraphClient) -> GraphClient:
    load_corpus(empty_client, [CORPUS_DIR])
    return empty_client


@pytest.fixture
def small_graph(empty_client: GraphClient) -> GraphClient:
    """Bad input must leave any graph as it was; a small one is quicker to set up."""
    load_corpus(empty_client, [MINI])
    return empty_client


def test_loading_the_seed_twice_changes_nothing(corpus_to_write: GraphClient) -> None:
    client = corpus_to_write
    before = fingerprint(client)
    first = load_article(client, SEED, ArticleOptions(date=SEED_DATE))
    after_first = fingerprint(client)
    assert after_first.sha256 != before.sha256
    assert after_first.labels["Source"] == before.labels["Source"] + 1
    second = load_article(client, SEED, ArticleOptions(date=SEED_DATE))
    assert second.summary.changed == 0
    assert fingerprint(client) == after_first
    assert first.reading.source_id == second.reading.source_id


def test_the_source_its_mentions_and_its_claims_are_stored(corpus_to_write: GraphClient) -> None:
    client = corpus_to_write
    result = load_article(
        client,
        SEED,
        ArticleOptions(date=SEED_DATE, url="https://example.org/a", publisher="P", title="T"),
    )
    sid = result.reading.source_id
    source = client.read_text(
        "MATCH (s:Source {id: $id}) RETURN s.text AS text, toString(s.published) AS date, "
        "s.url AS url, s.publisher AS publisher, s.title AS title, s.content_hash AS hash, "
        "s.reliability AS grade, s.origin AS origin",
        {"id": sid},
    )[0]
    text = SEED.read_text(encoding="utf-8")
    assert source["text"] == text
    assert (source["date"], source["url"], source["publisher"], source["title"]) == (
        "2025-11-28",
        "https://example.org/a",
        "P",
        "T",
    )
    # Not graded by the user: D, whose claims are at most 'reported' (schema/rules.py).
    assert (source["grade"], source["origin"]) == ("D", "P")
    assert sid == f"source:article-{source['hash'][:16]}"
    mentions = client.read_text(
        "MATCH (:Source {id: $id})-[r:MENTIONS]->(e:Entity) "
        "RETURN e.id AS id, r.start_char AS s, r.end_char AS e, r.key AS key",
        {"id": sid},
    )
    assert len({m["key"] for m in mentions}) == len(mentions)
    pm = [text[m["s"] : m["e"]] for m in mentions if m["id"] == "leader:sanae-takaichi"]
    assert sorted(pm) == ["Japan’s PM", "Japan’s Prime Minister"]
    assert {"mine:bayan-obo", "place:inner-mongolia", "mineral:rare-earths"} <= {
        m["id"] for m in mentions
    }


def test_claims_sit_beside_curated_facts_and_never_replace_them(
    corpus_to_write: GraphClient,
) -> None:
    client = corpus_to_write
    query = (
        "MATCH (:Statement {id: 'statement:takaichi-2025-11-07-diet'})-[r:PROVOKED]->"
        "(:Policy {id: $policy}) RETURN r.key AS key, r.method AS method, r.status AS status, "
        "r.sources AS sources, r.quote AS quote ORDER BY key"
    )
    curated = client.read_text(query, {"policy": SLOWDOWN})
    result = load_article(client, SEED, ArticleOptions(date=SEED_DATE))
    after = client.read_text(query, {"policy": SLOWDOWN})
    assert [r for r in after if r["method"] == "curated"] == curated
    extracted = [r for r in after if r["method"] == "extracted"]
    assert len(extracted) == 1
    claim = extracted[0]
    assert claim["status"] == "unverified"
    assert claim["sources"] == [result.reading.source_id]
    assert claim["quote"].startswith("Yet, this move appears to be a direct reaction")
    assert claim["key"].startswith(result.reading.claim_key_prefix)


def test_dry_run_writes_nothing(corpus_to_write: GraphClient) -> None:
    before = fingerprint(corpus_to_write)
    result = load_article(corpus_to_write, SEED, ArticleOptions(date=SEED_DATE), dry_run=True)
    assert result.summary.changed > 0
    assert fingerprint(corpus_to_write) == before


def test_the_command_loads_the_seed(
    corpus_to_write: GraphClient, graph_settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["load-article", str(SEED), "--date", "2025-11-28", "--publisher", "unknown"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "leader:sanae-takaichi" in printed
    assert "unverified" in printed
    sid = read_article_file(SEED).source_id
    assert corpus_to_write.read_text(
        "MATCH (s:Source {id: $id}) RETURN s.publisher AS p", {"id": sid}
    ) == [{"p": "unknown"}]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "args", "message"),
    [
        ("empty.txt", b" \n\n", [], "empty.txt:0: the file is empty"),
        ("binary.txt", b"China\x00\x01\x02", [], "binary.txt:1: contains a NUL byte at byte 5"),
        ("latin1.txt", "Japan\nPékin".encode("latin-1"), [], "latin1.txt:2: not UTF-8: byte 7"),
        ("huge.txt", b"China and Japan. " * 50_000, [], "huge.txt:0: too large"),
        ("long.txt", "日本".encode() * 100_001, [], "long.txt:0: too long: 200,002 characters"),
        ("old.txt", b"China and Japan.", ["--date", "1700-01-01"], "date out of range 1800..2100"),
        ("bad.txt", b"China and Japan.", ["--date", "2025-02-30"], "--date: not a real date"),
        ("month.txt", b"China and Japan.", ["--date", "2025-11"], "give a full day"),
        ("url.txt", b"China and Japan.", ["--url", "example.org"], "--url: not an http(s) URL"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    small_graph: GraphClient,
    graph_settings_env: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    name: str,
    data: bytes,
    args: list[str],
    message: str,
) -> None:
    before = fingerprint(small_graph)
    path = _write(tmp_path, name, data)
    assert main(["load-article", str(path), *args]) == 2
    err = capsys.readouterr().err
    assert "nothing was written" in err
    assert message in err
    assert fingerprint(small_graph) == before


def test_a_missing_file_is_named(
    graph_settings_env: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["load-article", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt:0: no such file" in capsys.readouterr().err
