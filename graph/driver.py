"""Opening the drivers a process uses. Callers own them and pass them on explicitly."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase

from graph.read_retry import READ_RETRIES
from graph.settings import GraphSettings

__all__ = ["open_async_driver", "open_driver"]


def open_driver(settings: GraphSettings, uri: str | None = None) -> Driver:
    """A driver for ``uri`` (default: the settings' effective URI). Close it when done."""
    return GraphDatabase.driver(uri or settings.effective_uri(), **_options(settings))


def open_async_driver(settings: GraphSettings, uri: str | None = None) -> AsyncDriver:
    """The same driver for an event loop (the API's reads). Open it, use it and close it
    inside one running loop: its connections belong to that loop."""
    return AsyncGraphDatabase.driver(uri or settings.effective_uri(), **_options(settings))


def _options(settings: GraphSettings) -> dict[str, Any]:
    auth = (
        (settings.user, settings.password.get_secret_value())
        if settings.password is not None
        else None
    )
    return {
        "auth": auth,
        "max_connection_pool_size": settings.max_connection_pool_size,
        "connection_acquisition_timeout": 10.0,
        "connection_timeout": 5.0,
        "max_transaction_retry_time": READ_RETRIES.max_seconds,
        # Server notifications (deprecations, cartesian products) are for humans writing
        # Cypher; our queries are checked by tests, and warnings must not fail a run.
        "warn_notification_severity": "OFF",
        "notifications_min_severity": "OFF",
    }
