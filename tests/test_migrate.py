"""``dyad migrate``: idempotent, and a full-text index whose definition changed is rebuilt."""

from __future__ import annotations

from typing import Any

import pytest

import queries
from graph import GraphClient, migrate
from graph.migrate import orders_reads_only, parse_migration
from schema import Leader, Reliability, Source, SourceKind
from tests.test_graphql_api import ask

pytestmark = pytest.mark.usefixtures("graph_settings_env")

_FULL_TEXT = "SHOW FULLTEXT INDEXES YIELD id, name, properties, options RETURN *"


def _entity_text(client: GraphClient) -> dict[str, Any]:
    return {row["name"]: row for row in client.read_text(_FULL_TEXT, {})}["entity_text"]


def test_every_migration_statement_is_understood() -> None:
    migrations = [parse_migration(s) for s in queries.statements("schema/migrate")]
    assert None not in migrations
    full_text = [m for m in migrations if m is not None and m.kind == "fulltext index"]
    assert [(m.name, m.analyzer) for m in full_text] == [("entity_text", "cjk")]
    assert "native_name" in full_text[0].properties


def test_only_the_indexes_that_order_reads_wait_for_the_list_key_backfill() -> None:
    """An import's backfill writes every node's list keys and listings: the indexes only reads
    seek are built after it, once; the id constraints and `listing_of`, which the backfill
    itself looks nodes and listings up by, before it."""
    statements = queries.statements("schema/migrate")
    later = {m.name for s in statements if orders_reads_only(s) and (m := parse_migration(s))}
    assert later == {
        "entity_list_date", "entity_list_name", "listing_date_key", "listing_name_key",
        "listing_until_key", "listing_issued_key",
    }  # fmt: skip


@pytest.mark.slow  # rebuilds the full-text index (the fast tier stays under two minutes)
@pytest.mark.anyio
async def test_an_index_built_by_an_older_definition_is_replaced_and_finds_what_was_there(
    empty_client: GraphClient,
) -> None:
    """A database migrated before native names were indexed (default analyzer, no
    native_name): the next migrate rebuilds the index over the nodes already stored."""
    empty_client.execute_statements(
        [
            "DROP INDEX entity_text",
            "CREATE FULLTEXT INDEX entity_text FOR (n:Leader|Source) ON EACH [n.name, n.aliases]",
        ],
        name="test/old_index",
    )
    source = Source(
        id="source:test", name="test", title="Test", publisher="Dyad tests", origin="Dyad tests",
        reliability=Reliability.C, source_kind=SourceKind.DATASET, citation="tests",
    )  # fmt: skip
    leader = Leader(
        id="leader:test", name="Test Leader", native_name="高市早苗", sources=("source:test",)
    )
    for node in (source, leader):
        rows = [{"id": node.id, "properties": node.properties()}]
        empty_client.write("load/merge_nodes", rows=rows, label=node.label.value)
    old = _entity_text(empty_client)

    migrate(empty_client)
    new = _entity_text(empty_client)
    assert new["id"] != old["id"]
    assert new["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    assert "native_name" in new["properties"]
    _, body = await ask(empty_client, '{ search(text: "高市") { nodes { id } } }')
    assert body["data"]["search"]["nodes"] == [{"id": "leader:test"}]

    migrate(empty_client)  # unchanged: kept as it is
    assert _entity_text(empty_client)["id"] == new["id"]
