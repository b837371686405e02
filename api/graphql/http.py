"""GraphQL over HTTP, done to the spec (the `graphql-http` audit passes with no warnings).

- POST with ``application/json`` bodies, and GET with URL parameters (queries only).
- Responses are ``application/graphql-response+json`` when the client accepts it, else
  ``application/json``; anything else is 406.
- With ``application/graphql-response+json``, a request that cannot run (bad JSON, bad
  parameters, a document that does not parse or validate, variables that do not coerce) is
  400 and has no ``data``; with ``application/json`` such document errors stay 200.
- When Neo4j is unavailable the answer is 503 (with ``Retry-After``), after the driver has
  retried the read for ``GraphSettings.retry_seconds``; it reconnects by itself once Neo4j is back.
- Bodies over the size limit are 413; batches are refused; mutations need the curators'
  bearer token (401 without one, 403 with a wrong one, 403 when none is configured).
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from api.graphql.context import RequestContext
from api.graphql.errors import ErrorCode, with_code
from api.graphql.graphiql import graphiql_page

__all__ = ["MAX_BODY_BYTES", "GraphQLEndpoint"]

MAX_BODY_BYTES = 256 * 1024
GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class _Refused(Exception):
    def __init__(
        self, status: int, message: str, code: str = "BAD_REQUEST", **headers: str
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.headers = headers


@dataclass
class _Params:
    query: str
    operation_name: str | None
    variables: dict[str, Any] | None
    extensions: dict[str, Any] | None


def _negotiate(accept: str | None) -> str:
    if not accept:
        return JSON
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *options = (p.strip() for p in part.split(";"))
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media.lower()))
    for quality, _, media in sorted(ranked):
        if quality == 0:
            continue
        if media == GRAPHQL_RESPONSE:
            return GRAPHQL_RESPONSE
        if media in (JSON, "application/*", "*/*"):
            return JSON
    raise _Refused(406, f"cannot answer as {accept!r}; accept {GRAPHQL_RESPONSE} or {JSON}")


def _check_params(raw: Any) -> _Params:
    if isinstance(raw, list):
        raise _Refused(400, "batched requests are not supported; send one operation per request")
    if not isinstance(raw, dict):
        raise _Refused(400, "the request body must be a JSON object")
    query = raw.get("query")
    if not isinstance(query, str) or not query.strip():
        raise _Refused(400, "the `query` parameter must be a non-empty string")
    name = raw.get("operationName")
    if name is not None and not isinstance(name, str):
        raise _Refused(400, "`operationName` must be a string or null")
    variables = raw.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise _Refused(400, "`variables` must be an object or null")
    extensions = raw.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        raise _Refused(400, "`extensions` must be an object or null")
    return _Params(query, name, variables, extensions)


def _from_query_string(request: Request) -> _Params:
    raw: dict[str, Any] = dict(request.query_params)
    for key in ("variables", "extensions"):
        if key in raw:
            try:
                raw[key] = json.loads(raw[key])
            except (ValueError, RecursionError):
                raise _Refused(400, f"`{key}` must be URL-encoded JSON") from None
    return _check_params(raw)


async def _from_body(request: Request) -> _Params:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != JSON:
        raise _Refused(415, f"POST bodies must be {JSON}", code="UNSUPPORTED_MEDIA_TYPE")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _Refused(413, f"the body is larger than {MAX_BODY_BYTES} bytes", code="TOO_LARGE")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise _Refused(413, f"the body is larger than {MAX_BODY_BYTES} bytes", code="TOO_LARGE")
    if not body:
        raise _Refused(400, "the request body is empty")
    try:
        raw = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _Refused(400, "the request body is not JSON") from None
    except RecursionError:
        raise _Refused(400, "the request body is JSON nested too deeply") from None
    return _check_params(raw)


class _Json(JSONResponse):
    """JSON through orjson: a large answer (a neighbourhood of 200 nodes) renders about
    five times faster than with the standard library."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class GraphQLEndpoint:
    """The ASGI endpoint at ``/graphql``."""

    def __init__(self, schema: strawberry.Schema, api_token: str | None) -> None:
        self.schema = schema
        self.api_token = api_token

    async def handle(self, request: Request) -> Response:
        started = time.perf_counter()
        response = await self._answer(request, started)
        # How long the answer took inside the API (and, when it read, how much of that was
        # waiting on Neo4j): browsers' developer tools show it; `make bench` splits with it.
        if "server-timing" not in response.headers:
            response.headers["Server-Timing"] = _server_timing(started, 0.0)
        return response

    async def _answer(self, request: Request, started: float) -> Response:
        try:
            media = _negotiate(request.headers.get("accept"))
        except _Refused as refused:
            if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
                return graphiql_page()
            return self._refusal(refused, JSON)
        try:
            if request.method == "GET":
                if "query" not in request.query_params and "text/html" in request.headers.get(
                    "accept", ""
                ):
                    return graphiql_page()
                params = _from_query_string(request)
            elif request.method == "POST":
                params = await _from_body(request)
            else:
                raise _Refused(405, "use GET or POST", Allow="GET, POST")
            return await self._execute(request, params, media, started)
        except _Refused as refused:
            return self._refusal(refused, media)

    def _refusal(self, refused: _Refused, media: str) -> Response:
        body = {"errors": [{"message": str(refused), "extensions": {"code": refused.code}}]}
        return _Json(body, status_code=refused.status, media_type=media, headers=refused.headers)

    async def _execute(
        self, request: Request, params: _Params, media: str, started: float
    ) -> Response:
        strict = media == GRAPHQL_RESPONSE
        curator = self._token_holder(request)
        # GET runs queries only; POST runs mutations too, for the curators alone.
        allowed = (
            (OperationType.QUERY, OperationType.MUTATION)
            if curator and request.method == "POST"
            else (OperationType.QUERY,)
        )
        context = RequestContext(client=request.state.graph, curator=curator)
        try:
            result = await self.schema.execute(
                params.query,
                variable_values=params.variables,
                context_value=context,
                operation_name=params.operation_name,
                allowed_operation_types=allowed,
            )
        except InvalidOperationTypeError:
            if request.method == "GET":
                raise _Refused(405, "mutations must be sent with POST", Allow="POST") from None
            self._authorize(request)  # says why this caller may not write
            raise _Refused(400, "only queries and mutations are supported") from None
        except CannotGetOperationTypeError:
            error = with_code(
                GraphQLError("no operation with that name (or several and no `operationName`)"),
                in_document=True,
            )
            refused = {"errors": [error.formatted]}
            return _Json(refused, status_code=400 if strict else 200, media_type=media)
        errors_out = [e.formatted for e in result.errors or []]
        request_error = (
            result.data is None
            and bool(result.errors)
            and all(e.path is None for e in result.errors or [])
        )
        body: dict[str, Any] = {}
        if errors_out:
            body["errors"] = errors_out
        if not request_error or not strict:
            body["data"] = result.data
        if result.extensions:
            body["extensions"] = result.extensions
        timing = {"Server-Timing": _server_timing(started, context.graph_seconds)}
        if request_error and strict:
            return _Json(body, status_code=400, media_type=media, headers=timing)
        if _unavailable(errors_out):
            timing["Retry-After"] = "5"
            return _Json(body, status_code=503, media_type=media, headers=timing)
        return _Json(body, status_code=200, media_type=media, headers=timing)

    def _token_holder(self, request: Request) -> bool:
        """Whether the request carries the curators' bearer token."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        return (
            self.api_token is not None
            and scheme.lower() == "bearer"
            and hmac.compare_digest(token.strip().encode(), self.api_token.encode())
        )

    def _authorize(self, request: Request) -> bool:
        if self.api_token is None:
            raise _Refused(
                403,
                "mutations are disabled: no API_TOKEN is configured",
                code=ErrorCode.MUTATIONS_DISABLED.value,
            )
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise _Refused(
                401,
                "mutations need `Authorization: Bearer <API_TOKEN>`",
                code=ErrorCode.UNAUTHENTICATED.value,
                **{"WWW-Authenticate": "Bearer"},
            )
        if not hmac.compare_digest(token.strip().encode(), self.api_token.encode()):
            raise _Refused(
                403, "that token is not the curators' token", code=ErrorCode.FORBIDDEN.value
            )
        return True


def _server_timing(started: float, graph_seconds: float) -> str:
    total = (time.perf_counter() - started) * 1000
    graph = f'graph;dur={graph_seconds * 1000:.3f};desc="Neo4j reads", ' if graph_seconds else ""
    return f'{graph}total;dur={total:.3f};desc="GraphQL request"'


def _unavailable(errors: Sequence[Mapping[str, Any]]) -> bool:
    """Neo4j is down: the answer is 503 whatever the media type, so clients retry."""
    code = ErrorCode.NEO4J_UNAVAILABLE.value
    return any((e.get("extensions") or {}).get("code") == code for e in errors)
