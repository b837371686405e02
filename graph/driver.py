"""Opening the driver a process uses. Callers own it and pass it on explicitly."""

from __future__ import annotations

from typing import Any

from neo4j import Driver, GraphDatabase

from graph.settings import GraphSettings

__all__ = ["open_driver"]


def open_driver(settings: GraphSettings, uri: str | None = None) -> Driver:
    """A driver for ``uri`` (default: the settings' effective URI). Close it when done.

    One per process: the API's reads, its writes, loaders and research queries all share
    its pool. Reads are retried by ``graph.retry`` (the one policy), never by the driver.
    """
    return GraphDatabase.driver(uri or settings.effective_uri(), **_options(settings))


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
        # Server notifications (deprecations, cartesian products) are for humans writing
        # Cypher; our queries are checked by tests, and warnings must not fail a run.
        "warn_notification_severity": "OFF",
        "notifications_min_severity": "OFF",
    }
