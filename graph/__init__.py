"""Dyad's only door to Neo4j: settings, the driver, named queries, migrations, the local server.

Nothing outside this package imports ``neo4j``. Callers open one driver per process with
``open_driver`` and pass it, wrapped in a ``GraphClient``, to whatever needs the graph.
"""

from graph.client import GraphClient, Record, WriteBatch
from graph.driver import open_driver
from graph.errors import (
    GraphError,
    LocalServerError,
    Neo4jUnavailableError,
    NodeNotFoundError,
    QueryFailedError,
    QueryTimeoutError,
)
from graph.fingerprint import Fingerprint, fingerprint
from graph.list_keys import backfill_list_keys, listings_out_of_step, store_list_keys
from graph.local_server import LocalServer, ServerStatus
from graph.migrate import migrate
from graph.profile import Profiled, db_hits, profiled
from graph.settings import GraphSettings, LocalServerSettings

__all__ = [
    "Fingerprint",
    "GraphClient",
    "GraphError",
    "GraphSettings",
    "LocalServer",
    "LocalServerError",
    "LocalServerSettings",
    "Neo4jUnavailableError",
    "NodeNotFoundError",
    "Profiled",
    "QueryFailedError",
    "QueryTimeoutError",
    "Record",
    "ServerStatus",
    "WriteBatch",
    "backfill_list_keys",
    "db_hits",
    "fingerprint",
    "listings_out_of_step",
    "migrate",
    "open_driver",
    "profiled",
    "store_list_keys",
]
