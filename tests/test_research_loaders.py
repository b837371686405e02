"""Research data in: GDELT, POLECAT, Comtrade and restriction files, loaded as they come."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from api.cli import main
from graph import GraphClient, fingerprint, listings_out_of_step
from loaders import InvalidInputError, LoadSummary, load_corpus
from loaders.history import history
from loaders.research_data import load_comtrade, load_gdelt, load_polecat, load_restrictions
from loaders.research_data.batches import BatchWriter
from schema import Country, Event, Relationship
from tests.conftest import ROOT
from tests.research_rows import gdelt_row

DATA = ROOT / "tests" / "data" / "research"
GDELT = DATA / "synthetic_gdelt_chn_jpn.tsv"
POLECAT = DATA / "synthetic_polecat_chn_jpn.tsv"
COMTRADE = DATA / "synthetic_comtrade_jpn_imports.csv"
RESTRICTIONS = DATA / "synthetic_restrictions.csv"
DYAD = {"actors": "CHN,JPN"}


@pytest.fixture
def world(empty_client: GraphClient) -> GraphClient:
    load_corpus(empty_client, [DATA / "synthetic_world.yaml"])
    return empty_client


def _node(client: GraphClient, node_id: str) -> dict[str, Any]:
    rows = client.read_text("MATCH (n:Entity {id: $id}) RETURN properties(n) AS p", {"id": node_id})
    assert rows, f"{node_id} is not in the graph"
    return dict(rows[0]["p"])


def _links(client: GraphClient, node_id: str) -> set[tuple[str, str, str]]:
    rows = client.read_text(
        "MATCH (n:Entity {id: $id})-[r]->(m) RETURN type(r) AS t, m.id AS m, r.key AS k",
        {"id": node_id},
    )
    return {(r["t"], r["m"], r["k"]) for r in rows}


def test_gdelt_keeps_the_dyad_in_both_directions_with_codes_as_strings(world: GraphClient) -> None:
    calls: list[tuple[int, int]] = []
    summary = load_gdelt(
        world,
        [GDELT],
        batch_size=3,
        dry_run=False,
        progress=lambda d, t: calls.append((d, t)),
        options=DYAD,
    )
    assert summary.labels["Event"].created == 7  # CHN→USA, JPN→JPN and CHN→(none) are left out
    event = _node(world, "event:gdelt-1003")
    assert event["cameo_code"] == "046"
    assert (event["quad_class"], event["goldstein"], event["avg_tone"], event["num_articles"]) == (
        1,
        7.0,
        2.0,
        5,
    )
    assert (event["actor_country"], event["recipient_country"], event["dataset"]) == (
        "CHN",
        "JPN",
        "gdelt",
    )
    assert event["url"] == "https://example.org/synthetic/1003"
    assert _links(world, "event:gdelt-1002") == {
        ("INVOLVES", "country:CHN", "actor"),
        ("INVOLVES", "country:JPN", "recipient"),
        ("INVOLVES", "leader:sanae-takaichi", "recipient"),
    }
    source = _node(world, event["sources"][0])
    assert (
        source["title"]
        == "synthetic_gdelt_chn_jpn.tsv (GDELT 2.0 events export (61 tab-separated columns))"
    )
    assert "7 of 10 rows kept (skipped: 3 rows outside the dyad)" in source["citation"]
    method = world.read_text("MATCH ()-[r:INVOLVES]->() RETURN collect(DISTINCT r.method) AS m", {})
    assert method[0]["m"] == ["imported"]
    assert calls[-1] == (20, 20)  # every line is read twice: checked, then written


def _changes(client: GraphClient) -> int:
    return int(client.read_text("MATCH (c:Change) RETURN count(c) AS n", {})[0]["n"])


def test_a_second_load_of_the_same_file_changes_nothing(world: GraphClient, tmp_path: Path) -> None:
    recorded = _changes(world)
    load_gdelt(world, [GDELT], options=DYAD)
    # Every write records history, research data too: the event, its links, its Source.
    [created, *links] = sorted(history(world, "event:gdelt-1002"), key=lambda e: e.kind)
    assert (created.subject, created.action.value) == ("event:gdelt-1002", "created")
    assert created.by == "dyad load --format gdelt"
    assert created.sources == tuple(_node(world, "event:gdelt-1002")["sources"])
    assert len(links) == 3
    recorded = _changes(world)
    before = fingerprint(world)
    archive = tmp_path / "synthetic_gdelt_chn_jpn.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(GDELT, "20250404000000.export.CSV")
    again = load_gdelt(world, [GDELT], options=DYAD)
    assert again.changed == 0
    assert again.labels["Event"].unchanged == 7
    assert fingerprint(world) == before
    assert _changes(world) == recorded  # a reload that changes nothing records nothing
    zipped_load = load_gdelt(world, [archive], options=DYAD)
    assert zipped_load.labels["Event"].unchanged == 7  # same content, same source id
    assert zipped_load.labels["Source"].updated == 1  # its title now names the zip


def test_a_bad_value_names_file_line_and_column_and_writes_nothing(
    world: GraphClient, tmp_path: Path
) -> None:
    bad = tmp_path / "synthetic_bad.tsv"
    lines = GDELT.read_text().splitlines()
    fields = lines[2].split("\t")
    fields[30] = "abc"
    lines[2] = "\t".join(fields)
    lines[4] = "\t".join(lines[4].split("\t")[:58])
    bad.write_text("\n".join(lines) + "\n")
    before = fingerprint(world)
    with pytest.raises(InvalidInputError) as caught:
        load_gdelt(world, [GDELT, bad], options=DYAD)
    assert [str(p) for p in caught.value.problems] == [
        "synthetic_bad.tsv:3:31: GoldsteinScale: 'abc' is not a number",
        "synthetic_bad.tsv:5: expected 61 tab-separated columns (GDELT 2.0), found 58 (a GDELT 1.0 file has 58)",
    ]
    assert fingerprint(world) == before  # the good first file was not written either


def test_dry_run_counts_and_writes_nothing(world: GraphClient) -> None:
    before = fingerprint(world)
    summary = load_gdelt(world, [GDELT], dry_run=True, options=DYAD)
    assert summary.labels["Event"].created == 7
    assert fingerprint(world) == before


def test_bad_actors_option_is_refused(world: GraphClient) -> None:
    with pytest.raises(InvalidInputError, match="expected two or more ISO3 codes"):
        load_gdelt(world, [GDELT], options={"actors": "CHINA"})


def test_polecat_tolerates_column_variations(world: GraphClient) -> None:
    summary = load_polecat(world, [POLECAT], options=DYAD)
    assert summary.labels["Event"].created == 2  # the CHN→USA row is outside the dyad
    sanction = _node(world, "event:polecat-2025-04-04-SYN-0001")
    assert (sanction["event_type"], sanction["event_mode"], sanction["intensity"]) == (
        "sanction",
        "discontinue",
        -6.0,
    )
    assert sanction["quad_class"] == 4  # "MATERIAL CONFLICT"
    assert sanction["event_contexts"] == ["economic", "natural_resource"]
    accuse = _node(world, "event:polecat-2025-04-05-SYN-0002")
    assert (accuse["actor_country"], accuse["recipient_country"], accuse["quad_class"]) == (
        "JPN",
        "CHN",
        3,
    )
    assert ("INVOLVES", "organization:mofcom", "actor") in _links(
        world, "event:polecat-2025-04-04-SYN-0001"
    )
    assert ("INVOLVES", "leader:sanae-takaichi", "actor") in _links(
        world, "event:polecat-2025-04-05-SYN-0002"
    )


def test_polecat_without_required_columns_is_refused(world: GraphClient, tmp_path: Path) -> None:
    bad = tmp_path / "synthetic_polecat_no_country.tsv"
    bad.write_text("Event ID\tEvent Date\tEvent Type\n1\t2025-01-01\tACCUSE\n")
    with pytest.raises(InvalidInputError) as caught:
        load_polecat(world, [bad], options=DYAD)
    assert str(caught.value.problems[0]) == (
        "synthetic_polecat_no_country.tsv:1: the header lacks required columns (actorcountry, recipientcountry)"
    )


def test_comtrade_rows_become_trade_flows_per_pair_mineral_and_year(world: GraphClient) -> None:
    summary = load_comtrade(world, [COMTRADE], options={})
    assert summary.labels["TradeFlow"].created == 9  # 811292 names five metals: skipped
    flow = _node(world, "tradeflow:JPN-CHN-M-280530-2023")  # given as M49 codes 392 and 156
    assert (flow["value_usd"], flow["net_weight_kg"], flow["mineral"], flow["year"]) == (
        800.0,
        80.0,
        "mineral:rare-earths",
        2023,
    )
    assert _links(world, "tradeflow:JPN-WLD-M-284610-2024") == {
        ("INVOLVES", "country:JPN", "reporter"),
        ("ABOUT", "mineral:Ce", ""),
    }
    source = _node(world, flow["sources"][0])
    assert (
        "9 of 10 rows kept (skipped: 1 rows with HS codes shared by several minerals)"
        in source["citation"]
    )


def test_comtrade_duplicates_and_unknown_codes_are_refused(
    world: GraphClient, tmp_path: Path
) -> None:
    lines = COMTRADE.read_text().splitlines()
    bad = tmp_path / "synthetic_comtrade_bad.csv"
    bad.write_text(
        "\n".join([lines[0], lines[1], lines[1], lines[2].replace("704,VNM", "999,")]) + "\n"
    )
    with pytest.raises(InvalidInputError) as caught:
        load_comtrade(world, [bad], options={})
    assert [str(p) for p in caught.value.problems] == [
        "synthetic_comtrade_bad.csv:3: a second row for JPN M 280530 CHN 2024 (first at line 2); keep one total row per flow",
        "synthetic_comtrade_bad.csv:4:8: partner '999' is neither an ISO3 code nor the M49 code of a country in the graph",
    ]


def test_restriction_rows_become_policies_with_their_links(world: GraphClient) -> None:
    summary = load_restrictions(world, [RESTRICTIONS], options={})
    assert summary.labels["Policy"].created == 3
    assert summary.labels["Source"].created == 3  # the file, one URL, one citation
    tax = _node(world, "policy:chn-export-tax-280530-2015-01-01")
    assert (tax["policy_type"], tax["measure_value"], tax["measure_unit"]) == (
        "export_tax",
        25.0,
        "% ad valorem",
    )
    assert str(tax["ended"]) == "2015-05-01"
    assert tax["summary"] == (
        "Export tax on HS 280530 (Rare-earth metals (synthetic row)) by CHN, from 2015-01-01 "
        "until 2015-05-01. Legal basis: Synthetic tariff notice."
    )
    assert {(t, m) for t, m, _ in _links(world, "policy:chn-export-control-282560-2023-08-01")} == {
        ("ISSUED_BY", "country:CHN"),
        ("RESTRICTS", "mineral:Ge"),
        ("TARGETS", "country:JPN"),
        ("TARGETS", "country:USA"),
    }
    ban = _node(world, "policy:ind-export-ban-250410-2020-06-01")
    assert ban["policy_type"] == "export_ban"
    assert len(ban["sources"]) == 2


def test_a_bad_measure_type_names_its_column(world: GraphClient, tmp_path: Path) -> None:
    bad = tmp_path / "synthetic_restrictions_bad.csv"
    lines = RESTRICTIONS.read_text().splitlines()
    bad.write_text("\n".join([lines[0], lines[1].replace("export tax", "subsidy")]) + "\n")
    with pytest.raises(InvalidInputError) as caught:
        load_restrictions(world, [bad], options={})
    assert str(caught.value.problems[0]) == (
        "synthetic_restrictions_bad.csv:2:4: measure type 'subsidy' is not export tax, export quota, export ban or licensing"
    )


def test_the_command_line_loads_and_refuses(
    world: GraphClient, graph_settings_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", "--format", "gdelt", "--actors", "CHN,JPN", str(GDELT)]) == 0
    assert "Event" in capsys.readouterr().out
    bad = tmp_path / "synthetic_one_bad_row.tsv"
    bad.write_text(gdelt_row(1, "2025-13-45", "CHN", "JPN", "010", 1, 0.0, 0.0, 1) + "\n")
    before = fingerprint(world)
    assert main(["load", "--format", "gdelt", "--actors", "CHN,JPN", str(bad)]) == 2
    assert (
        "synthetic_one_bad_row.tsv:1:2: SQLDATE: '2025-13-45' is not a date"
        in capsys.readouterr().err
    )
    assert fingerprint(world) == before


def test_undo_removes_what_committed_batches_created_and_restores_what_they_changed(
    world: GraphClient,
) -> None:
    """What a load that fails part-way relies on: batches already committed are undone."""
    before = fingerprint(world)
    summary = LoadSummary()
    writer = BatchWriter(world, summary, batch_size=2, by="test")
    writer.add(Country(id="country:JPN", name="Renamed", iso3="JPN", sources=["source:synthetic"]))
    writer.add(
        Event(
            id="event:gdelt-1",
            name="x",
            event_type="coded_event",
            date="2025-01-01",
            sources=["source:synthetic"],
        )
    )
    writer.add(
        Relationship(start="event:gdelt-1", type="INVOLVES", end="country:CHN", sources=["source:synthetic"],
                     confidence=0.5, status="unverified", method="imported")
    )  # fmt: skip
    writer.flush()
    assert (summary.labels["Country"].updated, summary.labels["Event"].created) == (1, 1)
    assert fingerprint(world) != before
    writer.journal.undo(world, batch_size=2, by="test")
    assert fingerprint(world) == before
    assert listings_out_of_step(world) == []
    # The history keeps both: the write, then what undoing took back.
    [undone, done] = [e for e in history(world, "event:gdelt-1") if e.subject == "event:gdelt-1"]
    assert (undone.action.value, undone.by) == ("retired", "test (undone)")
    assert (done.action.value, done.by) == ("created", "test")
    renamed = next(e for e in history(world, "country:JPN") if e.subject == "country:JPN")
    assert renamed.after is not None
    assert renamed.by == "test (undone)"
    assert renamed.after["name"] == _node(world, "country:JPN")["name"]
