"""The strawberry schema, run through strawberry's own execution with its extensions.

The extensions do the guarding and the caching: depth, aliases and tokens are limited,
parsed and validated documents are cached, unexpected errors are masked (and logged), and
``ErrorCodes`` gives every error a client sees an ``extensions.code``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types.execution import PreExecutionError

from api.graphql.errors import UserFacingError, with_code
from api.graphql.mutation import Mutation
from api.graphql.nodes import KIND_TYPES
from api.graphql.query import Query

__all__ = [
    "CACHE_SIZE",
    "MAX_ALIASES",
    "MAX_DEPTH",
    "MAX_TOKENS",
    "ErrorCodes",
    "build_schema",
]

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 4000
CACHE_SIZE = 512
logger = logging.getLogger("dyad.api")

ExtensionFactory = Callable[[], SchemaExtension] | type[SchemaExtension]


def _mask(error: GraphQLError) -> bool:
    """Mask everything but expected errors, and log what was masked."""
    original = error.original_error
    if original is None or isinstance(original, UserFacingError):
        return False
    if error.path is None:  # coercing the request's own variables: about the input, not us
        return False
    logger.error("masked error at %s", error.path, exc_info=original)
    return True


class ErrorCodes(SchemaExtension):
    """Every error gets ``extensions.code``: a document that does not validate, variables
    that do not coerce, and masked errors (``INTERNAL_SERVER_ERROR``) included.

    Listed before ``MaskErrors``, so that it sees the errors as masked. A document that does
    not parse never reaches the operation's end; ``_Schema.process_errors`` codes it.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        in_document = isinstance(result, PreExecutionError)
        result.errors = [with_code(e, in_document=in_document) for e in result.errors]


class _Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Expected errors are answers, not incidents; unexpected ones were logged by ``_mask``.

        A syntax error is coded here, as it ends the operation before ``ErrorCodes`` sees it.
        """
        for error in errors:
            if isinstance(error, GraphQLSyntaxError):
                with_code(error)


def build_schema(extra: Sequence[ExtensionFactory] = ()) -> strawberry.Schema:
    """The schema with its guards; ``extra`` extensions run inside them (tracing, say).

    Built once per set of extensions and shared (building takes tens of milliseconds; a
    schema holds no request's state: its extensions are made afresh for each operation)."""
    return _built(tuple(extra))


@cache
def _built(extra: tuple[ExtensionFactory, ...]) -> strawberry.Schema:
    # The limits' rules are made once, here: each limiter makes a rule class of its own, and
    # the validation cache is keyed by the rules, so limiters made per request never hit it.
    limits = [
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
    ]
    extensions: list[ExtensionFactory] = [
        lambda: AddValidationRules(limits),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        ErrorCodes,
        lambda: MaskErrors(should_mask_error=_mask),
        # Their LRU caches live at module level, shared by every request.
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        *extra,
    ]
    return _Schema(
        query=Query,
        mutation=Mutation,
        types=list(KIND_TYPES.values()),
        extensions=extensions,
    )
