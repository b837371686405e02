"""Constraints and indexes, applied idempotently; a full-text index whose definition changed
is replaced.

``CREATE … IF NOT EXISTS`` leaves an index of the same name alone even when its labels,
properties or analyzer differ from the statement, so ``migrate`` first compares each full-text
index in the database with its statement and drops the ones that differ; the statements then
create them anew, and ``migrate`` waits until every index is online.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import queries
from graph.client import GraphClient
from graph.list_keys import backfill_list_keys
from schema import LIST_KEYS, LISTING_LABEL

__all__ = ["DEFAULT_ANALYZER", "Migration", "migrate", "orders_reads_only", "parse_migration"]

MIGRATIONS = "schema/migrate"
#: Neo4j's analyzer for a full-text index whose statement names none.
DEFAULT_ANALYZER = "standard-no-stop-words"
#: How long ``migrate`` waits for indexes to come online (a replaced index is rebuilt).
INDEX_WAIT_SECONDS = 600

_STATEMENT = re.compile(
    r"CREATE\s+(CONSTRAINT|FULLTEXT INDEX|INDEX)\s+(\w+)\s+IF NOT EXISTS\s+"
    r"FOR\s+\(\w+:([\w|]+)\)\s+(?:REQUIRE|ON)\s+(?:EACH\s+)?[\[(]?(.+?)[\])]?"
    r"(\s+IS UNIQUE)?(?:\s+OPTIONS\s+(\{.*\}))?$",
    re.DOTALL,
)
_ANALYZER = re.compile(r"`fulltext\.analyzer`\s*:\s*'([^']+)'")


@dataclass(frozen=True)
class Migration:
    """One ``CREATE … IF NOT EXISTS`` statement of ``queries/schema/migrate.cypher``, read."""

    kind: str  # "unique constraint", "index" or "fulltext index"
    name: str
    labels: tuple[str, ...]
    properties: tuple[str, ...]
    analyzer: str | None  # full-text indexes only


def parse_migration(statement: str) -> Migration | None:
    """What a migration statement creates, or None for a statement of another shape."""
    match = _STATEMENT.match(" ".join(statement.split()))
    if match is None:
        return None
    kind, name, labels, props, unique, options = match.groups()
    kind = "unique constraint" if unique else kind.lower()
    analyzer = None
    if kind == "fulltext index":
        found = _ANALYZER.search(options or "")
        analyzer = found.group(1) if found else DEFAULT_ANALYZER
    return Migration(
        kind=kind,
        name=name,
        labels=tuple(labels.split("|")),
        properties=tuple(p.strip().split(".", 1)[-1] for p in props.split(",")),
        analyzer=analyzer,
    )


def _differs(wanted: Migration, existing: dict[str, Any]) -> bool:
    config = (existing["options"] or {}).get("indexConfig", {})
    return (
        set(existing["labelsOrTypes"]) != set(wanted.labels)
        or list(existing["properties"]) != list(wanted.properties)
        or config.get("fulltext.analyzer", DEFAULT_ANALYZER) != wanted.analyzer
    )


def _drop_changed_full_text_indexes(client: GraphClient, statements: tuple[str, ...]) -> None:
    existing = {row["name"]: row for row in client.read("schema/fulltext_indexes")}
    for statement in statements:
        wanted = parse_migration(statement)
        if wanted is None or wanted.kind != "fulltext index" or wanted.name not in existing:
            continue
        if _differs(wanted, existing[wanted.name]):
            client.autocommit("schema/drop_index", name=wanted.name)


def orders_reads_only(statement: str) -> bool:
    """Whether a migration is a range index on derived keys that only reads seek (a node's
    list keys, its listings' keys but ``of``): the list-key backfill never reads one, so it
    is created after the backfill, built once instead of kept row by row (an import's
    backfill writes every node's keys and listings)."""
    wanted = parse_migration(statement)
    if wanted is None or wanted.kind != "index":
        return False
    if wanted.labels == ("Entity",):
        return set(wanted.properties) <= set(LIST_KEYS)
    return wanted.labels == (LISTING_LABEL,) and "of" not in wanted.properties


def _create(client: GraphClient, statements: tuple[str, ...]) -> None:
    client.execute_statements(statements, name=MIGRATIONS)
    client.autocommit("schema/await_indexes", seconds=INDEX_WAIT_SECONDS)


def migrate(client: GraphClient) -> int:
    """Apply every constraint and index in ``queries/schema/migrate.cypher``; returns how many.

    Each statement says ``IF NOT EXISTS``, so running it again changes nothing; a full-text
    index whose labels, properties or analyzer changed is dropped and built again. Nodes
    without list keys (written before them, or imported from CSV) get theirs, before the
    indexes that only order reads (``orders_reads_only``) are created.
    """
    statements = queries.statements(MIGRATIONS)
    _drop_changed_full_text_indexes(client, statements)
    _create(client, tuple(s for s in statements if not orders_reads_only(s)))
    backfill_list_keys(client)
    _create(client, tuple(s for s in statements if orders_reads_only(s)))
    return len(statements)
