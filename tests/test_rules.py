"""The status rules of schema/rules.py: each refuses a file that breaks it, naming file:line,
and nothing is written; the same rules hold for mutations, the article reader and the audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from api.cli import main
from graph import GraphClient, fingerprint
from loaders import InvalidInputError, load_corpus
from loaders.audit import audit_files
from schema import Reliability, Rule, SourceGrade, Status, check_support
from tests.conftest import ROOT

MINI = ROOT / "tests" / "data" / "mini_corpus.yaml"

_SOURCES = """sources:
  - {id: source:gov, name: g, title: g, publisher: MOFCOM, origin: MOFCOM, reliability: A,
     source_kind: primary_document, published: 2026-01-06, url: "https://example.org/gov"}
  - {id: source:wire, name: w, title: w, publisher: The Straits Times, origin: Reuters,
     reliability: B, source_kind: news_report, published: 2026-01-08, url: "https://example.org/w"}
  - {id: source:wire-relay, name: r, title: r, publisher: Yahoo, origin: Reuters, reliability: B,
     source_kind: news_report, published: 2026-01-08, url: "https://example.org/r"}
  - {id: source:paper, name: p, title: p, publisher: Kyodo, origin: Kyodo, reliability: B,
     source_kind: news_report, published: 2026-01-09, url: "https://example.org/p"}
  - {id: source:blog, name: b, title: b, publisher: A blog, origin: A blog, reliability: D,
     source_kind: analysis, published: 2026-01-10, url: "https://example.org/b"}
  - {id: source:farm, name: f, title: f, publisher: A content farm, origin: unknown,
     reliability: E, source_kind: news_report, published: 2026-01-10, url: "https://example.org/f"}
"""


def _fact(sources: str, status: str, confidence: float = 0.8, extra: str = "") -> str:
    return (
        _SOURCES
        + "relationships:\n"
        + "  - {start: policy:cn-2025-04-ree, type: RESTRICTS, end: mineral:Dy, key: t,\n"
        + f"     sources: [{sources}], status: {status}, confidence: {confidence}{extra}}}\n"
    )


# rule: a file that breaks it (and no other)
BREAKING: dict[Rule, str] = {
    Rule.CONFIRMED_NEEDS_SUPPORT: _fact("source:wire, source:wire-relay", "confirmed"),
    Rule.CONFIDENCE_BAND: _fact("source:gov", "confirmed", 0.6),
    Rule.NOT_ON_E_ALONE: _fact("source:farm", "unverified", 0.3),
    Rule.D_ALONE_AT_MOST_REPORTED: _fact("source:blog, source:farm", "confirmed"),
    Rule.NOT_BEFORE_THE_FACT: _fact("source:gov", "confirmed", 0.9, ", valid_from: 2026-02-01"),
}


@pytest.mark.parametrize("rule", list(BREAKING), ids=lambda r: r.value)
def test_each_rule_refuses_a_file_naming_its_line_and_writes_nothing(
    empty_client: GraphClient, tmp_path: Path, rule: Rule
) -> None:
    load_corpus(empty_client, [MINI])
    before = fingerprint(empty_client)
    bad = tmp_path / "bad.yaml"
    bad.write_text(BREAKING[rule], encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_corpus(empty_client, [bad])
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 1, messages
    assert messages[0].startswith("bad.yaml:16: policy:cn-2025-04-ree -[RESTRICTS]-> mineral:Dy:")
    assert f"[{rule.value}]" in messages[0]
    assert fingerprint(empty_client) == before


@pytest.mark.parametrize(
    ("sources", "status", "extra"),
    [
        ("source:gov", "confirmed", ""),  # an A source confirms alone
        ("source:wire, source:paper", "confirmed", ""),  # two independent B origins
        ("source:blog", "reported", ""),  # D alone: at most reported
        ("source:blog, source:farm", "reported", ""),  # E beside D
        ("source:gov", "confirmed", ", valid_to: 2026-11-10, future_date: announced"),
    ],
)
def test_facts_that_keep_the_rules_load(
    empty_client: GraphClient, tmp_path: Path, sources: str, status: str, extra: str
) -> None:
    load_corpus(empty_client, [MINI])
    good = tmp_path / "good.yaml"
    good.write_text(_fact(sources, status, 0.8, extra), encoding="utf-8")
    assert load_corpus(empty_client, [good]).types["RESTRICTS"].created == 1


def test_the_cli_refuses_a_breach_with_exit_2_and_the_place(
    empty_client: GraphClient,
    graph_settings_env: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load_corpus(empty_client, [MINI])
    bad = tmp_path / "bad.yaml"
    bad.write_text(BREAKING[Rule.D_ALONE_AT_MOST_REPORTED], encoding="utf-8")
    assert main(["load", str(MINI), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:16:" in err
    assert "at most 'reported'" in err


def test_a_fact_citing_a_graded_source_already_in_the_graph_is_judged_by_its_grade(
    empty_client: GraphClient, tmp_path: Path
) -> None:
    first = tmp_path / "sources.yaml"
    first.write_text(_SOURCES, encoding="utf-8")
    load_corpus(empty_client, [MINI, first])
    fact = tmp_path / "fact.yaml"
    fact.write_text(
        "relationships:\n"
        "  - {start: policy:cn-2025-04-ree, type: RESTRICTS, end: mineral:Dy, key: t,\n"
        "     sources: [source:blog], status: confirmed, confidence: 0.9}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError, match=r"d_alone_at_most_reported"):
        load_corpus(empty_client, [fact])


def test_corroboration_counts_origins_not_addresses() -> None:
    reuters_twice = [
        SourceGrade("source:a", Reliability.B, "Reuters"),
        SourceGrade("source:b", Reliability.B, "reuters"),
    ]
    assert [b.rule for b in check_support(Status.CONFIRMED, 0.9, reuters_twice)] == [
        Rule.CONFIRMED_NEEDS_SUPPORT
    ]
    kyodo = SourceGrade("source:c", Reliability.B, "Kyodo")
    assert check_support(Status.CONFIRMED, 0.9, [*reuters_twice, kyodo]) == []


def test_a_month_date_is_not_after_a_source_published_within_that_month() -> None:
    source = SourceGrade("source:a", Reliability.A, "MOFCOM", dt.date(2026, 1, 31))
    day = dt.date(2026, 1, 15)
    assert check_support(Status.CONFIRMED, 1.0, [source], dates=[("date", day)]) == []
    later = dt.date(2026, 2, 1)
    breaches = check_support(Status.CONFIRMED, 1.0, [source], dates=[("date", later)])
    assert [b.rule for b in breaches] == [Rule.NOT_BEFORE_THE_FACT]


def test_audit_lists_every_breach_with_its_place_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BREAKING[Rule.CONFIDENCE_BAND], encoding="utf-8")
    report = audit_files([MINI, bad])
    assert [f.place for f in report.breaches] == ["bad.yaml:16"]
    assert report.sources_by_grade["A"] == 2  # source:mini and source:gov
    assert {f.subject for f in report.unused_sources} >= {"source:farm", "source:blog"}
    assert main(["audit", str(MINI), str(bad)]) == 1
    assert (
        "bad.yaml:16: policy:cn-2025-04-ree -[RESTRICTS]-> mineral:Dy:" in capsys.readouterr().out
    )


def test_audit_of_the_shipped_corpus_finds_no_breach(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit"]) == 0, capsys.readouterr().out
