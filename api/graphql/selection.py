"""Look-ahead at what a request selected, so one query can fetch all of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api.graphql.errors import ErrorCode, UserFacingError
from schema import CAUSAL_TYPES, RelType

__all__ = [
    "MAX_RELATIONS",
    "MAX_RELATION_DEPTH",
    "RELATIONS_FIRST",
    "RelationPlan",
    "fields_named",
    "relation_depth",
    "relation_plan",
    "selects",
]

MAX_RELATION_DEPTH = 2
#: The most relationships ``relations`` answers per node, and its default ``first``.
MAX_RELATIONS = 100
RELATIONS_FIRST = 50
_ALL_TYPES = frozenset(t.value for t in RelType)
_CAUSAL = frozenset(t.value for t in CAUSAL_TYPES)


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


@dataclass(frozen=True, slots=True)
class _Ask:
    """What one ``relations`` selection asks for: its types (None: every type), direction
    ('out', 'in', 'both'), least confidence, and how many."""

    types: frozenset[str] | None
    direction: str
    min_confidence: float
    first: int


def _name(value: Any) -> str:
    return str(value.name if isinstance(value, Enum) else value).upper()


def _ask(arguments: dict[str, Any]) -> _Ask:
    """Read ``Node.relations``'s arguments (as the request gave them) into one ``_Ask``."""
    given = arguments.get("types")
    types = frozenset(RelType[_name(t)].value for t in given) if given else None
    if arguments.get("causalOnly"):
        types = (types if types is not None else _ALL_TYPES) & _CAUSAL
    first = arguments.get("first")
    return _Ask(
        types=types,
        direction=_name(arguments.get("direction") or "BOTH").lower(),
        min_confidence=float(arguments.get("minConfidence") or 0.0),
        first=max(0, min(RELATIONS_FIRST if first is None else int(first), MAX_RELATIONS)),
    )


@dataclass(frozen=True, slots=True)
class RelationPlan:
    """What the shared read tail (``queries/api/_expand.cypher``) walks at each level: the
    union of what every ``relations`` selection at that level asks for, aliases included.

    Per level: the types (None: every type), the direction when all agree (else both), the
    least confidence asked for, and how many per node. When every selection at the level
    asks for the same relationships, that is the largest ``first`` asked (the tail ranks
    exactly as ``Node.relations`` does, so its top ``first`` are the answer); else
    ``MAX_RELATIONS``. The resolver still filters, so the answer is what fetching
    everything would give.
    """

    levels: tuple[tuple[_Ask, ...], ...]

    @classmethod
    def everything(cls, depth: int) -> RelationPlan:
        """Every relationship to ``depth`` levels, ``MAX_RELATIONS`` per node."""
        everything = _Ask(None, "both", 0.0, MAX_RELATIONS)
        return cls(tuple((everything,) if level < depth else () for level in range(2)))

    def params(self) -> dict[str, Any]:
        """The tail's ``$rel1…``/``$rel2…`` parameters."""
        out: dict[str, Any] = {}
        for level, asks in enumerate(self.levels, start=1):
            types: set[str] | None = set()
            for ask in asks:
                types = None if types is None or ask.types is None else types | ask.types
            directions = {a.direction for a in asks}
            same = len({(a.types, a.direction, a.min_confidence) for a in asks}) == 1
            out |= {
                f"rel{level}Types": sorted(types) if types is not None else None,
                f"rel{level}Direction": directions.pop() if len(directions) == 1 else "both",
                f"rel{level}MinConfidence": min((a.min_confidence for a in asks), default=0.0),
                f"rel{level}Limit": max((a.first for a in asks), default=0)
                if same
                else MAX_RELATIONS,
            }
        return out


def _collect(selections: Iterable[Selection], level: int, found: list[list[_Ask]]) -> None:
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == "relations":
                found[level].append(_ask(selection.arguments))
                _collect(selection.selections, level + 1, found)
            else:
                _collect(selection.selections, level, found)
        elif isinstance(selection, InlineFragment | FragmentSpread):
            _collect(selection.selections, level, found)


def relation_plan(selections: Iterable[Selection]) -> RelationPlan:
    """The relationships a selection asks for, level by level (TOO_DEEP past two levels)."""
    selections = list(selections)
    relation_depth(selections)
    found: list[list[_Ask]] = [[] for _ in range(MAX_RELATION_DEPTH + 1)]
    _collect(selections, 0, found)
    return RelationPlan(tuple(tuple(asks) for asks in found[:MAX_RELATION_DEPTH]))
