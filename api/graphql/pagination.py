"""Relay connections with keyset cursors.

A cursor holds the sort key and id of its row, and the *scope* it was given out for: the
list, its sort and its filter. A cursor is accepted only by the list, sort and filter that
gave it out (ascending or descending alike, so a page can be walked both ways); anything else
is refused as ``BAD_USER_INPUT`` instead of silently answering some other page.

``first``/``after`` page forward and ``last``/``before`` page backward, as the Relay
connection specification sets out, ``hasPreviousPage``/``hasNextPage`` included.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import strawberry
from strawberry.types.nodes import Selection

from api.graphql.errors import ErrorCode, UserFacingError
from api.graphql.selection import fields_named

__all__ = [
    "DEFAULT_PAGE",
    "MAX_PAGE",
    "TOTAL_COUNT_CAP",
    "Connection",
    "Edge",
    "PageInfo",
    "PageRequest",
    "build_connection",
    "check_first",
    "page_request",
    "scope_of",
]

MAX_PAGE = 100
DEFAULT_PAGE = 20
#: ``totalCount`` is exact up to this many rows; past it, it says this many and
#: ``totalCountIsExact`` is false. Read at each request, so a test may set it low.
TOTAL_COUNT_CAP = 10_000
T = TypeVar("T")


@strawberry.type(description="Where a page sits in its list (the Relay specification's).")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(
    description="One page of a list. `totalCount` is counted only when it or "
    f"`totalCountIsExact` is asked for, exactly up to {TOTAL_COUNT_CAP:,} rows."
)
class Connection(Generic[T]):
    edges: list[Edge[T]]
    nodes: list[T]
    page_info: PageInfo
    total_count: int | None = strawberry.field(
        description=f"How many rows the list holds, at most {TOTAL_COUNT_CAP:,} (see "
        "`totalCountIsExact`)."
    )
    total_count_is_exact: bool = strawberry.field(
        description=f"False when the list holds more than {TOTAL_COUNT_CAP:,} rows: "
        "`totalCount` then gives that cap."
    )


def total_count_cap(selections: Sequence[Selection]) -> int | None:
    """The cap to count a list's rows up to, or None when the selection asks no count."""
    return TOTAL_COUNT_CAP if fields_named(selections, _COUNT_FIELDS) else None


_COUNT_FIELDS = {"totalCount", "totalCountIsExact"}


def scope_of(*parts: object) -> str:
    """A short fingerprint of what a cursor is bound to: the list, its sort and its filter."""
    text = json.dumps([str(part) for part in parts], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _encode(scope: str, key: str, node_id: str) -> str:
    raw = json.dumps([scope, key, node_id], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, scope: str, argument: str) -> tuple[str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        given_scope, key, node_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not all(isinstance(part, str) for part in (given_scope, key, node_id)):
            raise ValueError
    except (ValueError, TypeError) as exc:
        raise UserFacingError(
            f"`{argument}` is not a cursor this API gave out", ErrorCode.BAD_USER_INPUT
        ) from exc
    if given_scope != scope:
        raise UserFacingError(
            f"`{argument}` is a cursor from another list, sort or filter; start again without it",
            ErrorCode.BAD_USER_INPUT,
        )
    return key, node_id


def check_first(first: int, limit: int = MAX_PAGE, name: str = "first") -> int:
    if first < 0 or first > limit:
        raise UserFacingError(
            f"`{name}` must be between 0 and {limit}", ErrorCode.BAD_USER_INPUT, limit=limit
        )
    return first


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What a page asks for, read the Relay way: how many rows, which way, from where."""

    scope: str
    size: int
    forward: bool
    cursor: tuple[str, str] | None


def page_request(
    scope: str,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    limit: int = MAX_PAGE,
) -> PageRequest:
    """Check the four paging arguments and read them as one request (bad ones are refused)."""
    if first is not None and last is not None:
        raise UserFacingError("give `first` or `last`, not both", ErrorCode.BAD_USER_INPUT)
    if last is not None or before is not None:
        if after is not None or first is not None:
            raise UserFacingError(
                "`last`/`before` page backward and `first`/`after` forward; do not mix them",
                ErrorCode.BAD_USER_INPUT,
            )
        size = check_first(DEFAULT_PAGE if last is None else last, limit, "last")
        cursor = _decode(before, scope, "before") if before is not None else None
        return PageRequest(scope, size, forward=False, cursor=cursor)
    size = check_first(DEFAULT_PAGE if first is None else first, limit, "first")
    cursor = _decode(after, scope, "after") if after is not None else None
    return PageRequest(scope, size, forward=True, cursor=cursor)


def build_connection(
    request: PageRequest,
    keys: Sequence[tuple[str, str]],
    nodes: Sequence[T],
    *,
    more: bool,
    total: int | None,
    cap: int | None = None,
) -> Connection[T]:
    """The one builder of a page: ``keys``/``nodes`` in the order read, ``more`` if rows remain.

    ``total`` was counted up to ``cap`` + 1 rows (``total_count_cap``); more than ``cap``
    is answered as ``cap``, not exact.

    A backward page was read in reverse; it is turned back into list order here.
    """
    if not request.forward:
        keys, nodes = list(reversed(keys)), list(reversed(nodes))
    cursors = [_encode(request.scope, key, node_id) for key, node_id in keys]
    has_next, has_previous = (
        (more, request.cursor is not None)
        if request.forward
        else (request.cursor is not None, more)
    )
    return Connection(
        edges=[Edge(cursor=c, node=n) for c, n in zip(cursors, nodes, strict=True)],
        nodes=list(nodes),
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        ),
        total_count=min(total, cap) if total is not None and cap is not None else total,
        total_count_is_exact=total is None or cap is None or total <= cap,
    )
