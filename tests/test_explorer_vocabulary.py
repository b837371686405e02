"""The explorer draws the vocabulary of ``schema/``, served at ``/explorer/vocabulary.json``:
every item of it is in GraphQL, in the committed SDL, and in what the page fetches (the
browser test ``test_the_legend_shows_every_item_of_the_vocabulary`` finds each in the legend).
No Neo4j needed."""

from __future__ import annotations

import re
from enum import StrEnum

import graphql
import httpx
import pytest

from api import ApiSettings, create_app
from api.explorer import EXPLORER_DIR, VOCABULARY_PATH
from api.graphql import build_schema
from graph import GraphSettings
from schema import CAUSAL_TYPES, DEEDS, EXPLORER_SECTIONS, CausalDirection, Label
from schema.presentation import CHAIN_TARGET, REVERSED_READINGS, effect_kinds
from tests.conftest import ROOT

SCHEMA = build_schema()
INTROSPECTION = SCHEMA.introspect()
SDL = graphql.build_schema((ROOT / "api" / "schema.graphql").read_text(encoding="utf-8"))
SECTIONS = list(EXPLORER_SECTIONS.items())


def graphql_name(enum: type[StrEnum]) -> str:
    """The name GraphQL gives the schema enum (``Label`` is ``NodeKind``)."""
    for graphql_type in INTROSPECTION["__schema"]["types"]:
        definition = SCHEMA.get_type_by_name(graphql_type["name"])
        if graphql_type["kind"] == "ENUM" and getattr(definition, "wrapped_cls", None) is enum:
            return str(graphql_type["name"])
    raise AssertionError(f"{enum.__name__} is not a GraphQL enum")


@pytest.mark.parametrize(("section", "enum"), SECTIONS, ids=[s for s, _ in SECTIONS])
def test_every_item_is_in_graphql_introspection(section: str, enum: type[StrEnum]) -> None:
    name = graphql_name(enum)
    (found,) = [t for t in INTROSPECTION["__schema"]["types"] if t["name"] == name]
    assert [v["name"] for v in found["enumValues"]] == [m.name for m in enum]


@pytest.mark.parametrize(("section", "enum"), SECTIONS, ids=[s for s, _ in SECTIONS])
def test_every_item_is_in_the_committed_sdl(section: str, enum: type[StrEnum]) -> None:
    committed = SDL.type_map[graphql_name(enum)]
    assert isinstance(committed, graphql.GraphQLEnumType)
    assert list(committed.values) == [m.name for m in enum]


async def get(*paths: str, **headers: str) -> list[httpx.Response]:
    """GET each path from the app, without starting its lifespan (the page's vocabulary and
    assets need no Neo4j)."""
    app = create_app(ApiSettings(), GraphSettings())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        return [await http.get(path, headers=headers) for path in paths]


@pytest.mark.anyio
async def test_the_page_is_served_every_item_in_order_with_its_style() -> None:
    (response,) = await get(VOCABULARY_PATH)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == list(EXPLORER_SECTIONS)
    for section, enum in SECTIONS:
        assert [item["name"] for item in body[section]] == [m.name for m in enum], section
        assert all(item["title"] for item in body[section]), section
    kinds = {kind["name"]: kind for kind in body["kinds"]}
    assert all(kind["colour"].startswith("#") and kind["shape"] for kind in kinds.values())
    assert kinds["TRADE_FLOW"]["label"] == "TradeFlow"
    assert len({(k["colour"], k["shape"]) for k in kinds.values()}) == len(Label)
    assert {name for name, kind in kinds.items() if kind["act"]} == {k.name for k in DEEDS}
    assert {name for name, kind in kinds.items() if kind["effect"]} == {
        k.name for k in effect_kinds()
    }
    assert [name for name, kind in kinds.items() if kind["chainDefault"]] == [CHAIN_TARGET.name]
    relations = {rel["name"]: rel for rel in body["relations"]}
    assert {name for name, rel in relations.items() if rel["causal"]} == {
        rel.name for rel in CAUSAL_TYPES
    }
    assert (
        relations["DEPENDS_ON"] | {"causal": "backward", "reversed": "needed by"}
        == (relations["DEPENDS_ON"])
    )
    assert relations["PROVOKED"]["reversed"] is None
    assert {s["line"] for s in body["statuses"]} <= {"solid", "dashed", "dotted"}
    assert all(g["meaning"] for g in body["grades"] + body["methods"])


def test_every_backward_causal_type_has_its_own_reading() -> None:
    backward = {rel for rel, way in CAUSAL_TYPES.items() if way is CausalDirection.BACKWARD}
    assert set(REVERSED_READINGS) == backward


@pytest.mark.anyio
async def test_the_vocabulary_is_revalidated_by_etag_like_the_static_files() -> None:
    (first,) = await get(VOCABULARY_PATH)
    (again,) = await get(VOCABULARY_PATH, **{"if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert first.headers["cache-control"] == "no-cache"
    (script,) = await get("/static/explorer/styles.js")
    assert script.headers["etag"]


def test_the_page_lists_no_kind_relation_or_status_of_its_own() -> None:
    """Only the vocabulary names them: no script, page or stylesheet of the explorer does."""
    members = [m for _, enum in SECTIONS for m in enum if len(m.name) > 2]
    names = "|".join(m.name for m in members)
    values = "|".join(m.value for m in members)
    # TRADE_FLOW anywhere; "confirmed" or 'confirmed' as a string, .st-confirmed as a class
    listed = re.compile(rf"""\b(?:{names})\b|(["'])(?:{values})\1|\.st-(?:{values})\b""")
    for path in sorted(EXPLORER_DIR.glob("*.*")):
        if path.suffix in {".js", ".html", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert [m.group(0) for m in listed.finditer(text)] == [], path.name
