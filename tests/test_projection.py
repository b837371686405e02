"""A request reads of each node only the stored properties its selected fields are built from
(#24, ``$nodeProps``): every field, asked alone, answers as it does beside all the others, for
a node of every kind."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.utils.str_converters import to_camel_case

from api.graphql.nodes import KIND_TYPES
from api.graphql.query import _PLURALS
from api.graphql.schema import MAX_ALIASES
from graph import GraphClient
from loaders import CORPUS_DIR, load_corpus
from loaders.research_data import load_comtrade
from tests.test_analytics import DATA
from tests.test_graphql_api import ask

# Slow tier (`make test-fast` leaves it out): the corpus and trade rows loaded, ~50 requests.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("graph_settings_env"), pytest.mark.slow]

_FIELDS = """query($name: String!) { __type(name: $name) { fields { name
  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }"""


def _named(type_: dict[str, Any]) -> dict[str, Any]:
    while type_.get("ofType"):
        type_ = type_["ofType"]
    return type_


async def _fields(client: GraphClient, type_name: str) -> list[tuple[str, dict[str, Any]]]:
    status, body = await ask(client, _FIELDS, name=type_name)
    assert status == 200, body
    assert "errors" not in body, body
    return [(f["name"], _named(f["type"])) for f in body["data"]["__type"]["fields"]]


async def _selections(client: GraphClient, type_name: str) -> dict[str, str]:
    """Each field of a node type as a selection: a leaf as itself, an object with its leaves
    (``when { value precision … }``, ``sources { id title … }``); ``relations`` reads
    relationships, not properties, and is left out."""
    out: dict[str, str] = {}
    for name, inner in await _fields(client, type_name):
        if name == "relations":
            continue
        if inner["kind"] in ("SCALAR", "ENUM"):
            out[name] = name
        else:
            leaves = [
                n
                for n, t in await _fields(client, inner["name"])
                if t["kind"] in ("SCALAR", "ENUM")
            ]
            out[name] = f"{name} {{ {' '.join(leaves)} }}"
    return out


async def test_every_node_field_asked_alone_answers_as_beside_every_other(
    empty_client: GraphClient,
) -> None:
    load_corpus(empty_client, [CORPUS_DIR])
    load_comtrade(empty_client, [DATA / "synthetic_comtrade_jpn_imports.csv"], options={})
    for kind in KIND_TYPES:
        await _each_field_alone(empty_client, kind)


async def _each_field_alone(client: GraphClient, kind: Any) -> None:
    type_name = KIND_TYPES[kind].__name__
    status, body = await ask(
        client, f"{{ {to_camel_case(_PLURALS[kind])}(first: 3) {{ nodes {{ id }} }} }}"
    )
    assert status == 200, body
    assert "errors" not in body, body
    ids = [n["id"] for n in next(iter(body["data"].values()))["nodes"]]
    assert ids, f"the graph holds a {kind.value}"
    selections = await _selections(client, type_name)
    every = " ".join(selections.values())
    names = list(selections)
    for node_id in ids:
        for start in range(0, len(names), MAX_ALIASES - 1):
            chunk = names[start : start + MAX_ALIASES - 1]
            alone = " ".join(
                f'{name}: node(id: "{node_id}") {{ ... on {type_name} {{ {selections[name]} }} }}'
                for name in chunk
            )
            every_field = f'every: node(id: "{node_id}") {{ ... on {type_name} {{ {every} }} }}'
            query = f"{{ {every_field} {alone} }}"
            status, body = await ask(client, query)
            assert status == 200, body
            assert "errors" not in body, body
            whole = body["data"]["every"]
            for name in chunk:
                assert body["data"][name] == {name: whole[name]}, (node_id, name)
        if "when" in selections and whole["when"] is not None:
            # `when` is the date the kind is placed by, with that date's own precision.
            placed = {"Policy": "announced"}.get(type_name, "date")
            assert whole["when"]["value"] == whole[placed]
            assert whole["when"]["precision"] == whole[f"{placed}Precision"]
