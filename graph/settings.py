"""Connection settings, read once at the edge (CLI, ``create_app``) and passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_BOLT_PORT", "GraphSettings", "LocalServerSettings"]

DEFAULT_BOLT_PORT = 7687


class GraphSettings(BaseSettings):
    """Where Neo4j is and how to talk to it.

    ``NEO4J_URI`` unset means the local server that ``dyad neo4j start`` runs; set, it points
    anywhere (Aura, a container, a cluster through ``neo4j://``) and nothing local starts.
    """

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore", frozen=True)

    uri: str | None = None
    user: str = "neo4j"
    password: SecretStr | None = None
    database: str = "neo4j"
    #: Seconds a read may run before it is stopped.
    query_timeout: float = Field(default=30.0, gt=0)
    #: Rows per write transaction when loading.
    batch_size: int = Field(default=1000, ge=1, le=100_000)

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
