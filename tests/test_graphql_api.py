"""The GraphQL API on small worlds and on the corpus: answers, evidence, one query per field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest

from api import ApiSettings, create_app
from api.graphql import search
from graph import GraphClient, GraphSettings
from loaders import load_corpus
from tests.conftest import ROOT
from tests.http import in_process

# In-process apps read GraphQL through their own async driver, to NEO4J_URI: the test server.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env")]
WORLD = [
    ROOT / "tests" / "data" / "mini_corpus.yaml",
    ROOT / "tests" / "data" / "chain_corpus.yaml",
]
GQL = {"accept": "application/graphql-response+json"}


async def ask(client: GraphClient, query: str, **variables: Any) -> tuple[int, dict[str, Any]]:
    app = create_app(ApiSettings(), GraphSettings(), client=client)
    async with in_process(app) as http:
        response = await http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=GQL
        )
    return response.status_code, response.json()


@pytest.fixture
def world(empty_client: GraphClient) -> GraphClient:
    load_corpus(empty_client, WORLD)
    empty_client.round_trips = 0
    return empty_client


async def test_chains_follow_causal_direction_with_evidence_on_every_step(
    world: GraphClient,
) -> None:
    status, body = await ask(
        world,
        """query($from: ID!) { causalChains(from: $from, toKind: INDUSTRY, maxHops: 6) {
             score hops nodes { id }
             steps { cause { id } effect { id } relation forward confidence status quote
                     sources { id title } } } }""",
        **{"from": "statement:remark"},
    )
    assert status == 200, body
    chains = body["data"]["causalChains"]
    ends = [chain["nodes"][-1]["id"] for chain in chains]
    assert ends == ["industry:jpn-magnets", "industry:jpn-motors", "industry:jpn-cars"]
    best = chains[0]
    # remark -PROVOKED-> ban -RESTRICTS-> Dy <-DEPENDS_ON- magnets: 0.8 × 0.9 × 0.9
    assert best["score"] == pytest.approx(0.648)
    assert [s["relation"] for s in best["steps"]] == ["PROVOKED", "RESTRICTS", "DEPENDS_ON"]
    assert [s["forward"] for s in best["steps"]] == [True, True, False]
    assert best["steps"][2]["cause"]["id"] == "mineral:Dy"
    assert best["steps"][0]["quote"] == "a direct reaction"
    assert all(
        step["sources"] == [{"id": "source:mini", "title": "Mini source"}]
        for chain in chains
        for step in chain["steps"]
    )
    assert world.round_trips == 1


EVIDENCE = """fragment evidence on Evidenced {
  confidence status method validFrom validTo quote note intensity share year futureDate
  sources { id } }"""


async def test_a_relation_and_a_chain_step_tell_the_same_evidence(world: GraphClient) -> None:
    status, body = await ask(
        world,
        """{ node(id: "statement:remark") {
               relations(types: [PROVOKED]) { other { id } ...evidence } }
             causalChains(from: "statement:remark", toKind: INDUSTRY, maxHops: 6, first: 1) {
               steps { effect { id } ...evidence } } }"""
        + EVIDENCE,
    )
    assert status == 200, body
    [relation] = body["data"]["node"]["relations"]
    step = body["data"]["causalChains"][0]["steps"][0]
    assert relation.pop("other") == step.pop("effect") == {"id": "policy:ban"}
    assert relation == step
    assert (step["confidence"], step["status"], step["quote"]) == (
        0.8,
        "REPORTED",
        "a direct reaction",
    )


async def test_chains_never_run_against_the_causal_direction(world: GraphClient) -> None:
    _, body = await ask(world, '{ causalChains(from: "industry:jpn-magnets") { nodes { id } } }')
    reached = {n["id"] for chain in body["data"]["causalChains"] for n in chain["nodes"]}
    assert reached == {"industry:jpn-magnets", "industry:jpn-motors", "industry:jpn-cars"}


@pytest.mark.slow  # a matrix of chain searches (the fast tier stays under two minutes)
async def test_as_of_and_min_confidence_prune_steps(world: GraphClient) -> None:
    query = """query($asOf: Date, $min: Float!) {
      causalChains(from: "statement:remark", toKind: INDUSTRY, maxHops: 6, asOf: $asOf, minConfidence: $min) { hops } }"""
    _, before = await ask(world, query, asOf="2025-12-01", min=0.0)
    assert before["data"]["causalChains"] == []  # the ban's RESTRICTS is valid from 2026-01-06
    _, after = await ask(world, query, asOf="2026-02-01", min=0.0)
    assert len(after["data"]["causalChains"]) == 3
    _, strict = await ask(world, query, asOf=None, min=0.85)
    assert strict["data"]["causalChains"] == []  # PROVOKED is 0.8


async def test_three_levels_of_nesting_cost_one_query(world: GraphClient) -> None:
    status, body = await ask(
        world,
        """{ node(id: "policy:ban") { id ... on Policy { announced }
              relations { type other { id name relations(first: 3) { type other { id } sources { id } } } sources { title } } } }""",
    )
    assert status == 200, body
    relations = body["data"]["node"]["relations"]
    assert {r["type"] for r in relations} == {"PROVOKED", "RESTRICTS", "TARGETS"}
    dy = next(r for r in relations if r["other"]["id"] == "mineral:Dy")
    assert {r["other"]["id"] for r in dy["other"]["relations"]} >= {"industry:jpn-magnets"}
    assert world.round_trips == 1


async def test_relations_deeper_than_two_levels_are_refused(world: GraphClient) -> None:
    _, body = await ask(
        world,
        '{ node(id: "policy:ban") { relations { other { relations { other { relations { type } } } } } } }',
    )
    assert body["errors"][0]["extensions"]["code"] == "TOO_DEEP"


@pytest.mark.slow  # walks every page of a list (the fast tier stays under two minutes)
async def test_keyset_pages_walk_the_whole_list(world: GraphClient) -> None:
    query = """query($after: String) { industries(first: 1, after: $after, sort: NAME) {
                 totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }"""
    seen: list[str] = []
    after = None
    while True:
        _, body = await ask(world, query, after=after)
        page = body["data"]["industries"]
        assert page["totalCount"] == 3
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == ["industry:jpn-cars", "industry:jpn-motors", "industry:jpn-magnets"]  # by name


@pytest.mark.slow  # walks every page of a list (the fast tier stays under two minutes)
async def test_a_page_without_edges_still_pages_on(world: GraphClient) -> None:
    query = """query($after: String) { industries(first: 2, after: $after, sort: NAME) {
                 nodes { id } pageInfo { hasNextPage endCursor } } }"""
    _, first = await ask(world, query)
    page = first["data"]["industries"]
    assert [n["id"] for n in page["nodes"]] == ["industry:jpn-cars", "industry:jpn-motors"]
    _, second = await ask(world, query, after=page["pageInfo"]["endCursor"])
    assert second["data"]["industries"]["nodes"] == [{"id": "industry:jpn-magnets"}]
    assert second["data"]["industries"]["pageInfo"]["hasNextPage"] is False


@pytest.mark.slow  # pages through a list with fragments: about 2 s
async def test_relations_selected_through_a_fragment_on_the_page_are_answered(
    world: GraphClient,
) -> None:
    relations = "relations { type other { id } }"
    direct = f'{{ policies(filter: {{text: "ban"}}) {{ nodes {{ id {relations} }} }} }}'
    fragment = (
        f'{{ policies(filter: {{text: "ban"}}) {{ ...page }} }} '
        f"fragment page on PolicyConnection {{ nodes {{ id {relations} }} }}"
    )
    _, plain = await ask(world, direct)
    _, through = await ask(world, fragment)
    assert plain["data"]["policies"]["nodes"][0]["relations"]  # the ban has relations
    assert through == plain


@pytest.mark.slow  # a matrix of list filters (the fast tier stays under two minutes)
async def test_filters_and_descending_dates(world: GraphClient) -> None:
    _, body = await ask(
        world,
        """{ policies(filter: {country: "country:JPN", from: "2026-01-01"}, sort: DATE, order: DESC) {
             nodes { id } } statements(filter: {text: "PARLIAMENT"}) { nodes { id } } }""",
    )
    assert body["data"]["policies"]["nodes"] == [{"id": "policy:ban"}]
    assert body["data"]["statements"]["nodes"] == [{"id": "statement:remark"}]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ('{ node(id: "country:XXX") { id } }', "NOT_FOUND"),
        ('{ causalChains(from: "statement:none") { score } }', "NOT_FOUND"),
        ('{ countries(after: "not-a-cursor") { totalCount } }', "BAD_USER_INPUT"),
        ("{ countries(first: 1000000000) { totalCount } }", "BAD_USER_INPUT"),
        ('{ causalChains(from: "statement:remark", maxHops: 9) { score } }', "BAD_USER_INPUT"),
        ('{ neighbourhood(id: "country:JPN", depth: 4) { elements } }', "BAD_USER_INPUT"),
        ('{ search(text: "?!") { capped } }', "BAD_USER_INPUT"),
    ],
)
async def test_expected_failures_have_stable_codes(
    world: GraphClient, query: str, code: str
) -> None:
    status, body = await ask(world, query)
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == code
    assert body["errors"][0]["path"]


async def test_a_bad_date_variable_is_a_400_request_error(world: GraphClient) -> None:
    status, body = await ask(world, "query($d: Date!) { inForce(asOf: $d) { id } }", d="2025-02-30")
    assert status == 400
    assert "data" not in body
    assert "2025-02-30" in body["errors"][0]["message"]


async def test_neighbourhood_is_cytoscape_elements(world: GraphClient) -> None:
    _, body = await ask(
        world,
        """{ neighbourhood(id: "policy:ban", depth: 1) { elements
             nodes { data { id label kind status date } }
             edges { data { id source target type label status confidence sources } } } }""",
    )
    elements = body["data"]["neighbourhood"]["elements"]
    # the typed elements are the JSON form, field for field
    assert body["data"]["neighbourhood"]["nodes"] == elements["nodes"]
    assert body["data"]["neighbourhood"]["edges"] == elements["edges"]
    ids = {n["data"]["id"] for n in elements["nodes"]}
    assert ids == {"policy:ban", "statement:remark", "mineral:Dy", "country:JPN"}
    edge = next(e["data"] for e in elements["edges"] if e["data"]["type"] == "PROVOKED")
    assert (edge["source"], edge["target"], edge["status"]) == (
        "statement:remark",
        "policy:ban",
        "REPORTED",  # as the GraphQL enum says it, in the JSON form too
    )
    assert world.round_trips == 1


@pytest.mark.slow  # search, timeline, holders and inForce on a world of their own: about 2 s
async def test_search_timeline_holders_in_force(world: GraphClient) -> None:
    _, body = await ask(
        world,
        """{ search(text: "dysprosim") { edges { node { id } } }
             timeline(countries: ["country:JPN"]) { items { id } }
             inForce(asOf: "2026-02-01") { id } }""",
    )
    # fuzzy: a letter missing
    assert body["data"]["search"]["edges"][0]["node"]["id"] == "mineral:Dy"
    assert [n["id"] for n in body["data"]["timeline"]["items"]] == [
        "statement:remark",
        "policy:ban",
    ]
    assert {p["id"] for p in body["data"]["inForce"]} == {"policy:ban", "policy:cn-2025-04-ree"}


@pytest.mark.slow  # a dozen searches, typos included: about 1.5 s
async def test_a_typo_is_looked_for_only_when_the_words_as_typed_leave_room(
    world: GraphClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = """{ search(text: "japan dysprosim", first: 3) {
                   capped edges { node { id } } } }"""
    # Five nodes match "japan" as typed (Japan, a ban aimed at it, three Japanese
    # industries), fewer than the window: the typo query is asked and finds Dysprosium.
    _, body = await ask(world, query.replace("first: 3", "kinds: [MINERAL], first: 3"))
    assert [e["node"]["id"] for e in body["data"]["search"]["edges"]] == ["mineral:Dy"]
    # Which query is asked, seen by making the typo query one the index refuses.
    as_built = search.lucene_queries

    def refused_typos(text: str, datasets: list[str]) -> dict[str, Any]:
        built = as_built(text, datasets)
        typed, *_ = cast(list[str], built["curatedQueries"])
        return built | {"curatedQueries": [typed, "+(("]}

    monkeypatch.setattr(search, "lucene_queries", refused_typos)
    _, body = await ask(world, query)
    assert "errors" in body  # the window had room: the typo query was asked
    # A window of four is filled by the words as typed: the typo query (on a large graph the
    # costly part) is not asked, and the answer says it is capped rather than complete.
    monkeypatch.setattr(search, "CURATED_WINDOW", 4)
    _, body = await ask(world, query)
    assert "errors" not in body, body
    assert body["data"]["search"]["capped"] is True
    assert [e["node"]["id"] for e in body["data"]["search"]["edges"]][:2] == [
        "country:JPN",
        "policy:ban",
    ]


@pytest.mark.slow  # impact, term by term, on a world of its own: about 2 s
async def test_impact_explains_its_exposure_term_by_term(world: GraphClient) -> None:
    _, body = await ask(
        world,
        """{ impact(policy: "policy:ban", country: "country:JPN") { formula industries {
             industry { id } exposure terms { mineral { id } intensity intensityAssumed share
             shareAssumed value counted contribution
             chain { relation cause { id } effect { id } intensity confidence } } } } }""",
    )
    industries = {i["industry"]["id"]: i for i in body["data"]["impact"]["industries"]}
    # magnets: intensity 0.5 × share 1.0 (no issuer known → assumed) = 0.5
    assert industries["industry:jpn-magnets"]["exposure"] == 0.5
    # cars: 0.5 × 0.9 (magnets→motors) × 0.8 (motors→cars): SUPPLIES states no intensity,
    # so its confidence stands in
    assert industries["industry:jpn-cars"]["exposure"] == 0.36
    term = industries["industry:jpn-cars"]["terms"][0]
    assert (term["intensity"], term["intensityAssumed"], term["shareAssumed"]) == (0.36, True, True)
    assert (term["counted"], term["contribution"]) == (True, 0.36)
    assert [(s["relation"], s["intensity"], s["confidence"]) for s in term["chain"]] == [
        ("RESTRICTS", None, 0.9),
        ("DEPENDS_ON", 0.5, 0.9),
        ("SUPPLIES", None, 0.9),
        ("SUPPLIES", None, 0.8),
    ]
    assert term["chain"][-1]["effect"]["id"] == "industry:jpn-cars"


async def test_takaichi_remark_reaches_japanese_industries_in_the_corpus(
    corpus_client: GraphClient,
) -> None:
    status, body = await ask(
        corpus_client,
        """{ causalChains(from: "statement:takaichi-2025-11-07-diet", toKind: INDUSTRY,
                           toCountry: "country:JPN", maxHops: 6, first: 20) {
             score nodes { id } steps { relation status confidence sources { id url citation } } } }""",
    )
    assert status == 200, body
    chains = body["data"]["causalChains"]
    assert chains
    assert any(c["nodes"][-1]["id"] == "industry:jpn-ndfeb-magnets" for c in chains)
    for chain in chains:
        assert chain["nodes"][-1]["id"].startswith("industry:jpn-")
        for step in chain["steps"]:
            assert step["sources"]
            assert all(s["url"] or s["citation"] for s in step["sources"])
    assert corpus_client.round_trips == 1


def test_the_committed_sdl_matches_the_code() -> None:
    from api.graphql import build_schema

    committed = (ROOT / "api" / "schema.graphql").read_text()
    assert committed == build_schema().as_str() + "\n", (
        "run `make sdl` and commit api/schema.graphql"
    )


def test_every_model_field_is_exposed_in_graphql() -> None:
    """Vocabulary ↔ GraphQL: a field added to a node model shows up in its GraphQL type."""
    from api.graphql import build_schema
    from api.graphql.enums import NodeKind
    from api.graphql.nodes import KIND_TYPES
    from schema import NODE_MODELS, Label

    schema = build_schema()
    hidden = {"text", "sources", "date_precision"}
    for label, model in NODE_MODELS.items():
        gql = schema.get_type_by_name(KIND_TYPES[NodeKind(label.value)].__name__)
        assert gql is not None
        exposed = {f.python_name for f in gql.fields}
        missing = set(model.model_fields) - exposed - hidden
        if label is Label.SOURCE:
            missing -= {"name", "aliases", "description", "status", "future_date"}
        assert not missing, f"{label}: {sorted(missing)}"


def test_every_provenance_field_is_evidence_in_graphql() -> None:
    """Vocabulary ↔ GraphQL: what every relationship carries is on ``Evidenced``, which
    relations and chain steps implement."""
    from api.graphql import build_schema
    from schema import Provenance

    schema = build_schema()
    evidenced = schema.get_type_by_name("Evidenced")
    assert evidenced is not None
    exposed = {f.python_name for f in evidenced.fields}  # type: ignore[union-attr]
    assert set(Provenance.model_fields) <= exposed
    sdl = schema.as_str()
    assert "type Relation implements Evidenced" in sdl
    assert "type ChainStep implements Evidenced" in sdl


async def test_sources_answer_their_grade_origin_kind_and_date(world: GraphClient) -> None:
    status, body = await ask(
        world,
        """{ node(id: "policy:ban") { sources { id reliability origin sourceKind published }
             ... on Policy { relations(types: [RESTRICTS]) { sources { reliability } } } }
           source: node(id: "source:mini") {
             ... on SourceNode { reliability origin sourceKind publisher } } }""",
    )
    assert status == 200, body
    node = body["data"]["node"]
    assert node["sources"] == [
        {
            "id": "source:mini",
            "reliability": "A",
            "origin": "Dyad tests",
            "sourceKind": "DATASET",
            "published": None,
        }
    ]
    assert {s["reliability"] for r in node["relations"] for s in r["sources"]} == {"A"}
    assert body["data"]["source"] == {
        "reliability": "A",
        "origin": "Dyad tests",
        "sourceKind": "DATASET",
        "publisher": "Dyad tests",
    }


async def test_audit_reports_the_graph_by_the_loaders_rules(world: GraphClient) -> None:
    status, body = await ask(
        world,
        """{ audit { healthy factsByStatus { status count } sourcesByGrade { grade count }
             breaches { subject } newest { kind date id } seedOnly { subject } } }""",
    )
    assert status == 200, body
    audit = body["data"]["audit"]
    assert audit["healthy"] is True
    assert audit["breaches"] == []
    assert {g["grade"]: g["count"] for g in audit["sourcesByGrade"]} == {
        "A": 1,
        "B": 0,
        "C": 0,
        "D": 0,
        "E": 0,
    }
    assert sum(s["count"] for s in audit["factsByStatus"]) > 0
    assert {"kind": "POLICY", "date": "2026-01-06", "id": "policy:ban"} in audit["newest"]


async def test_audit_finds_facts_a_later_downgrade_of_their_source_leaves_unsupported(
    world: GraphClient, tmp_path: Path
) -> None:
    downgraded = tmp_path / "source.yaml"
    downgraded.write_text(
        "sources:\n  - {id: source:mini, name: Mini source, title: Mini source, publisher: "
        "Dyad tests, origin: Dyad tests, reliability: D, source_kind: dataset, "
        "citation: Synthetic test fixture}\n",
        encoding="utf-8",
    )
    load_corpus(world, [downgraded])
    status, body = await ask(world, "{ audit { healthy breaches { subject message } } }")
    assert status == 200, body
    assert body["data"]["audit"]["healthy"] is False
    assert any(
        b["subject"] == "policy:ban" and "at most 'reported'" in b["message"]
        for b in body["data"]["audit"]["breaches"]
    )


@pytest.mark.slow  # a world of issuing bodies of its own: about 1.2 s
async def test_in_force_by_country_takes_policies_its_bodies_issued(
    corpus_client: GraphClient,
) -> None:
    """inForce(country:) reads from the country's side (#24): what it issued itself and what a
    body BASED_IN it issued (MOFCOM's entity listing for China), not what it was aimed at."""
    query = """query($c: ID!) { inForce(asOf: "2026-07-01", country: $c) { id } }"""
    _, china = await ask(corpus_client, query, c="country:CHN")
    _, japan = await ask(corpus_client, query, c="country:JPN")
    _, every = await ask(corpus_client, """{ inForce(asOf: "2026-07-01") { id } }""")
    chinese = {p["id"] for p in china["data"]["inForce"]}
    japanese = {p["id"] for p in japan["data"]["inForce"]}
    assert "policy:cn-entity-listing-2026-06" in chinese  # ISSUED_BY MOFCOM, BASED_IN China
    assert "policy:jp-2026-01-jogmec-rare-earth-funds" in japanese  # ISSUED_BY Japan itself
    assert not chinese & japanese
    assert chinese | japanese <= {p["id"] for p in every["data"]["inForce"]}
    # In the same order as every policy in force, and `first` keeps the first of them.
    in_order = [p["id"] for p in every["data"]["inForce"] if p["id"] in chinese]
    assert [p["id"] for p in china["data"]["inForce"]] == in_order
    first = """query($c: ID!) { inForce(asOf: "2026-07-01", country: $c, first: 2) { id } }"""
    _, two = await ask(corpus_client, first, c="country:CHN")
    assert [p["id"] for p in two["data"]["inForce"]] == in_order[:2]
