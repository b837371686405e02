"""The exceptions ``graph`` raises.

GraphError
├── Neo4jUnavailableError   the server cannot be reached (down, wrong URI, starting)
├── QueryFailedError        the server refused or failed a query (syntax, timeout, constraint)
│   └── QueryTimeoutError   the query ran past its time limit
├── NodeNotFoundError       no node has the id asked for
└── LocalServerError        the local Neo4j could not be built, started or stopped
"""

from __future__ import annotations

__all__ = [
    "GraphError",
    "LocalServerError",
    "Neo4jUnavailableError",
    "NodeNotFoundError",
    "QueryFailedError",
    "QueryTimeoutError",
]


class GraphError(Exception):
    """Base of every error ``graph`` raises."""


class Neo4jUnavailableError(GraphError):
    """Neo4j cannot be reached."""


class QueryFailedError(GraphError):
    """Neo4j refused or failed a query. ``code`` is Neo4j's status code when there is one."""

    def __init__(self, message: str, *, query: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.code = code


class QueryTimeoutError(QueryFailedError):
    """The query ran past its time limit and was stopped."""


class NodeNotFoundError(GraphError):
    """No node has the id asked for."""

    def __init__(self, node_id: str) -> None:
        super().__init__(f"no node with id {node_id!r}")
        self.node_id = node_id


class LocalServerError(GraphError):
    """The local Neo4j server could not be built, started or stopped."""
