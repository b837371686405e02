"""The exceptions of researcher Cypher: canned queries, the safe runner, dump and restore.

GraphError                      (graph/errors.py)
└── ResearchError
    ├── UnknownQueryError       no canned query has that name
    ├── BadParameterError       a parameter is unknown, missing or of the wrong type
    ├── CypherRefusedError      the Cypher would write, change the schema or administer
    ├── CatalogError            a canned query's header is malformed (names file and line)
    └── RestoreError            a dump cannot be restored (bad line, non-empty database)
"""

from __future__ import annotations

from graph.errors import GraphError

__all__ = [
    "BadParameterError",
    "CatalogError",
    "CypherRefusedError",
    "ResearchError",
    "RestoreError",
    "UnknownQueryError",
]


class ResearchError(GraphError):
    """Base of the errors researchers' tools raise; the message is for the researcher."""


class UnknownQueryError(ResearchError):
    """No canned query has that name."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            f"no canned query named {name!r}; `dyad query --list` shows them ({', '.join(known)})"
        )
        self.name = name


class BadParameterError(ResearchError):
    """A parameter is unknown, missing, or not of its declared type."""

    def __init__(self, message: str, *, parameter: str) -> None:
        super().__init__(message)
        self.parameter = parameter


class CypherRefusedError(ResearchError):
    """The Cypher would change the graph or the server; nothing was sent or written."""


class CatalogError(ResearchError):
    """A canned query's header cannot be read (a bug in ``queries/research``)."""


class RestoreError(ResearchError):
    """A dump cannot be restored: a malformed line, or a database that is not empty."""
