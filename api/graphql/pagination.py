"""Keyset pagination: the cursor encodes the sort key and id of the last row, never an offset."""

from __future__ import annotations

import base64
import json
from typing import Generic, TypeVar

import strawberry

from api.graphql.errors import ErrorCode, UserFacingError

__all__ = ["MAX_PAGE", "Connection", "Edge", "PageInfo", "decode_cursor", "encode_cursor"]

MAX_PAGE = 100
T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="One page of a list. `totalCount` is counted only when asked for.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    nodes: list[T]
    page_info: PageInfo
    total_count: int | None


def encode_cursor(key: str, node_id: str) -> str:
    raw = json.dumps([key, node_id], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key, node_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(key, str) or not isinstance(node_id, str):
            raise ValueError
    except (ValueError, TypeError) as exc:
        raise UserFacingError(
            "`after` is not a cursor this API gave out", ErrorCode.BAD_USER_INPUT
        ) from exc
    return key, node_id


def check_first(first: int, limit: int = MAX_PAGE, name: str = "first") -> int:
    if first < 0 or first > limit:
        raise UserFacingError(
            f"`{name}` must be between 0 and {limit}", ErrorCode.BAD_USER_INPUT, limit=limit
        )
    return first
