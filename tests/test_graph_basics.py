"""Migrations are idempotent, the fingerprint sees every change (and only changes), and reads
give plain values or the values as the driver decoded them."""

from __future__ import annotations

import datetime as dt

from graph import GraphClient, fingerprint, migrate
from loaders.write import plan_and_write
from schema import Country, Relationship, Reliability, Source, SourceKind


def _world(name: str = "Japan") -> tuple[list[object], list[Relationship]]:
    nodes = [
        Source(
            id="source:s",
            name="s",
            title="t",
            publisher="p",
            origin="p",
            reliability=Reliability.A,
            source_kind=SourceKind.DATASET,
            url="https://example.org/s",
        ),
        Country(id="country:JPN", name=name, iso3="JPN", sources=["source:s"]),
        Country(id="country:CHN", name="China", iso3="CHN", sources=["source:s"]),
    ]
    rels = [
        Relationship(
            start="country:JPN",
            type="IMPORTS_FROM",
            end="country:CHN",
            sources=["source:s"],
            confidence=0.9,
            status="confirmed",
            share=0.7,
            year=2024,
            key="2024",
        )
    ]
    return nodes, rels


def test_migrate_twice_changes_nothing(empty_client: GraphClient) -> None:
    nodes, rels = _world()
    plan_and_write(empty_client, nodes, rels, batch_size=2, by="test")  # type: ignore[arg-type]
    before = fingerprint(empty_client)
    migrate(empty_client)
    assert fingerprint(empty_client) == before


def test_fingerprint_ignores_order_and_sees_changes(empty_client: GraphClient) -> None:
    nodes, rels = _world()
    plan_and_write(empty_client, nodes, rels, batch_size=1, by="test")  # type: ignore[arg-type]
    first = fingerprint(empty_client)
    assert first.labels == {"Country": 2, "Entity": 3, "Source": 1}
    assert first.types == {"IMPORTS_FROM": 1}

    empty_client.autocommit("graph/clear")
    plan_and_write(empty_client, list(reversed(nodes)), rels, batch_size=5, by="test")  # type: ignore[arg-type]
    assert fingerprint(empty_client) == first

    renamed, _ = _world("Nippon")
    summary = plan_and_write(empty_client, renamed, rels, batch_size=5, by="test")  # type: ignore[arg-type]
    assert summary.labels["Country"].updated == 1
    assert summary.labels["Country"].unchanged == 1
    assert fingerprint(empty_client).sha256 != first.sha256


def test_reads_give_plain_values_or_the_values_as_decoded(graph_client: GraphClient) -> None:
    text = "RETURN date('2025-11-07') AS day, {at: date('2026-01-06'), n: 1} AS map"
    [plain] = graph_client.read_text(text, {})
    assert plain == {"day": dt.date(2025, 11, 7), "map": {"at": dt.date(2026, 1, 6), "n": 1}}
    [decoded] = graph_client.read_text(text, {}, convert=False)
    assert not isinstance(decoded["day"], dt.date)  # the driver's own Date, left as it is
    assert decoded["day"].to_native() == dt.date(2025, 11, 7)
    assert decoded["map"]["at"].to_native() == dt.date(2026, 1, 6)
