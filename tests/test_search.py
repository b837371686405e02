"""Done-when for ``search`` (#20), with the curated corpus and 100,000 coded events loaded.

Curated knowledge first: exact name and alias matches, then curated nodes, then coded event
data only from the datasets asked for; native names found through the CJK analyzer; every
answer says when it is capped.
"""

from __future__ import annotations

from typing import Any

import pytest

from api.graphql.timeline import CODED_EVENTS_CAP
from graph import GraphClient
from tests.coded_events import BEIJING_CITY, CODED, TAKAICHI, load_coded_world
from tests.test_graphql_api import ask

#: Takaichi's 7 November 2025 Diet answer, the start of the 2025-26 chains.
REMARK = "statement:takaichi-2025-11-07-diet"
# slow: 100,000 coded events are loaded once for the module
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env"), pytest.mark.slow]


@pytest.fixture(scope="module")
def coded_client(graph_client: GraphClient) -> GraphClient:
    """The curated corpus plus 100,000 GDELT-like and 1,000 POLECAT-like coded events
    (tests/coded_events.py)."""
    return load_coded_world(graph_client)


async def _search(client: GraphClient, text: str, **args: Any) -> dict[str, Any]:
    status, body = await ask(
        client,
        """query($text: String!, $first: Int!, $kinds: [NodeKind!], $datasets: [String!]) {
             search(text: $text, first: $first, kinds: $kinds, datasets: $datasets) {
               capped edges { score exact node { id kind } } nodes { id } } }""",
        text=text,
        first=args.pop("first", 10),
        **args,
    )
    assert status == 200, body
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["search"]
    assert [e["node"]["id"] for e in result["edges"]] == [n["id"] for n in result["nodes"]]
    return result


def _ids(result: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in result["edges"]]


def _is_coded(node_id: str) -> bool:
    return node_id.startswith(("event:gdelt-", "event:polecat-"))


@pytest.mark.parametrize(
    ("text", "country"),
    [("Japan", "country:JPN"), ("China", "country:CHN"), ("japan", "country:JPN")],
)
async def test_a_country_ranks_first_for_its_name_above_a_flood_of_coded_events(
    coded_client: GraphClient, text: str, country: str
) -> None:
    result = await _search(coded_client, text)
    assert _ids(result)[0] == country
    assert result["edges"][0]["exact"] is True
    assert not any(edge["exact"] for edge in result["edges"][1:])
    assert not any(_is_coded(node_id) for node_id in _ids(result))  # curated only by default
    assert result["capped"] is True  # hundreds of curated nodes mention it


async def test_china_ranks_above_taiwan_whose_alias_is_republic_of_china(
    coded_client: GraphClient,
) -> None:
    ids = _ids(await _search(coded_client, "China", kinds=["COUNTRY"]))
    assert ids[0] == "country:CHN"
    assert ids.index("country:CHN") < ids.index("country:TWN")


async def test_an_alias_match_is_exact_too(coded_client: GraphClient) -> None:
    result = await _search(coded_client, "PRC")
    assert _ids(result)[0] == "country:CHN"
    assert result["edges"][0]["exact"] is True


async def test_coded_events_come_only_from_the_datasets_asked_for_and_after_curated_ones(
    coded_client: GraphClient,
) -> None:
    default = await _search(coded_client, "Japan", kinds=["EVENT"], first=100)
    assert default["edges"]
    assert not any(_is_coded(node_id) for node_id in _ids(default))

    gdelt = await _search(coded_client, "Japan", kinds=["EVENT"], datasets=["gdelt"], first=100)
    ids = _ids(gdelt)
    kinds = [_is_coded(node_id) for node_id in ids]
    assert kinds == sorted(kinds)  # every curated event before the first coded one
    assert ids[: kinds.index(True)] == _ids(default)  # the curated ones, ranked as before
    assert all(node_id.startswith("event:gdelt-") for node_id in ids if _is_coded(node_id))
    assert len(ids) == 100
    assert gdelt["capped"] is True

    polecat = await _search(coded_client, "Japan", datasets=["polecat"], kinds=["EVENT"], first=100)
    coded = [node_id for node_id in _ids(polecat) if _is_coded(node_id)]
    assert coded
    assert all(node_id.startswith("event:polecat-") for node_id in coded)


async def test_a_country_still_ranks_first_when_coded_events_are_asked_for(
    coded_client: GraphClient,
) -> None:
    result = await _search(coded_client, "Japan", datasets=["gdelt", "polecat"], first=3)
    assert _ids(result)[0] == "country:JPN"
    assert not any(_is_coded(node_id) for node_id in _ids(result))


async def test_a_native_name_is_found_by_its_first_two_characters(
    coded_client: GraphClient,
) -> None:
    """The cjk analyzer indexes 高市早苗 as 高市 市早 早苗: "高市" finds Takaichi and not 北京市
    (the default analyzer would index single characters and "高市" would match any 市)."""
    partial = await _search(coded_client, "高市")
    assert _ids(partial)[0] == TAKAICHI  # then the sources that name her in Japanese
    assert all(i == TAKAICHI or i.startswith("source:") for i in _ids(partial))
    assert BEIJING_CITY not in _ids(partial)
    assert partial["capped"] is False
    whole = await _search(coded_client, "高市早苗")
    # her name exactly: her leading deed (tests/test_bounded_reads.py), then her
    assert _ids(whole)[:2] == [REMARK, TAKAICHI]
    assert [edge["exact"] for edge in whole["edges"][:2]] == [False, True]
    assert BEIJING_CITY in _ids(await _search(coded_client, "北京"))


async def test_a_short_answer_is_not_capped_and_a_cut_one_is(coded_client: GraphClient) -> None:
    few = await _search(coded_client, "Takaichi", kinds=["LEADER"], first=20)
    assert _ids(few)[0] == TAKAICHI  # an alias; other leaders' descriptions name her
    assert few["edges"][0]["exact"] is True
    assert few["capped"] is False
    cut = await _search(coded_client, "Japan", first=1)
    assert _ids(cut) == ["country:JPN"]
    assert cut["capped"] is True
    assert (await _search(coded_client, "rare OR earth NOT"))["edges"]  # words, not operators
    none = await _search(coded_client, "Japan", first=0)
    assert none["edges"] == []
    assert none["capped"] is True


# --- The rest of the answers a flood of coded events could drown ---------------------------


async def test_japans_neighbourhood_shows_curated_knowledge_and_counts_coded_events_apart(
    coded_client: GraphClient,
) -> None:
    _, body = await ask(
        coded_client,
        """{ neighbourhood(id: "country:JPN", limit: 100) {
               codedEvents codedEventsIsExact nodes { data { id kind } } } }""",
    )
    answer = body["data"]["neighbourhood"]
    shown = [n["data"]["id"] for n in answer["nodes"]]
    assert not any(_is_coded(node_id) for node_id in shown)
    assert {"country:JPN", "country:CHN"} <= set(shown)
    # counted exactly up to the cap (#24: a hub of coded events is not read whole to count it)
    assert answer["codedEvents"] == CODED_EVENTS_CAP
    assert answer["codedEventsIsExact"] is False
    _, asked = await ask(
        coded_client,
        """{ neighbourhood(id: "country:JPN", limit: 100, datasets: ["gdelt"]) {
               codedEvents codedEventsIsExact nodes { data { id } } } }""",
    )
    drawn = [n["data"]["id"] for n in asked["data"]["neighbourhood"]["nodes"]]
    assert any(_is_coded(node_id) for node_id in drawn)
    assert asked["data"]["neighbourhood"]["codedEvents"] == 0
    assert asked["data"]["neighbourhood"]["codedEventsIsExact"] is True


async def test_the_default_timeline_is_curated_and_counts_coded_events_apart(
    coded_client: GraphClient,
) -> None:
    _, body = await ask(
        coded_client,
        """{ timeline(countries: ["country:JPN"], first: 1000) {
               codedEvents codedEventsIsExact capped totalCount totalCountIsExact
               items { id } } }""",
    )
    timeline = body["data"]["timeline"]
    assert timeline["items"]
    assert not any(_is_coded(item["id"]) for item in timeline["items"])
    # counted exactly up to the cap (#24: the count reads no more than that)
    assert CODED > CODED_EVENTS_CAP
    assert timeline["codedEvents"] == CODED_EVENTS_CAP
    assert timeline["codedEventsIsExact"] is False
    assert timeline["totalCountIsExact"] is True
    assert timeline["capped"] is (timeline["totalCount"] > 1000)
