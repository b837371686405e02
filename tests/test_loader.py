"""`dyad load`: all or nothing, idempotent, and every bad input named by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli import main
from graph import GraphClient, fingerprint
from loaders import InvalidInputError, load_corpus
from tests.conftest import ROOT

MINI = ROOT / "tests" / "data" / "mini_corpus.yaml"
SRC = "sources: [source:mini]"


def test_load_twice_changes_nothing(empty_client: GraphClient) -> None:
    first = load_corpus(empty_client, [MINI])
    assert first.labels["Country"].created == 2
    assert first.types["RESTRICTS"].created == 1
    before = fingerprint(empty_client)
    second = load_corpus(empty_client, [MINI])
    assert second.changed == 0
    assert second.labels["Country"].unchanged == 2
    assert fingerprint(empty_client) == before


def test_dry_run_writes_nothing_and_counts(empty_client: GraphClient) -> None:
    summary = load_corpus(empty_client, [MINI], dry_run=True)
    assert summary.labels["Mineral"].created == 1
    assert fingerprint(empty_client).nodes == 0


def test_properties_are_stored_as_typed_values(empty_client: GraphClient) -> None:
    load_corpus(empty_client, [MINI])
    rows = empty_client.read_text(
        "MATCH (p:Policy {id: 'policy:cn-2025-04-ree'})-[r:RESTRICTS]->(m:Mineral) "
        "RETURN p.announced AS announced, p.announced_precision AS precision, "
        "r.sources AS sources, r.confidence AS confidence, r.method AS method, m.symbol AS symbol",
        {},
    )
    assert len(rows) == 1
    row = rows[0]
    assert str(row["announced"]) == "2025-04-04"
    assert row["precision"] == "day"
    assert row["sources"] == ["source:mini"]
    assert row["confidence"] == 1.0
    assert row["method"] == "curated"
    assert row["symbol"] == "Dy"


_POLICY = """policies:
  - id: policy:p
    name: P
    policy_type: export_control
    summary: S
    announced: 2025-04-04
    sources: [source:mini]
"""
_REL = """relationships:
  - start: policy:cn-2025-04-ree
    type: RESTRICTS
    end: mineral:Dy2
    sources: [source:mini]
    confidence: 1.0
    status: confirmed
"""

# (file text, the exact first problem)
BROKEN: dict[str, tuple[str | bytes, str]] = {
    "yaml syntax": (
        "countries:\n  - id: country:X\n    name: [unclosed\n",
        "bad.yaml:4:1: invalid YAML: expected ',' or ']', but got '<stream end>'",
    ),
    "unknown kind": (
        "widgets:\n  - id: widget:x\n",
        "bad.yaml:1: unknown kind 'widgets'; expected one of countries, events, industries, leaders, minerals, mines, offices, organizations, places, policies, relationships, sources, statements",
    ),
    "item not a mapping": (
        "countries:\n  - country:JPN\n",
        "bad.yaml:2: countries: each item must be a mapping of fields",
    ),
    "kind not a list": ("countries: Japan\n", "bad.yaml:1: countries: must be a list of items"),
    "unknown field": (
        _POLICY + "    colour: red\n",
        "bad.yaml:8: policy:p: unknown field 'colour'",
    ),
    "missing field": (
        _POLICY.replace("    summary: S\n", ""),
        "bad.yaml:2: policy:p: missing field 'summary'",
    ),
    "bad id": (
        _POLICY.replace("policy:p", "policy:P P"),
        "bad.yaml:2: policy:P P: id: String should match pattern '^[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]{0,119}$' (got 'policy:P P')",
    ),
    "id of another kind": (
        _POLICY.replace("id: policy:p", "id: mineral:p"),
        "bad.yaml:2: mineral:p: id 'mineral:p' of a Policy must start with 'policy:'",
    ),
    "duplicate id": (
        _POLICY.replace("policy:p", "policy:cn-2025-04-ree"),
        "bad.yaml:2: policy:cn-2025-04-ree: duplicate id; first defined at ",
    ),
    "dangling reference": (
        _REL,
        "bad.yaml:4: policy:cn-2025-04-ree -[RESTRICTS]-> mineral:Dy2: unknown mineral 'mineral:Dy2'",
    ),
    "unknown source": (
        _POLICY.replace(SRC, "sources: [source:nowhere]"),
        "bad.yaml:7: policy:p: unknown source 'source:nowhere'",
    ),
    "pattern not allowed": (
        _REL.replace("end: mineral:Dy2", "end: country:JPN"),
        "bad.yaml:2: policy:cn-2025-04-ree -[RESTRICTS]-> country:JPN: (Policy)-[:RESTRICTS]->(Country) is not an allowed pattern",
    ),
    "bad status": (
        _REL.replace("mineral:Dy2", "mineral:Dy").replace("confirmed", "certain"),
        "bad.yaml:7: policy:cn-2025-04-ree -[RESTRICTS]-> mineral:Dy: status: Input should be 'confirmed', 'reported', 'alleged' or 'unverified' (got 'certain')",
    ),
    "confidence out of range": (
        _REL.replace("mineral:Dy2", "mineral:Dy").replace("1.0", "1.5"),
        "bad.yaml:6: policy:cn-2025-04-ree -[RESTRICTS]-> mineral:Dy: confidence: Input should be less than or equal to 1 (got 1.5)",
    ),
    "impossible date": (
        _POLICY.replace("2025-04-04", "2025-02-30"),
        "bad.yaml:6: policy:p: announced: not a real date: '2025-02-30' (day is out of range for month)",
    ),
    "date out of range": (
        _POLICY.replace("2025-04-04", "3025-01-01"),
        "bad.yaml:6: policy:p: announced: date out of range 1800..2100: '3025-01-01'",
    ),
    "duplicate field": (
        _POLICY + "    name: Q\n",
        "bad.yaml:8: policies: field 'name' appears twice",
    ),
    "NUL byte": (
        b"countries:\n  - id: country:X\0\n",
        "bad.yaml:2: NUL byte in the file: is it binary?",
    ),
    "not UTF-8": (
        b"countries:\n  - name: Japon\n" + b"\xe9\n",
        "bad.yaml:3: not UTF-8 (byte 0xe9 at offset 27)",
    ),
    "alias": (
        "countries:\n  - &a {id: country:X}\n  - *a\n",
        "bad.yaml:3:5: invalid YAML: aliases (*name) are not allowed in corpus files",
    ),
    "duplicate relationship": (
        _REL.replace("mineral:Dy2", "mineral:Dy"),
        "bad.yaml:2: policy:cn-2025-04-ree -[RESTRICTS]-> mineral:Dy: duplicate relationship (same ends, type and key ''); first at ",
    ),
    "source without url": (
        "sources:\n  - id: source:s\n    name: S\n    title: S\n    publisher: P\n"
        "    origin: P\n    reliability: C\n    source_kind: news_report\n",
        "bad.yaml:2: source:s: a source needs a url or a citation",
    ),
    "Cypher in an id": (
        _POLICY.replace("policy:p", "policy:p'})-[:X]->(n) DETACH DELETE n//"),
        "bad.yaml:2: policy:p'})-[:X]->(n) DETACH DELETE n//: id: String should match pattern",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_input_is_refused_with_its_place_and_nothing_changes(
    case: str, empty_client: GraphClient, tmp_path: Path
) -> None:
    load_corpus(empty_client, [MINI])
    before = fingerprint(empty_client)
    text, expected = BROKEN[case]
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(InvalidInputError) as caught:
        load_corpus(empty_client, [MINI, bad])
    first = str(caught.value.problems[0])
    assert first.startswith(expected), first
    assert "nothing was written" in str(caught.value)
    assert fingerprint(empty_client) == before


def test_cli_exit_code_and_message(
    empty_client: GraphClient,
    graph_settings_env: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "policies.yaml"
    bad.write_text(_REL)
    assert main(["load", str(MINI), str(bad)]) == 2
    err = capsys.readouterr().err
    assert (
        "policies.yaml:4: policy:cn-2025-04-ree -[RESTRICTS]-> mineral:Dy2: unknown mineral" in err
    )
    assert fingerprint(empty_client).nodes == 0
    assert main(["load", str(MINI)]) == 0
    assert fingerprint(empty_client).nodes == 5


def test_missing_path_is_refused(empty_client: GraphClient, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="no such file or folder"):
        load_corpus(empty_client, [tmp_path / "nope.yaml"])
