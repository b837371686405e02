"""Causal semantics follow the measure's target (schema.MEASURE_REACH).

What a measure restricts is its object; the effect reaches industries in the countries the
measure targets (or, aimed at no one, anywhere but the issuer's), and goes further only along
a stated dependence. China's ban on exports to Japan reaches Japanese industry, not Chinese
refining.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

import pytest

import queries
from graph import GraphClient
from graph.research_runner import ResearchSettings, run_canned
from loaders import CORPUS_DIR, collect_files, load_corpus, read_and_validate
from schema import CODED_EVENT_LINK, MEASURE_REACH, Label, RelType, label_for_id
from tests.conftest import ROOT
from tests.test_graphql_api import WORLD, ask

# Slow tier (`make test-fast` leaves it out): many GraphQL answers on the corpus.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env"), pytest.mark.slow]
CHAINS = """query($from: ID!, $kind: NodeKind, $country: ID, $hops: Int!) {
  causalChains(from: $from, toKind: $kind, toCountry: $country, maxHops: $hops, first: 50) {
    nodes { id } steps { cause { id } effect { id } relation } } }"""
IMPACT = """query($policy: ID!) { impact(policy: $policy) { industries { industry { id } } } }"""
REMARK = "statement:takaichi-2025-11-07-diet"
BAN_ON_JAPAN = "policy:cn-2026-01-dual-use-ban-japan"
CHINESE_REFINING = "industry:chn-ree-separation"
SETTINGS = ResearchSettings()
# Every query that follows a measure to what it reaches holds the one reach block.
FOLLOW_A_MEASURE = [
    "analytics/exposure_terms",
    "api/causal_chains",
    "api/impact",
    "research/causal_chains_all",
    "research/causal_effects",
    "research/chains_remark_to_industry",
    "research/companies_exposed",
    "research/industries_by_exposure",
    "research/industry_exposure_to_policy",
]
REACH_WORLD = [*WORLD, ROOT / "tests" / "data" / "reach_corpus.yaml"]


class Facts:
    """Where things are, whom measures aim at and who issues them, read from corpus files."""

    def __init__(self, paths: Iterable[Any]) -> None:
        rels = read_and_validate(collect_files(paths)).relationships
        self.located: dict[str, set[str]] = defaultdict(set)
        home: dict[str, set[str]] = defaultdict(set)
        aims: dict[str, set[str]] = defaultdict(set)
        issued: dict[str, set[str]] = defaultdict(set)
        for r in rels:
            if r.type in MEASURE_REACH.located and r.end_label is Label.COUNTRY:
                self.located[r.start].add(r.end)
            if r.type is MEASURE_REACH.home and r.end_label is Label.COUNTRY:
                home[r.start].add(r.end)
            if r.type is MEASURE_REACH.aims:
                aims[r.start].add(r.end)
            if r.type is MEASURE_REACH.issued_by:
                issued[r.start].add(r.end)

        def countries(ids: set[str]) -> set[str]:
            own = {i for i in ids if label_for_id(i) is Label.COUNTRY}
            return own.union(*(home[i] for i in ids))

        self.targets = {m: countries(ids) for m, ids in aims.items()}
        self.issuers = {m: countries(ids) for m, ids in issued.items()}

    def reaches(self, measure: str, node: str) -> bool:
        return MEASURE_REACH.reaches(
            self.located[node], self.targets.get(measure, set()), self.issuers.get(measure, set())
        )

    def unreached(self, chain: dict[str, Any]) -> list[str]:
        """Industries of a chain that no measure before them reaches: the first node after a
        measure's object must be within its reach; later ones need a stated dependence from
        a node that was reached."""
        steps = chain["steps"]
        wrong: list[str] = []
        for i, step in enumerate(steps[:-1]):
            if step["relation"] != RelType.RESTRICTS.value:
                continue
            measure = step["cause"]["id"]
            carried = set()
            for later in steps[i + 1 :]:
                effect, cause = later["effect"]["id"], later["cause"]["id"]
                if later is steps[i + 1]:
                    ok = self.reaches(measure, effect)
                else:
                    ok = cause in carried and RelType(later["relation"]) in (
                        MEASURE_REACH.dependence
                    )
                if ok:
                    carried.add(effect)
                elif label_for_id(effect) is Label.INDUSTRY:
                    wrong.append(f"{measure} → … → {effect}")
                    break
        return wrong


@cache
def corpus_facts() -> Facts:
    return Facts([CORPUS_DIR])


async def chains(client: GraphClient, start: str, **args: Any) -> list[dict[str, Any]]:
    variables = {"from": start, "kind": "INDUSTRY", "country": None, "hops": 6, **args}
    status, body = await ask(client, CHAINS, **variables)
    assert status == 200, body
    assert not body.get("errors"), body
    found: list[dict[str, Any]] = body["data"]["causalChains"]
    return found


async def impacted(client: GraphClient, policy: str) -> set[str]:
    status, body = await ask(client, IMPACT, policy=policy)
    assert status == 200, body
    return {i["industry"]["id"] for i in body["data"]["impact"]["industries"]}


def research(client: GraphClient, name: str, **params: Any) -> list[dict[str, Any]]:
    result = run_canned(client, name, params, SETTINGS)
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


@pytest.mark.slow  # chains from every policy of the corpus, a few hundred GraphQL answers
async def test_no_chain_in_the_corpus_reaches_an_industry_the_measure_does_not_aim_at(
    corpus_client: GraphClient,
) -> None:
    facts = corpus_facts()
    measures = sorted(m for m in facts.issuers if m.startswith("policy:"))
    checked = 0
    countries = sorted(set().union(*facts.issuers.values(), *facts.targets.values()))
    for start in [REMARK, *measures]:
        # the 50 strongest anywhere, and in every country a measure is issued from or aimed at
        for country in [None, *countries]:
            for chain in await chains(corpus_client, start, country=country):
                assert facts.unreached(chain) == [], (start, chain["nodes"])
                restricted = [s for s in chain["steps"][:-1] if s["relation"] == "RESTRICTS"]
                checked += len(restricted)
    assert checked > 100  # restrictions were followed, so the check means something


async def test_the_ban_on_japan_reaches_japanese_industry_not_chinese_refining(
    corpus_client: GraphClient,
) -> None:
    assert facts_say_refining_depends_on_what_the_ban_restricts()
    assert await chains(corpus_client, BAN_ON_JAPAN, country="country:CHN") == []
    reached = await impacted(corpus_client, BAN_ON_JAPAN)
    assert "industry:jpn-ndfeb-magnets" in reached
    assert not any(i.startswith("industry:chn-") for i in reached)
    effects = research(corpus_client, "causal_effects", **{"from": BAN_ON_JAPAN, "maxHops": 4})
    names = {row["effect"] for row in effects}
    assert "Japanese NdFeB magnet industry" in names
    assert not any(name.startswith("Chinese") for name in names)
    exposure = {"policy": BAN_ON_JAPAN}
    assert research(corpus_client, "industry_exposure_to_policy", industry=CHINESE_REFINING, **exposure) == []  # fmt: skip
    assert research(corpus_client, "industry_exposure_to_policy", industry="industry:jpn-ndfeb-magnets", **exposure)  # fmt: skip
    # China's own controls do not rank Chinese industry as exposed to them
    ranked = research(corpus_client, "industries_by_exposure", country="country:CHN", issuer="country:CHN")  # fmt: skip
    assert ranked == []
    assert research(corpus_client, "industries_by_exposure", country="country:JPN", issuer="country:CHN")  # fmt: skip


def facts_say_refining_depends_on_what_the_ban_restricts() -> bool:
    """The corpus still holds the links the wrong chain was made of."""
    rels = read_and_validate(collect_files([CORPUS_DIR])).relationships
    restricted = {r.end for r in rels if r.start == BAN_ON_JAPAN and r.type is RelType.RESTRICTS}
    return any(
        r.start == CHINESE_REFINING and r.type is RelType.DEPENDS_ON and r.end in restricted
        for r in rels
    )


async def test_the_seed_chain_remark_control_mineral_japanese_industry_still_exists(
    corpus_client: GraphClient,
) -> None:
    found = await chains(corpus_client, REMARK, country="country:JPN")
    kinds = [[label_for_id(n["id"]) for n in chain["nodes"]] for chain in found]
    assert any(
        k[0] is Label.STATEMENT and Label.POLICY in k and Label.MINERAL in k
        and k[-1] is Label.INDUSTRY
        for k in kinds
    )  # fmt: skip
    rows = research(corpus_client, "chains_remark_to_industry")
    assert rows
    assert all(row["industry"].startswith("Japanese") for row in rows)


async def test_reach_follows_targets_issuers_and_stated_dependence(
    empty_client: GraphClient,
) -> None:
    """Aimed at Japan: Japanese industry, and Chinese motors only through their stated
    dependence on Japanese magnets. Aimed at no one: anywhere but China. Aimed at a Korean
    body: Korea. The same for chains and for impact."""
    load_corpus(empty_client, REACH_WORLD)
    facts = Facts(REACH_WORLD)
    japan = {"industry:jpn-magnets", "industry:jpn-motors", "industry:jpn-cars"}
    expected = {
        "policy:ban": japan | {"industry:chn-motors"},
        "policy:global-controls": japan | {"industry:chn-motors", "industry:kor-batteries"},
        "policy:kor-listing": {"industry:kor-batteries"},
    }
    for policy, industries in expected.items():
        found = await chains(empty_client, policy)
        assert {c["nodes"][-1]["id"] for c in found} == industries, policy
        assert all(facts.unreached(c) == [] for c in found)
        every = research(
            empty_client, "causal_chains_all",
            **{"from": policy, "toKind": "Industry", "toCountry": None, "maxHops": 6,
               "minConfidence": 0.0, "asOf": None, "limit": 100},
        )  # fmt: skip
        assert {row["ids"][-1] for row in every} == industries, policy
        # impact reaches what the chains reach: the Chinese motors through their stated
        # dependence on Japanese magnets too
        assert await impacted(empty_client, policy) == industries, policy


_BLOCK = re.compile(r"// reach: [^\n]*\n\s*(\(\(EXISTS .*?\} \}\)\))", re.S)


def _reach_blocks(name: str) -> list[str]:
    return [" ".join(b.split()) for b in _BLOCK.findall(queries.load(name))]


def test_every_query_that_follows_a_measure_holds_the_one_reach_block() -> None:
    """The rule is written once in schema/ and once in Cypher (a fragment every query that
    needs it includes)."""
    blocks = {name: _reach_blocks(name) for name in FOLLOW_A_MEASURE}
    assert all(len(found) == 1 for found in blocks.values()), blocks
    assert len({found[0] for found in blocks.values()}) == 1
    block = blocks[FOLLOW_A_MEASURE[0]][0]
    r = MEASURE_REACH
    assert f"(reached)-[:{'|'.join(t.value for t in r.located)}]->(home:Country)" in block
    assert f"(measure)-[:{r.aims.value}]->()-[:{r.home.value}*0..1]->" in block
    assert f"(measure)-[:{r.issued_by.value}]->()-[:{r.home.value}*0..1]->(home)" in block
    # any other query that restricts and depends is named here on purpose; a walk of every
    # type but the coded events' link (api/_every_relation_of: a neighbourhood) follows none
    every = {t.value for t in RelType if t is not CODED_EVENT_LINK}

    def walked(name: str) -> set[str]:
        groups = re.findall(r"\[\w*\s*:\s*([A-Z_|]+)", queries.load(name))
        return {t for group in groups if set(group.split("|")) != every for t in group.split("|")}

    mentions = {
        name
        for name in queries.all_names(fragments=False)
        if {"RESTRICTS", "DEPENDS_ON"} <= walked(name)
    }
    assert mentions == set(FOLLOW_A_MEASURE)
