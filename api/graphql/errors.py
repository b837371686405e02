"""Expected GraphQL errors: a message for people and a stable ``code`` for programs.

Anything else raised while resolving is masked ("Unexpected error.") and logged.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from graphql import GraphQLError

__all__ = ["ErrorCode", "UserFacingError"]


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    MUTATIONS_DISABLED = "MUTATIONS_DISABLED"
    NEO4J_UNAVAILABLE = "NEO4J_UNAVAILABLE"
    QUERY_TIMEOUT = "QUERY_TIMEOUT"
    TOO_DEEP = "TOO_DEEP"


class UserFacingError(GraphQLError):
    """An error the client should see, with ``extensions.code``."""

    def __init__(self, message: str, code: ErrorCode, **details: Any) -> None:
        super().__init__(message, extensions={"code": code.value, **details})
        self.code = code
