"""Research answers out: the dyad series, import dependence, exposure and what-if, by hand."""

from __future__ import annotations

import json
from typing import Any

import pytest

from api.cli import main
from graph import GraphClient, NodeNotFoundError
from graph.analytics import dyad_series, exposure, import_dependence
from graph.analytics.errors import AnalyticsInputError
from loaders import load_corpus
from loaders.research_data import load_comtrade, load_gdelt, load_polecat
from tests.conftest import ROOT
from tests.http import graphql_answer

DATA = ROOT / "tests" / "data" / "research"

# In-process apps read GraphQL through their own async driver, to NEO4J_URI: the test server.
# Slow tier (`make test-fast` leaves it out): synthetic trade worlds loaded per module.
pytestmark = [pytest.mark.usefixtures("graph_settings_env"), pytest.mark.slow]


async def ask(client: GraphClient, query: str, **variables: Any) -> dict[str, Any]:
    return await graphql_answer(client, query, **variables)


@pytest.fixture
def world(empty_client: GraphClient) -> GraphClient:
    load_corpus(empty_client, [DATA / "synthetic_world.yaml"])
    return empty_client


@pytest.fixture
def events(world: GraphClient) -> GraphClient:
    load_gdelt(world, [DATA / "synthetic_gdelt_chn_jpn.tsv"], options={"actors": "CHN,JPN"})
    load_polecat(world, [DATA / "synthetic_polecat_chn_jpn.tsv"], options={"actors": "CHN,JPN"})
    return world


@pytest.fixture
def trade(world: GraphClient) -> GraphClient:
    load_comtrade(world, [DATA / "synthetic_comtrade_jpn_imports.csv"], options={})
    return world


def test_the_dyad_series_by_month_and_direction(events: GraphClient) -> None:
    """The seven GDELT rows of the fixture, by month and direction:

    2025-04 CHN→JPN: 163 (Q4, G −8, tone −5, 10 articles), 112 (Q3, −2, −3, 5),
      046 (Q1, +7, +2, 5). N = 3, Q = (1, 0, 1, 1), ΣG = −3, mean −1,
      conflict share (1 + 1) / 3 = 0.6667, tone (−5·10 − 3·5 + 2·5) / 20 = −55 / 20 = −2.75.
    2025-04 JPN→CHN: 111 (Q3, −2, −4, 2): N = 1, conflict 1, tone −4.
    2025-05 CHN→JPN: 061 (Q2, +6.4, +1, 4): N = 1, conflict 0, tone 1.
    2025-05 JPN→CHN: 010 (Q1, 0, 0, 1), 1312 (Q3, −5.8, −6, 3): N = 2, ΣG = −5.8,
      mean −2.9, conflict 1 / 2 = 0.5, tone (0 − 18) / 4 = −4.5.
    """
    points = {
        (p.month, p.direction): p for p in dyad_series(events, ["CHN", "JPN"], dataset="gdelt")
    }
    assert sorted(points) == [
        ("2025-04", "CHN→JPN"),
        ("2025-04", "JPN→CHN"),
        ("2025-05", "CHN→JPN"),
        ("2025-05", "JPN→CHN"),
    ]
    april = points[("2025-04", "CHN→JPN")]
    assert (april.events, april.quad_counts, april.goldstein_sum) == (3, (1, 0, 1, 1), -3.0)
    assert april.goldstein_mean == pytest.approx(-1.0)
    assert april.conflict_share == pytest.approx(2 / 3)
    assert april.weighted_tone == pytest.approx(-2.75)
    may = points[("2025-05", "JPN→CHN")]
    assert (may.events, may.goldstein_sum) == (2, pytest.approx(-5.8))
    assert may.goldstein_mean == pytest.approx(-2.9)
    assert may.conflict_share == pytest.approx(0.5)
    assert may.weighted_tone == pytest.approx(-4.5)
    assert points[("2025-05", "CHN→JPN")].conflict_share == 0.0


def test_the_series_counts_polecat_events_too(events: GraphClient) -> None:
    """All datasets: April CHN→JPN gains the POLECAT SANCTION (quad 4, no Goldstein, no
    articles), so N = 4, Q4 = 2, conflict share (1 + 2) / 4 = 0.75; ΣG stays −3 over the 3
    events that carry a score (mean −1); the tone stays −2.75 (the new event has no articles)."""
    april = next(
        p for p in dyad_series(events, ["JPN", "CHN"]) if p.month == "2025-04" and p.actor == "CHN"
    )
    assert (april.events, april.quad_counts) == (4, (1, 0, 1, 2))
    assert april.conflict_share == pytest.approx(0.75)
    assert april.goldstein_mean == pytest.approx(-1.0)
    assert april.weighted_tone == pytest.approx(-2.75)


def test_import_dependence_share_and_hhi_from_trade_flows(trade: GraphClient) -> None:
    """Japan's imports of rare earths (HS 280530, and 284610 counted as cerium, a member):

    2023: no World row, so the denominator is the partners' sum: CHN 800 + VNM 200 = 1000.
      share(CHN) = 0.8; HHI = 80² + 20² = 6400 + 400 = 6800 (highly concentrated).
    2024: World = 900 + 100 = 1000. CHN 500 + 100 = 600, VNM 200, FRA 100.
      share(CHN) = 0.6; HHI = 60² + 20² + 10² = 3600 + 400 + 100 = 4100; the partners named
      cover 900 / 1000 = 0.9 of the World total. China's own export row (X) does not count.
    """
    answer = import_dependence(trade, "JPN", "CHN", "mineral:rare-earths")
    y2023, y2024 = answer.years
    assert (y2023.year, y2023.denominator, y2023.share, y2023.hhi, y2023.band) == (
        2023,
        "sum of partners",
        0.8,
        pytest.approx(6800),
        "highly concentrated",
    )
    assert (y2024.year, y2024.denominator, y2024.total_usd) == (2024, "world", 1000.0)
    assert y2024.share == pytest.approx(0.6)
    assert y2024.hhi == pytest.approx(4100)
    assert y2024.partner_coverage == pytest.approx(0.9)
    assert [s.partner for s in y2024.suppliers] == ["CHN", "VNM", "FRA"]
    assert set(answer.minerals_counted) == {
        "mineral:rare-earths",
        "mineral:Ce",
        "mineral:Dy",
        "mineral:Tb",
    }
    with pytest.raises(NodeNotFoundError):
        import_dependence(trade, "JPN", "CHN", "mineral:unobtainium")
    with pytest.raises(AnalyticsInputError, match="importer"):
        import_dependence(trade, "Japan", "CHN", "mineral:rare-earths")


def test_exposure_to_a_policy_term_by_term(world: GraphClient) -> None:
    """policy:test-ree (issued by MOFCOM, BASED_IN China, aimed at no one) restricts Dy and
    Tb. The synthetic magnet industry depends on Dy (0.6) and Tb (0.5); Japan's curated import
    shares from China are Dy 1.0 (2025) and Tb 0.9 (2025): terms 0.6 × 1.0 = 0.6 and
    0.5 × 0.9 = 0.45. Both are rare earths, one family, so only the larger counts:
        exposure = 0.6 (not 0.6 + 0.45).
    Its rare-earths dependence (0.9) is no term: the group is not restricted."""
    answer = exposure(world, industry="industry:test-magnets", policy="policy:test-ree")
    assert answer.exporters == ("country:CHN",)
    (magnets,) = answer.industries
    assert magnets.exposure == 0.6
    dy, tb = magnets.terms
    assert (dy.mineral, dy.intensity, dy.share, dy.share_year, dy.share_basis) == (
        "mineral:Dy",
        0.6,
        1.0,
        2025,
        "curated import share",
    )
    assert (dy.family, dy.counted, dy.contribution) == ("mineral:rare-earths", True, 0.6)
    assert (tb.value, tb.counted, tb.contribution) == (0.45, False, 0.0)
    assert [link.relation for link in dy.chain] == ["RESTRICTS", "DEPENDS_ON"]
    assert dy.share_evidence is not None
    assert (dy.share_evidence.relation, dy.share_evidence.key) == ("IMPORTS_FROM", "2025-Dy")
    assert dy.chain[0].start == "policy:test-ree"
    assert dy.explanation == (
        "intensity(Synthetic magnet industry → Dysprosium) 0.6 × share(JPN ← restricter, "
        "Dysprosium, 2025, curated import share) 1 = 0.6; adds 0.6"
    )
    assert tb.explanation.endswith(
        "= 0.45; not counted: Dysprosium counts for the family mineral:rare-earths"
    )


def test_what_if_ranks_industries_with_trade_shares_first(trade: GraphClient) -> None:
    """China restricts the rare-earths group to Japan. Restricted: the group and its members.

    Magnets: Dy 0.6 × 1.0 (curated, no trade flows for Dy) = 0.6; Tb 0.5 × 0.9 = 0.45;
      rare earths 0.9 × 0.6 (trade flows 2024: 600 of 1000 USD, ahead of the curated 0.7)
      = 0.54. One family: exposure 0.6, Dy's term (the sum would have been 1.59).
    Motors depend on magnets (0.8), so each term is 0.8 × the magnets' term: 0.48.
    """
    answer = exposure(trade, target="JPN", restricter="CHN", minerals=["mineral:rare-earths"])
    magnets, motors = answer.industries
    assert (magnets.industry, magnets.exposure) == ("industry:test-magnets", 0.6)
    assert (motors.industry, motors.exposure) == ("industry:test-motors", 0.48)
    group = next(t for t in magnets.terms if t.mineral == "mineral:rare-earths")
    assert (group.share, group.share_year, group.share_basis, group.counted) == (
        0.6,
        2024,
        "trade flows",
        False,
    )
    assert [t.mineral for t in magnets.terms if t.counted] == ["mineral:Dy"]
    motor_dy = next(t for t in motors.terms if t.mineral == "mineral:Dy")
    assert [link.relation for link in motor_dy.chain] == [
        "RESTRICTS",
        "PART_OF",
        "DEPENDS_ON",
        "DEPENDS_ON",
    ]
    assert motor_dy.chain[0].hypothetical
    assert motor_dy.intensity == 0.48
    assert [link.weight for link in motor_dy.chain] == [None, None, 0.6, 0.8]


def test_a_what_if_reaches_only_where_it_is_aimed(trade: GraphClient) -> None:
    """The same restriction aimed at the United States reaches no Japanese industry; aimed
    at no one (an industry named, no target), it reaches Japan but not China's own."""
    aimed_elsewhere = exposure(
        trade, target="USA", restricter="CHN", minerals=["mineral:rare-earths"]
    )
    assert aimed_elsewhere.industries == ()
    anyone = exposure(
        trade, industry="industry:test-magnets", restricter="CHN", minerals=["mineral:Dy"]
    )
    assert [i.exposure for i in anyone.industries] == [0.6]
    own = exposure(
        trade, industry="industry:test-magnets", restricter="JPN", minerals=["mineral:Dy"]
    )
    assert own.industries == ()


def test_ndfeb_exposure_to_the_april_2025_controls_from_the_corpus(
    corpus_client: GraphClient,
) -> None:
    """Japan's NdFeB-magnet industry and MOFCOM/GAC Announcement No. 18 of 2025 (restricting
    Sm, Gd, Tb, Dy, Lu, Sc, Y). The industry depends on Dy (intensity 0.6) and Tb (0.5) among
    those; the corpus gives Japan's 2025 import shares from China as Dy 1.0 and Tb 1.0:
    terms 0.6 and 0.5, both rare earths, so exposure = 0.6, the figure `impact` gives too."""
    answer = exposure(
        corpus_client, industry="industry:jpn-ndfeb-magnets", policy="policy:cn-2025-04-ree"
    )
    (ndfeb,) = answer.industries
    assert ndfeb.exposure == 0.6
    assert [(t.mineral, t.intensity, t.share, t.share_year, t.counted) for t in ndfeb.terms] == [
        ("mineral:Dy", 0.6, 1.0, 2025, True),
        ("mineral:Tb", 0.5, 1.0, 2025, False),
    ]


BAN_ON_JAPAN = "policy:cn-2026-01-dual-use-ban-japan"
IMPACT = """query($policy: ID!, $country: ID) { impact(policy: $policy, country: $country) {
  industries { industry { id } exposure exposureRaw
    terms { mineral { id } family value counted contribution
            chain { relation cause { id } effect { id } } } } } }"""


@pytest.mark.anyio
async def test_impact_and_exposure_give_the_same_score(corpus_client: GraphClient) -> None:
    """One formula: for the January 2026 dual-use ban, every industry `impact` reaches has the
    score (and terms) that `exposure` gives it, and they are the same industries."""
    body = await ask(corpus_client, IMPACT, policy=BAN_ON_JAPAN, country=None)
    assert "errors" not in body, body
    impact = {
        i["industry"]["id"]: (i["exposureRaw"], sorted((t["mineral"]["id"], t["value"],
                                                        t["counted"]) for t in i["terms"]))
        for i in body["data"]["impact"]["industries"]
    }  # fmt: skip
    analysed = {
        i.industry: (i.exposure_raw, sorted((t.mineral, t.value, t.counted) for t in i.terms))
        for i in exposure(corpus_client, policy=BAN_ON_JAPAN).industries
    }
    assert len(impact) > 10
    assert impact == analysed
    one = exposure(corpus_client, policy=BAN_ON_JAPAN, industry="industry:jpn-defence")
    assert one.industries[0].exposure_raw == impact["industry:jpn-defence"][0]


def test_no_score_in_the_corpus_leaves_0_to_1(corpus_client: GraphClient) -> None:
    """Every policy of the corpus, every industry it reaches: the score, each term and each
    contribution lie in 0..1, and the contributions add up to the score."""
    policies = [row["id"] for row in corpus_client.read_text(
        "MATCH (p:Policy) WHERE EXISTS { (p)-[:RESTRICTS]->() } RETURN p.id AS id", {}
    )]  # fmt: skip
    scored = 0
    for policy in policies:
        for industry in exposure(corpus_client, policy=policy).industries:
            assert 0.0 < industry.exposure_raw <= 1.0, (policy, industry.industry)
            assert all(0.0 <= t.value <= 1.0 for t in industry.terms)
            parts = sum(t.contribution for t in industry.terms)
            assert parts == pytest.approx(industry.exposure, abs=0.001 * len(industry.terms))
            scored += 1
    assert len(policies) > 5
    assert scored > 50


@pytest.mark.anyio
async def test_a_group_and_its_members_count_once(corpus_client: GraphClient) -> None:
    """The dual-use ban restricts the rare-earths group and Dy, Tb and Sm, and gallium and
    germanium. Japan's NdFeB-magnet industry depends on the group (0.9) and on Nd, Pr, Dy
    and Tb: five terms, one family, so its score is the largest of them, the group's
    0.9 × 0.719 (JOGMEC's 2024 share) = 0.647, where the sum was 2.83. Japanese defence
    depends on rare earths (largest term Dy, 0.5 × 1.0), gallium (0.4) and germanium (0.4),
    no import share known for the last two: 1 − (1 − 0.5)(1 − 0.4)(1 − 0.4) = 0.82, where
    the sum was 3.61."""
    body = await ask(corpus_client, IMPACT, policy=BAN_ON_JAPAN, country="country:JPN")
    industries = {i["industry"]["id"]: i for i in body["data"]["impact"]["industries"]}
    ndfeb = industries["industry:jpn-ndfeb-magnets"]
    assert {t["mineral"]["id"] for t in ndfeb["terms"]} == {
        "mineral:rare-earths", "mineral:Nd", "mineral:Pr", "mineral:Dy", "mineral:Tb",
    }  # fmt: skip
    assert {t["family"] for t in ndfeb["terms"]} == {"mineral:rare-earths"}
    counted = [t for t in ndfeb["terms"] if t["counted"]]
    assert [(t["mineral"]["id"], t["value"]) for t in counted] == [("mineral:rare-earths", 0.647)]
    assert ndfeb["exposure"] == max(t["value"] for t in ndfeb["terms"]) == 0.647
    defence = industries["industry:jpn-defence"]
    assert sorted(t["mineral"]["id"] for t in defence["terms"] if t["counted"]) == [
        "mineral:Dy", "mineral:Ga", "mineral:Ge",
    ]  # fmt: skip
    assert defence["exposure"] == 0.82
    assert [t["contribution"] for t in defence["terms"] if t["counted"]] == [0.5, 0.2, 0.12]
    via_group = next(t for t in ndfeb["terms"] if t["mineral"]["id"] == "mineral:Nd")
    assert [s["relation"] for s in via_group["chain"]] == ["RESTRICTS", "PART_OF", "DEPENDS_ON"]
    assert [(s["cause"]["id"], s["effect"]["id"]) for s in via_group["chain"][1:]] == [
        ("mineral:rare-earths", "mineral:Nd"),
        ("mineral:Nd", "industry:jpn-ndfeb-magnets"),
    ]


@pytest.mark.anyio
async def test_graphql_explains_the_ndfeb_exposure_and_agrees_with_impact(
    corpus_client: GraphClient,
) -> None:
    body = await ask(
        corpus_client,
        """{ exposure(industry: "industry:jpn-ndfeb-magnets", policy: "policy:cn-2025-04-ree") {
               exporters formula industries { exposure terms { mineral value explanation
                 chain { relation start end intensity weight status }
                 shareEvidence { relation share year sources } } } }
             impact(policy: "policy:cn-2025-04-ree", country: "country:JPN") {
               industries { industry { id } exposure } } }""",
    )
    assert "errors" not in body, body
    (ndfeb,) = body["data"]["exposure"]["industries"]
    assert ndfeb["exposure"] == 0.6
    assert [t["mineral"] for t in ndfeb["terms"]] == ["mineral:Dy", "mineral:Tb"]
    dy = ndfeb["terms"][0]
    assert [link["status"] for link in dy["chain"]] == ["REPORTED", "CONFIRMED"]
    share = dy["shareEvidence"]
    assert (share["relation"], share["share"], share["year"]) == ("IMPORTS_FROM", 1.0, 2025)
    assert share["sources"] == [
        "source:trendforce-2025-06-24",
        "source:chinadaily-2026-01-06-permit-review",
    ]
    impact = {i["industry"]["id"]: i["exposure"] for i in body["data"]["impact"]["industries"]}
    assert impact["industry:jpn-ndfeb-magnets"] == ndfeb["exposure"]


@pytest.mark.anyio
async def test_graphql_series_dependence_and_errors(events: GraphClient) -> None:
    load_comtrade(events, [DATA / "synthetic_comtrade_jpn_imports.csv"], options={})
    body = await ask(
        events,
        """{ dyadSeries(actors: ["country:CHN", "country:JPN"], dataset: "gdelt") { month actor events conflictShare weightedTone }
             importDependence(importer: "country:JPN", exporter: "country:CHN", mineral: "mineral:rare-earths") {
               years { year share hhi band } }
             whatIf(restricter: "country:CHN", target: "country:JPN", minerals: ["mineral:Dy"]) {
               industries { industry exposure } } }""",
    )
    assert "errors" not in body, body
    assert body["data"]["dyadSeries"][0] == {
        "month": "2025-04",
        "actor": "CHN",
        "events": 3,
        "conflictShare": pytest.approx(2 / 3),
        "weightedTone": -2.75,
    }
    assert [y["hhi"] for y in body["data"]["importDependence"]["years"]] == [6800, 4100]
    # Dy alone: magnets 0.6 × 1.0; motors 0.8 × 0.6 × 1.0
    assert body["data"]["whatIf"]["industries"] == [
        {"industry": "industry:test-magnets", "exposure": 0.6},
        {"industry": "industry:test-motors", "exposure": 0.48},
    ]
    bad = await ask(
        events, '{ exposure(industry: "industry:nope", policy: "policy:test-ree") { formula } }'
    )
    assert bad["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert bad["errors"][0]["path"] == ["exposure"]
    bad = await ask(events, '{ dyadSeries(actors: ["China"]) { month } }')
    assert bad["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "actors"}


def test_the_command_line_answers(
    corpus_client: GraphClient, graph_settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "exposure",
        "--industry",
        "industry:jpn-ndfeb-magnets",
        "--policy",
        "policy:cn-2025-04-ree",
    ]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "exposure = 0.6" in text
    assert "intensity(Japanese NdFeB magnet industry → Dysprosium) 0.6" in " ".join(text.split())
    assert main([*argv, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["industries"][0]["exposure"] == 0.6
    assert (
        main(
            [
                "what-if",
                "--restricter",
                "CHN",
                "--target",
                "JPN",
                "--minerals",
                "mineral:Dy,mineral:Tb",
                "--json",
            ]
        )
        == 0
    )
    ranked = json.loads(capsys.readouterr().out)["industries"]
    assert ranked[0]["industry"] == "industry:jpn-ndfeb-magnets"
    assert [i["exposure"] for i in ranked] == sorted((i["exposure"] for i in ranked), reverse=True)
    assert (
        main(["dependence", "--importer", "Japan", "--exporter", "CHN", "--mineral", "mineral:Dy"])
        == 2
    )
    assert (
        "--importer: importer: expected a country id like country:JPN, not 'Japan'"
        in capsys.readouterr().err
    )
    assert (
        main(["exposure", "--industry", "industry:jpn-ndfeb-magnets", "--policy", "policy:nope"])
        == 2
    )
    assert "no node with id 'policy:nope'" in capsys.readouterr().err
