"""Constraints and indexes, applied idempotently."""

from __future__ import annotations

import queries
from graph.client import GraphClient

__all__ = ["migrate"]

MIGRATIONS = "schema/migrate"


def migrate(client: GraphClient) -> int:
    """Apply every constraint and index in ``queries/schema/migrate.cypher``; returns how many.

    Each statement says ``IF NOT EXISTS``, so running it again changes nothing.
    """
    statements = queries.statements(MIGRATIONS)
    client.execute_statements(statements, name=MIGRATIONS)
    return len(statements)
