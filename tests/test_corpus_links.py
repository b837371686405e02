"""Direct, sourced links in the corpus: a person to their state, a site to its country, native names.

A researcher should not have to walk offices or places to answer "whose official is this?" or
"which country is this mine in?", and searching 高市 needs the name as Japanese prints it.
"""

from __future__ import annotations

import re

from graph import GraphClient

#: People no cited source ties to a state (each would need a page that says so).
NO_SOURCED_STATE = {
    "leader:takahide-kiuchi",  # Nomura economist: the two relays do not say
    "leader:masato-sagawa",  # inventor: pages give his birthplace, not his nationality
    "leader:amanda-lacaze",  # Lynas CEO: an office of a company, not of a state
    "leader:james-litinsky",  # MP Materials CEO: likewise
    "leader:gracelin-baskaran",  # CSIS analyst
    "leader:antonio-guterres",  # UN Secretary-General: an office of no state
}

#: CJK ideographs, kana and the iteration mark: a native name is written in its own script.
_CJK = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def test_every_person_names_their_state_unless_no_source_does(corpus_client: GraphClient) -> None:
    rows = corpus_client.read_text(
        "MATCH (l:Leader) WHERE NOT EXISTS { (l)-[:NATIONAL_OF]->(:Country) } "
        "RETURN collect(l.id) AS ids",
        {},
    )
    assert set(rows[0]["ids"]) == NO_SOURCED_STATE


def test_a_state_officials_country_is_the_state_of_the_office(corpus_client: GraphClient) -> None:
    """NATIONAL_OF agrees with HOLDS_OFFICE → OFFICE_OF (directly, or through a ministry)."""
    rows = corpus_client.read_text(
        "MATCH (l:Leader)-[:HOLDS_OFFICE]->(:Office)-[:OFFICE_OF]->(x) "
        "OPTIONAL MATCH (x)-[:BASED_IN]->(home:Country) "
        "WITH l, CASE WHEN x:Country THEN x ELSE home END AS state "
        "WHERE state IS NOT NULL AND (x:Country OR x.org_type = 'government') "
        "OPTIONAL MATCH (l)-[n:NATIONAL_OF]->(c:Country) "
        "RETURN l.id AS leader, state.id AS office_state, collect(DISTINCT c.id) AS national_of, "
        "collect(n.sources) AS sources",
        {},
    )
    assert len(rows) >= 40
    for row in rows:
        assert row["office_state"] in row["national_of"], row
        assert all(row["sources"]), row
    by_leader = {row["leader"]: row["national_of"] for row in rows}
    # A Chinese consul in Osaka belongs to China and sits in Japan.
    assert by_leader["leader:xue-jian"] == ["country:CHN"]
    assert by_leader["leader:kenji-kanasugi"] == ["country:JPN"]


def test_every_site_reaches_its_country_in_one_hop(corpus_client: GraphClient) -> None:
    rows = corpus_client.read_text(
        "MATCH (m:Mine) "
        "OPTIONAL MATCH (m)-[d:LOCATED_IN]->(direct:Country) "
        "OPTIONAL MATCH (m)-[:LOCATED_IN*2..3]->(far:Country) "
        "RETURN m.id AS mine, collect(DISTINCT direct.id) AS direct, "
        "collect(DISTINCT far.id) AS far, collect(d.sources) AS sources",
        {},
    )
    assert len(rows) >= 10
    for row in rows:
        assert len(row["direct"]) == 1, row
        assert set(row["far"]) <= set(row["direct"]), row
        assert all(row["sources"]), row
    assert {r["mine"]: r["direct"][0] for r in rows}["mine:bayan-obo"] == "country:CHN"


def test_native_names_are_in_their_own_script_and_on_sourced_nodes(
    corpus_client: GraphClient,
) -> None:
    rows = corpus_client.read_text(
        "MATCH (n:Entity) WHERE n.native_name IS NOT NULL "
        "RETURN n.id AS id, n.native_name AS native, "
        "[s IN n.sources WHERE EXISTS { MATCH (:Source {id: s}) }] AS sources",
        {},
    )
    native = {row["id"]: row["native"] for row in rows}
    for row in rows:
        assert _CJK.search(row["native"]), row
        assert row["sources"], row
    assert native["leader:sanae-takaichi"] == "高市早苗"
    assert native["leader:xi-jinping"] == "习近平"
    for key in (
        "country:CHN",
        "country:JPN",
        "country:TWN",
        "organization:mofcom",
        "organization:meti",
        "organization:mofa-japan",
        "organization:mfa-prc",
        "mine:bayan-obo",
        "place:inner-mongolia",
    ):
        assert key in native, key
    leaders = {key for key in native if key.startswith("leader:")}
    assert len(leaders) >= 35
