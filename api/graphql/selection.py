"""Look-ahead at what a request selected, so one query can fetch all of it."""

from __future__ import annotations

from collections.abc import Iterable

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api.graphql.errors import ErrorCode, UserFacingError

__all__ = ["MAX_RELATION_DEPTH", "fields_named", "relation_depth", "selects"]

MAX_RELATION_DEPTH = 2


def _depth(selections: Iterable[Selection]) -> int:
    deepest = 0
    for selection in selections:
        if isinstance(selection, SelectedField):
            own = 1 if selection.name == "relations" else 0
            deepest = max(deepest, own + _depth(selection.selections))
        elif isinstance(selection, InlineFragment | FragmentSpread):
            deepest = max(deepest, _depth(selection.selections))
    return deepest


def relation_depth(selections: Iterable[Selection]) -> int:
    """How deep ``relations`` nest in the selection (0 when not selected); at most 2."""
    depth = _depth(selections)
    if depth > MAX_RELATION_DEPTH:
        raise UserFacingError(
            f"relations nest at most {MAX_RELATION_DEPTH} levels in one request; "
            "ask neighbourhood() for a wider view",
            ErrorCode.TOO_DEEP,
        )
    return depth


def selects(selections: Iterable[Selection], name: str) -> bool:
    """Whether a field called ``name`` is selected directly (through fragments too)."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == name:
                return True
        elif isinstance(selection, InlineFragment | FragmentSpread) and selects(
            selection.selections, name
        ):
            return True
    return False


def fields_named(selections: Iterable[Selection], names: set[str]) -> list[SelectedField]:
    """The fields selected directly (through fragments too) whose name is in ``names``."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name in names:
                found.append(selection)
        elif isinstance(selection, InlineFragment | FragmentSpread):
            found += fields_named(selection.selections, names)
    return found
