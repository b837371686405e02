"""The pydantic models turn away what the graph must never hold."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from schema import (
    DatePrecision,
    Policy,
    Relationship,
    Reliability,
    Source,
    SourceKind,
    Statement,
    Status,
)

SRC = ["source:x"]


def test_a_month_is_kept_as_a_month() -> None:
    policy = Policy(
        id="policy:p",
        name="p",
        sources=SRC,
        policy_type="licensing_delay",
        summary="s",
        announced="2026-01",
    )
    assert policy.announced == dt.date(2026, 1, 1)
    assert policy.announced_precision is DatePrecision.MONTH
    assert policy.properties()["announced_precision"] == "month"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"id": "policy:Bad Id"}, "String should match pattern"),
        ({"id": "statement:x"}, "must start with 'policy:'"),
        ({"announced": "2025-02-30"}, "not a real date"),
        ({"announced": "yesterday"}, "not a date"),
        ({"effective": "2024-01-01"}, "before announced"),
        ({"sources": []}, "at least 1 item"),
        ({"policy_type": "embargo"}, "Input should be"),
        ({"colour": "red"}, "Extra inputs are not permitted"),
    ],
)
def test_bad_policies_are_refused(changes: dict[str, object], fragment: str) -> None:
    data: dict[str, object] = {
        "id": "policy:p",
        "name": "p",
        "sources": SRC,
        "policy_type": "export_control",
        "summary": "s",
        "announced": "2025-04-04",
    } | changes
    with pytest.raises(ValidationError, match=fragment):
        Policy.model_validate(data)


def test_relationship_patterns_and_bounds() -> None:
    ok = Relationship(
        start="statement:a",
        type="PROVOKED",
        end="policy:b",
        sources=SRC,
        confidence=0.7,
        status="reported",
    )
    assert ok.status is Status.REPORTED
    assert ok.properties()["sources"] == ["source:x"]
    with pytest.raises(ValidationError, match="not an allowed pattern"):
        Relationship(
            start="mineral:Dy",
            type="PROVOKED",
            end="policy:b",
            sources=SRC,
            confidence=0.5,
            status="reported",
        )
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        Relationship(
            start="statement:a",
            type="PROVOKED",
            end="policy:b",
            sources=SRC,
            confidence=1.5,
            status="reported",
        )
    with pytest.raises(ValidationError, match="does not name a known kind"):
        Relationship(
            start="widget:a",
            type="PROVOKED",
            end="policy:b",
            sources=SRC,
            confidence=0.5,
            status="reported",
        )
    with pytest.raises(ValidationError, match="valid_to is before valid_from"):
        Relationship(
            start="statement:a",
            type="PROVOKED",
            end="policy:b",
            sources=SRC,
            confidence=0.5,
            status="reported",
            valid_from="2025-01-02",
            valid_to="2025-01-01",
        )


def test_a_source_needs_a_url_or_a_citation() -> None:
    with pytest.raises(ValidationError, match="url or a citation"):
        Source(
            id="source:a",
            name="a",
            title="a",
            publisher="p",
            origin="p",
            reliability=Reliability.A,
            source_kind=SourceKind.DATASET,
        )
    assert Source(
        id="source:a",
        name="a",
        title="a",
        publisher="p",
        origin="p",
        reliability=Reliability.A,
        source_kind=SourceKind.DATASET,
        citation="Diet record",
    )


def test_statement_stance_is_an_enum() -> None:
    with pytest.raises(ValidationError):
        Statement(
            id="statement:s", name="s", sources=SRC, date="2025-11-07", summary="x", stance="angry"
        )
