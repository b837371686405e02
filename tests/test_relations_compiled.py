"""Reads bounded by what they return (#24): nested ``relations`` compiled into the read tail,
``totalCount`` counted only when asked for and exact up to a cap."""

from __future__ import annotations

from typing import Any

import pytest

import queries
from api.graphql import pagination
from api.graphql.selection import RelationPlan, _ask
from graph import GraphClient, profiled
from schema import RelType
from tests.test_graphql_api import ask
from tests.test_search import coded_client  # noqa: F401  (the shared fixture: 100,000 coded events)

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env")]

JAPAN = "country:JPN"
_HITS: dict[str, list[int]] = {}


def test_every_relationship_type_has_its_guarded_branch() -> None:
    text = queries.load("api/_relations_of")
    for rel_type in RelType:
        assert f"WHERE '{rel_type.value}' IN types" in text
        assert f"[r:{rel_type.value}]" in text


def test_the_text_sent_holds_only_the_branches_the_selection_walks() -> None:
    """Neo4j plans a query's whole text, run or not: a selection's text carries only the
    relationship types it asks for, level by level, and one that asks for none carries none."""
    targets, every = _ask({"types": ["TARGETS"]}), _ask({})
    text = queries.api_query("nodes_by_id", RelationPlan(((targets,), (every,))).walks())
    assert "[r:TARGETS]" in text
    assert "[r:MENTIONS]" not in text
    # level 2 asks for every type: each but the coded events' link by its group, once
    assert text.count("MATCH (n)-[r:HOLDS_OFFICE|") == 1
    bare = queries.api_query("nodes_by_id", RelationPlan(((), ())).walks())
    assert not any(f"[r:{rel_type.value}" in bare for rel_type in RelType)
    assert bare.count("WITH n WHERE false") == 2  # each level's body that never runs
    whole = queries.api_query("nodes_by_id")
    assert all(f"[r:{rel_type.value}]" in whole for rel_type in RelType)
    with pytest.raises(ValueError, match="no branch for"):
        queries.api_query("nodes_by_id", (frozenset({"NOT_A_TYPE"}), frozenset()))


def _targets_hits(client: GraphClient) -> list[int]:
    """Db hits of Japan's ``relations(types: [TARGETS])`` at depth 1 and at depth 2."""
    targets = _ask({"types": ["TARGETS"]})
    hits = []
    for levels in (((targets,), ()), ((targets,), (targets,))):
        plan = RelationPlan(levels)
        params = {"ids": [JAPAN]} | plan.params()
        run = profiled(client, queries.api_query("nodes_by_id", plan.walks()), params)
        hits.append(run.db_hits)
        assert run.rows[0]["rels"], "Japan has TARGETS relations"
    return hits


@pytest.mark.slow  # PROFILE: a plan check, measured beside its coded-events twin
def test_japans_targets_cost_the_same_without_coded_events(corpus_client: GraphClient) -> None:
    _HITS["corpus"] = _targets_hits(corpus_client)


@pytest.mark.slow
def test_japans_targets_cost_the_same_beside_100000_coded_events(
    coded_client: GraphClient,  # noqa: F811
) -> None:
    if "corpus" not in _HITS:
        pytest.skip("runs after the corpus-only measure")
    assert _targets_hits(coded_client) == _HITS["corpus"]


def _every_type_hits(client: GraphClient) -> int:
    """Db hits of Japan's ``relations(first: 40)`` (every type), the explorer's node panel."""
    plan = RelationPlan(((_ask({"first": 40}),), ()))
    run = profiled(
        client, queries.api_query("nodes_by_id", plan.walks()), {"ids": [JAPAN]} | plan.params()
    )
    assert run.rows[0]["rels"], "Japan has relations"
    return run.db_hits


@pytest.mark.slow  # PROFILE: a plan check, measured beside its coded-events twin
def test_japans_relations_of_every_type_on_the_corpus(corpus_client: GraphClient) -> None:
    _HITS["every type"] = [_every_type_hits(corpus_client)]


@pytest.mark.slow
def test_japans_relations_of_every_type_cost_the_same_beside_100000_coded_events(
    coded_client: GraphClient,  # noqa: F811
) -> None:
    """A country's links to coded events are read only when their dataset is asked for
    (api/_coded_links_of): 504,003 db hits here when every relationship was walked."""
    if "every type" not in _HITS:
        pytest.skip("runs after the corpus-only measure")
    (alone,) = _HITS["every type"]
    assert _every_type_hits(coded_client) <= alone * 1.25 + 10


_CODED_LINKS = """query($id: ID!) { node(id: $id) {
  curated: relations(types: [INVOLVES], first: 100) { other { id } }
  coded: relations(types: [INVOLVES], datasets: ["gdelt"], first: 100) { other { id } }
  every: relations(first: 100) { other { id } } } }"""


@pytest.mark.slow  # loads 101,000 coded events
async def test_relations_answer_coded_events_only_for_the_datasets_asked_for(
    coded_client: GraphClient,  # noqa: F811
) -> None:
    """Curated knowledge first, as every list, the timeline and the neighbourhood: Japan's
    links to 100,000 GDELT-like events come only with `datasets: ["gdelt"]`, also beside an
    alias of the same request that does not ask for them."""
    status, body = await ask(coded_client, _CODED_LINKS, id=JAPAN)
    assert status == 200
    assert "errors" not in body, body
    node = body["data"]["node"]

    def coded(relations: list[dict[str, Any]]) -> list[str]:
        return [r["other"]["id"] for r in relations if r["other"]["id"].startswith("event:gdelt-")]

    assert node["curated"], "Japan is involved in curated events"
    assert coded(node["curated"]) == []
    assert coded(node["every"]) == []
    assert coded(node["coded"]), "asked for, the GDELT-like events answer"


def test_sources_are_read_only_when_the_request_selects_them(corpus_client: GraphClient) -> None:
    """``$withSources``: an answer selecting no ``sources`` (most) reads no Source node, and
    is otherwise the same answer."""
    rows: dict[bool, Any] = {}
    for sources in (True, False):
        plan = RelationPlan(((), ()), sources=sources)
        params = {"ids": [JAPAN]} | plan.params()
        with corpus_client.session(read=True) as session:
            rows[sources] = session.run(
                queries.api_query("nodes_by_id", plan.walks()), params
            ).single()
    with_sources, without = rows[True], rows[False]
    assert with_sources["sources"], "Japan rests on sources"
    assert without["sources"] == []
    assert without["nodes"] == with_sources["nodes"]


_RELATIONS = """query($id: ID!) { node(id: $id) { id
  targets: relations(types: [TARGETS]) { type direction other { id } }
  out3: relations(direction: OUT, first: 3) { type direction other { id } }
  all: relations(first: 100) { type direction confidence other { id
    relations(types: [ISSUED_BY], direction: OUT) { type other { id } } } } } }"""


async def test_aliased_filtered_relations_answer_as_each_asked_alone(
    corpus_client: GraphClient,
) -> None:
    """Japan holds more than MAX_RELATIONS relationships: each alias is still answered whole,
    as if asked alone, and a nested selection as the same selection one level down."""
    status, body = await ask(corpus_client, _RELATIONS, id=JAPAN)
    assert status == 200
    assert "errors" not in body, body
    node = body["data"]["node"]
    assert node["targets"]
    assert all(r["type"] == "TARGETS" for r in node["targets"])
    assert [r["direction"] for r in node["out3"]] == ["OUT"] * 3
    assert len(node["all"]) == 100
    for selection, alias in (
        ("relations(types: [TARGETS]) { type direction other { id } }", "targets"),
        ("relations(direction: OUT, first: 3) { type direction other { id } }", "out3"),
        (
            "relations(first: 100) { type direction confidence other { id relations("
            "types: [ISSUED_BY], direction: OUT) { type other { id } } } }",
            "all",
        ),
    ):
        status, alone = await ask(
            corpus_client, f"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", id=JAPAN
        )
        assert "errors" not in alone, alone
        assert alone["data"]["node"]["relations"] == node[alias]
    issued = [r for r in node["all"] if r["other"]["relations"]]
    assert issued, "some of Japan's neighbours were issued by someone"
    assert all(inner["type"] == "ISSUED_BY" for r in issued for inner in r["other"]["relations"])


def _recording(client: GraphClient, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []
    read_text = client.read_text

    def record(text: Any, params: Any, **kwargs: Any) -> Any:
        sent.append(dict(params))
        return read_text(text, params, **kwargs)

    monkeypatch.setattr(client, "read_text", record)
    return sent


async def test_total_count_is_counted_only_when_asked_and_exact_up_to_the_cap(
    corpus_client: GraphClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _recording(corpus_client, monkeypatch)
    status, body = await ask(corpus_client, "{ countries { nodes { id } } }")
    assert status == 200
    assert "errors" not in body, body
    assert sent[-1]["totalCap"] is None
    countries = len(body["data"]["countries"]["nodes"])
    assert countries > 2

    status, body = await ask(corpus_client, "{ countries { totalCount totalCountIsExact } }")
    assert body["data"]["countries"] == {"totalCount": countries, "totalCountIsExact": True}
    assert sent[-1]["totalCap"] == pagination.TOTAL_COUNT_CAP

    monkeypatch.setattr(pagination, "TOTAL_COUNT_CAP", 2)
    status, body = await ask(corpus_client, "{ countries { totalCount totalCountIsExact } }")
    assert body["data"]["countries"] == {"totalCount": 2, "totalCountIsExact": False}


async def test_the_timeline_counts_only_when_asked_and_exactly_up_to_the_cap(
    corpus_client: GraphClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _recording(corpus_client, monkeypatch)
    status, body = await ask(corpus_client, "{ timeline(first: 3) { items { id } capped } }")
    assert status == 200
    assert "errors" not in body, body
    assert sent[-1]["totalCap"] is None
    assert len(body["data"]["timeline"]["items"]) == 3
    assert body["data"]["timeline"]["capped"] is True  # known without counting

    asked = "{ timeline(first: 3) { totalCount totalCountIsExact capped } }"
    status, body = await ask(corpus_client, asked)
    counted = body["data"]["timeline"]
    assert counted["totalCount"] > 3
    assert counted["totalCountIsExact"] is True
    assert sent[-1]["totalCap"] == pagination.TOTAL_COUNT_CAP

    monkeypatch.setattr(pagination, "TOTAL_COUNT_CAP", 2)
    status, body = await ask(corpus_client, asked)
    assert body["data"]["timeline"] == {"totalCount": 2, "totalCountIsExact": False, "capped": True}
