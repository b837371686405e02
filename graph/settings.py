"""Connection settings, read once at the edge (CLI, ``create_app``) and passed down."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_BOLT_PORT", "URI_SCHEMES", "GraphSettings", "LocalServerSettings"]

DEFAULT_BOLT_PORT = 7687
#: What NEO4J_URI may start with: one server (bolt) or a routing cluster (neo4j), with TLS.
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class GraphSettings(BaseSettings):
    """Where Neo4j is and how to talk to it.

    ``NEO4J_URI`` unset means the local server that ``dyad neo4j start`` runs; set, it points
    anywhere and nothing local starts. ``bolt://`` talks to one server; ``neo4j://`` asks the
    server for a routing table, so that against a cluster or Aura every read (all of them run
    in READ transactions) goes to a secondary and every write to the leader (docs/SCALING.md).
    The ``+s`` schemes add TLS with a verified certificate, ``+ssc`` a self-signed one.
    """

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore", frozen=True)

    uri: str | None = None
    user: str = "neo4j"
    password: SecretStr | None = None
    database: str = "neo4j"
    #: Seconds a read may run before it is stopped.
    query_timeout: float = Field(default=30.0, gt=0)
    #: Seconds during which a read is sent again after an error the driver calls retryable:
    #: a restart, a lost connection, a cluster member gone (graph/retry.py).
    retry_seconds: float = Field(default=5.0, gt=0)
    #: Rows per write transaction when loading.
    batch_size: int = Field(default=1000, ge=1, le=100_000)
    #: Bolt connections one process keeps at most (an API replica's concurrent queries).
    max_connection_pool_size: int = Field(default=100, ge=1, le=10_000)

    @field_validator("uri")
    @classmethod
    def _known_scheme(cls, uri: str | None) -> str | None:
        if uri is None:
            return None
        parts = urlsplit(uri)
        if parts.scheme not in URI_SCHEMES:
            raise ValueError(f"{uri!r}: the scheme must be one of {', '.join(URI_SCHEMES)}")
        if not parts.hostname:
            raise ValueError(f"{uri!r}: no host")
        return uri

    @property
    def routing(self) -> bool:
        """Whether the driver routes (``neo4j://``): reads to secondaries, writes to the leader."""
        return urlsplit(self.effective_uri()).scheme.startswith("neo4j")

    def effective_uri(self, local_bolt_port: int = DEFAULT_BOLT_PORT) -> str:
        return self.uri or f"bolt://127.0.0.1:{local_bolt_port}"

    @property
    def is_local(self) -> bool:
        return self.uri is None


class LocalServerSettings(BaseSettings):
    """The local Neo4j that the project builds from Maven Central and runs."""

    model_config = SettingsConfigDict(env_prefix="DYAD_NEO4J_", extra="ignore", frozen=True)

    #: Where data, logs, the pid file and the built server live (git-ignored).
    home: Path = Path(".dyad/neo4j")
    bolt_port: int = Field(default=DEFAULT_BOLT_PORT, ge=1, le=65535)
    #: Neo4j Browser and the HTTP API; 0 turns HTTP off.
    http_port: int = Field(default=7474, ge=0, le=65535)
    heap: str = Field(default="1g", pattern=r"^\d+[mg]$")
    pagecache: str = Field(default="512m", pattern=r"^\d+[mg]$")
    start_timeout: float = Field(default=120.0, gt=0)
    #: Stop the server when the process that started it exits (test runs).
    exit_with_parent: bool = False
