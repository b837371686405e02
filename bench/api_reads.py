"""The Cypher and the parameters the API sends for a GraphQL request, recorded from the API.

The benchmark's driver side must run exactly what the API runs. Rather than build the
parameters a second time (a copy that drifts whenever a resolver changes), the request is
answered once by the app itself, in-process, with every object its lifespan hands the
requests (the graph client, the reader) wrapped so that each call passing the API query's
text and a mapping of parameters is recorded. Nothing of the API is patched or re-implemented.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, LiteralString

import httpx
from asgi_lifespan import LifespanManager

import queries
from api import ApiSettings, create_app
from graph import GraphSettings

__all__ = ["read_sent_for"]

Call = tuple[tuple[Any, ...], dict[str, Any]]


def read_sent_for(bolt_uri: str, graphql: str, query: str) -> tuple[LiteralString, dict[str, Any]]:
    """The text of the API query ``query`` (``queries/api/<query>.cypher`` and the tail the
    API composes for the selection) and the parameters the API sends with it when it answers
    ``graphql``, against Neo4j at ``bolt_uri``."""
    head = queries.load(f"api/{query}")
    calls = asyncio.run(_calls_answering(bolt_uri, graphql))
    for args, kwargs in calls:
        texts = [a for a in args if isinstance(a, str) and a.startswith(head + "\n")]
        sent = [v for v in (*args, *kwargs.values()) if isinstance(v, Mapping)]
        if texts and sent:
            # The tail as the API composed it for this selection (queries.api_query).
            return texts[0], dict(sent[0])
    raise RuntimeError(
        f"the API answered {graphql!r} without sending api/{query} with a mapping of "
        "parameters through the objects its lifespan provides (bench/api_reads.py)"
    )


async def _calls_answering(bolt_uri: str, graphql: str) -> list[Call]:
    app = create_app(ApiSettings(), GraphSettings(uri=bolt_uri))
    calls: list[Call] = []
    opened: Callable[[Any], AbstractAsyncContextManager[Mapping[str, Any] | None]] = (
        app.router.lifespan_context
    )

    @asynccontextmanager
    async def recording(app: Any) -> AsyncIterator[dict[str, Any]]:
        async with opened(app) as state:
            yield {name: _recording(value, calls) for name, value in (state or {}).items()}

    app.router.lifespan_context = recording
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url="http://127.0.0.1"
        ) as http,
    ):
        answer = await http.post("/graphql", json={"query": graphql})
    body = answer.json()
    if answer.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"the API refused {graphql!r}: {body}")
    return calls


def _recording(value: Any, calls: list[Call]) -> Any:
    """``value`` itself when it is plain data, else ``value`` with its calls recorded."""
    plain = (str, bytes, int, float, bool, Mapping, list, tuple, set, frozenset, type(None))
    return value if isinstance(value, plain) else _Recorder(value, calls)


class _Recorder:
    """``target`` as it is, except that every call of one of its methods is recorded."""

    def __init__(self, target: Any, calls: list[Call]) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_calls", calls)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if not callable(value):
            return value

        def recorded(*args: Any, **kwargs: Any) -> Any:
            self._calls.append((args, kwargs))
            return value(*args, **kwargs)

        return recorded

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target, name, value)
