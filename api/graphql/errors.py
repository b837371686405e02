"""Expected GraphQL errors: a message for people and a stable ``code`` for programs.

Anything else raised while resolving is masked ("Unexpected error.") and logged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError

from graph import Neo4jUnavailableError, NodeNotFoundError, QueryFailedError, QueryTimeoutError
from graph.analytics.errors import AnalyticsInputError
from graph.research_errors import BadParameterError, UnknownQueryError
from loaders.errors import InvalidInputError, RefusedError

__all__ = ["ErrorCode", "UserFacingError", "user_facing", "with_code"]

#: Neo4j's code for a write that broke a constraint (two curators adding one id at once).
_CONSTRAINT = "Neo.ClientError.Schema.ConstraintValidationFailed"


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    MUTATIONS_DISABLED = "MUTATIONS_DISABLED"
    NEO4J_UNAVAILABLE = "NEO4J_UNAVAILABLE"
    QUERY_TIMEOUT = "QUERY_TIMEOUT"
    TOO_DEEP = "TOO_DEEP"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class UserFacingError(GraphQLError):
    """An error the client should see, with ``extensions.code``."""

    def __init__(self, message: str, code: ErrorCode, **details: Any) -> None:
        super().__init__(message, extensions={"code": code.value, **details})
        self.code = code


def with_code(error: GraphQLError, *, in_document: bool = False) -> GraphQLError:
    """The error with ``extensions.code`` set, so that every error a client sees has one.

    Errors in the document are parse or validation failures; an error outside any field
    (``path`` null) met while executing is about the request's variables: bad user input;
    any other is an unexpected error, masked.
    """
    if (error.extensions or {}).get("code"):
        return error
    if isinstance(error, GraphQLSyntaxError):
        code = ErrorCode.GRAPHQL_PARSE_FAILED
    elif in_document:
        code = ErrorCode.GRAPHQL_VALIDATION_FAILED
    elif error.path is None:
        code = ErrorCode.BAD_USER_INPUT
    else:  # an error while resolving that is not one of ours: masked, never explained
        code = ErrorCode.INTERNAL_SERVER_ERROR
    error.extensions = {**(error.extensions or {}), "code": code.value}
    return error


@contextmanager
def user_facing() -> Iterator[None]:
    """The one translation of the errors of ``graph`` and ``loaders`` into answers.

    Only Neo4j being unavailable is a 503 worth retrying; bad input, unknown ids and broken
    constraints are the caller's to fix. Anything else stays unexpected: masked and logged.
    """
    try:
        yield
    except UserFacingError:
        raise
    except InvalidInputError as exc:
        problems = [f"{p.subject}: {p.message}" if p.subject else p.message for p in exc.problems]
        raise UserFacingError(
            "invalid input; nothing was written", ErrorCode.BAD_USER_INPUT, problems=problems
        ) from exc
    except RefusedError as exc:
        raise UserFacingError(str(exc), ErrorCode.BAD_USER_INPUT) from exc
    except AnalyticsInputError as exc:
        raise UserFacingError(str(exc), ErrorCode.BAD_USER_INPUT, argument=exc.argument) from exc
    except BadParameterError as exc:
        raise UserFacingError(str(exc), ErrorCode.BAD_USER_INPUT, parameter=exc.parameter) from exc
    except UnknownQueryError as exc:
        raise UserFacingError(str(exc), ErrorCode.NOT_FOUND) from exc
    except NodeNotFoundError as exc:
        raise UserFacingError(str(exc), ErrorCode.NOT_FOUND, id=exc.node_id) from exc
    except QueryTimeoutError as exc:
        raise UserFacingError(
            "the query ran past its time limit; narrow it down", ErrorCode.QUERY_TIMEOUT
        ) from exc
    except Neo4jUnavailableError as exc:
        raise UserFacingError("Neo4j is unavailable", ErrorCode.NEO4J_UNAVAILABLE) from exc
    except QueryFailedError as exc:
        if exc.code == _CONSTRAINT:
            raise UserFacingError(
                "the write conflicts with what the graph already holds (an id added at the "
                "same time?); nothing was written",
                ErrorCode.BAD_USER_INPUT,
            ) from exc
        raise
