"""The strawberry schema with its guards (depth, aliases, tokens, masked errors) and caches."""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError, specified_rules
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

from api.graphql.errors import UserFacingError
from api.graphql.mutation import Mutation
from api.graphql.nodes import KIND_TYPES
from api.graphql.query import Query

__all__ = [
    "CACHE_SIZE",
    "MAX_ALIASES",
    "MAX_DEPTH",
    "MAX_TOKENS",
    "build_schema",
    "masked",
    "validation_rules",
]

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 4000
CACHE_SIZE = 512
logger = logging.getLogger("dyad.api")


def validation_rules() -> tuple[type[ASTValidationRule], ...]:
    """graphql-core's rules plus the depth and alias limits the schema's extensions apply."""
    return (
        *specified_rules,
        depth_validator(MAX_DEPTH, None),
        alias_validator(MAX_ALIASES),
    )


def masked(error: GraphQLError) -> GraphQLError:
    """The error a client may see: itself when expected, else a masked stand-in."""
    if not _mask(error):
        return error
    return GraphQLError("Unexpected error.", nodes=error.nodes, path=error.path)


def _mask(error: GraphQLError) -> bool:
    """Mask everything but expected errors, and log what was masked."""
    original = error.original_error
    if original is None or isinstance(original, UserFacingError):
        return False
    if error.path is None:  # coercing the request's own variables: about the input, not us
        return False
    logger.error("masked error at %s", error.path, exc_info=original)
    return True


class _Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Expected errors are answers, not incidents; unexpected ones were logged by ``_mask``."""


def build_schema() -> strawberry.Schema:
    extensions = [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: MaskErrors(should_mask_error=_mask),
        # Their LRU caches live at module level, shared by every request.
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
    ]
    return _Schema(
        query=Query, mutation=Mutation, types=list(KIND_TYPES.values()), extensions=extensions
    )
