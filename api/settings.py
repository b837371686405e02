"""API settings, read once at the edge and passed to ``create_app``."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["ApiSettings"]


class ApiSettings(BaseSettings):
    """How the HTTP app behaves. Environment names have no prefix (``API_TOKEN``) or ``DYAD_``."""

    model_config = SettingsConfigDict(env_prefix="DYAD_", extra="ignore", frozen=True)

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    #: Bearer token curators send for mutations; mutations are off when it is unset.
    api_token: SecretStr | None = Field(default=None, validation_alias="API_TOKEN")
    #: Origins allowed by CORS; empty means same-origin only.
    cors_origins: tuple[str, ...] = ()
    #: One line per request on stdout (uvicorn's access log). Off by default, as in gunicorn
    #: and hypercorn: it costs about 0.1 ms a request (docs/PERFORMANCE.md), and the
    #: ``Server-Timing`` header already tells each client where its request's time went.
    access_log: bool = False
    #: Processes serving requests (uvicorn's workers), each with its own driver and GraphQL
    #: executor; the load figures in docs/PERFORMANCE.md say what a second one buys.
    workers: int = Field(default=1, ge=1, le=64)
    #: Threads each process runs its blocking work in (graph reads and writes, through the
    #: synchronous driver) at once; more requests wait their turn, first come first served.
    #: anyio's default is 40: under 32 clients on 2 cores that many reads contend for the
    #: interpreter and for Neo4j together, and the slowest answers wait longest
    #: (docs/PERFORMANCE.md: p99 399 ms with 40, 272 ms with 8, the same throughput).
    threads: int = Field(default=8, ge=1, le=1024)
