"""Opening the one driver a process uses. Callers own it and pass it on explicitly."""

from __future__ import annotations

from neo4j import Driver, GraphDatabase

from graph.settings import GraphSettings

__all__ = ["open_driver"]


def open_driver(settings: GraphSettings, uri: str | None = None) -> Driver:
    """A driver for ``uri`` (default: the settings' effective URI). Close it when done."""
    auth = (
        (settings.user, settings.password.get_secret_value())
        if settings.password is not None
        else None
    )
    return GraphDatabase.driver(
        uri or settings.effective_uri(),
        auth=auth,
        max_connection_pool_size=settings.max_connection_pool_size,
        connection_acquisition_timeout=10.0,
        connection_timeout=5.0,
        max_transaction_retry_time=5.0,
        # Server notifications (deprecations, cartesian products) are for humans writing
        # Cypher; our queries are checked by tests, and warnings must not fail a run.
        warn_notification_severity="OFF",
        notifications_min_severity="OFF",
    )
