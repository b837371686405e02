"""Look-ahead at what a request selected, so one query can fetch all of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection
from strawberry.utils.str_converters import to_camel_case

import queries
from api.graphql.errors import ErrorCode, UserFacingError
from schema import CAUSAL_TYPES, CODED_EVENT_LINK_STARTS, NODE_MODELS, Label, RelType

__all__ = [
    "MAX_RELATIONS",
    "MAX_RELATION_DEPTH",
    "PLACED_BY",
    "RELATIONS_FIRST",
    "STORED_PROPERTIES",
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
#: The date each dated kind is placed by (a policy's is the day it was announced): a node's
#: ``when``.
PLACED_BY: dict[Label, str] = {
    label: model.dated_fields[0] for label, model in NODE_MODELS.items() if model.dated_fields
}
#: Stored properties no answer carries (a source's full text).
_NEVER_READ = frozenset({"text"})


def _stored_properties() -> dict[str, frozenset[str]]:
    stored = {
        to_camel_case(name): frozenset({name})
        for model in NODE_MODELS.values()
        for name in model.model_fields
        if name not in _NEVER_READ
    }
    placed = set(PLACED_BY.values())
    stored["when"] = frozenset(placed | {f"{name}_precision" for name in placed})
    return stored


#: The stored properties a node's GraphQL field is built from (``api/graphql/nodes.py``), by
#: the field's name: a field stored under its own name, ``when`` from the date its kind is
#: placed by. A node's ``id`` and labels (its ``kind``) are always read; ``relations`` reads
#: relationships, no property.
STORED_PROPERTIES = _stored_properties()


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
    ('out', 'in', 'both'), least confidence, how many, and the coded event datasets whose
    events it counts (empty: curated knowledge only; None: every dataset)."""

    types: frozenset[str] | None
    direction: str
    min_confidence: float
    first: int
    datasets: frozenset[str] | None = frozenset()


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
        datasets=frozenset(arguments.get("datasets") or ()),
    )


@dataclass(frozen=True, slots=True)
class RelationPlan:
    """What the shared read tail (``queries/api/_expand.cypher``) walks at each level: every
    ``relations`` selection at that level, aliases included, each answered on its own.

    Selections asking for the same relationships (types, direction, least confidence) are
    fetched once, with the largest ``first`` among them. The tail ranks exactly as
    ``Node.relations`` does, so what it fetches for a selection is that selection's answer;
    the resolver still filters, as a node's list also holds what other selections fetched.
    """

    levels: tuple[tuple[_Ask, ...], ...]
    #: Whether the answer's sources are read (``$withSources``): only when a ``sources``
    #: field is selected somewhere, as most requests select none.
    sources: bool = True
    #: The stored properties read of each node of the answer (``$nodeProps``), besides its
    #: id and labels: those the fields selected anywhere in the request are built from, as
    #: the peer's selection-compiled projections do (a page of 20 policies selecting three
    #: fields carries about 5 KB, not 20). None: every property (an answer that hands nodes
    #: on whole: elements, writes).
    properties: frozenset[str] | None = None

    @classmethod
    def everything(cls, depth: int) -> RelationPlan:
        """Every relationship to ``depth`` levels, ``MAX_RELATIONS`` per node, coded event
        data included."""
        everything = _Ask(None, "both", 0.0, MAX_RELATIONS, datasets=None)
        return cls(tuple((everything,) if level < depth else () for level in range(2)))

    def walks(self) -> queries.Walks:
        """The relationship types each level walks (``None``: every type), so that the
        tail's text holds only their branches (``queries.api_query``)."""

        def walk(asks: tuple[_Ask, ...]) -> queries.Walk:
            return frozenset().union(*(a.types if a.types is not None else {None} for a in asks))

        first, second = self.levels
        return walk(first), walk(second)

    def params(self) -> dict[str, Any]:
        """The tail's ``$rel1Asks``/``$rel2Asks``, ``$withSources``, ``$nodeProps`` and
        ``$codedLinkStarts`` (schema.CODED_EVENT_LINK_STARTS, for api/_coded_links_of)."""
        out: dict[str, Any] = {
            "withSources": self.sources,
            "nodeProps": None if self.properties is None else sorted(self.properties),
            "codedLinkStarts": [label.value for label in CODED_EVENT_LINK_STARTS],
        }
        for level, asks in enumerate(self.levels, start=1):
            limits: dict[tuple[frozenset[str] | None, str, float, frozenset[str] | None], int] = {}
            for a in asks:
                key = (a.types, a.direction, a.min_confidence, a.datasets)
                limits[key] = max(limits.get(key, 0), a.first)
            out[f"rel{level}Asks"] = [
                {
                    "types": sorted(types) if types is not None else None,
                    "direction": direction,
                    "minConfidence": min_confidence,
                    "datasets": sorted(datasets) if datasets is not None else None,
                    "limit": limit,
                }
                for (types, direction, min_confidence, datasets), limit in limits.items()
            ]
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


def _names_anywhere(selections: Iterable[Selection], names: set[str]) -> set[str]:
    """Add the name of every field selected at any depth (through fragments too)."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            names.add(selection.name)
        _names_anywhere(selection.selections, names)
    return names


def relation_plan(selections: Iterable[Selection]) -> RelationPlan:
    """The relationships a selection asks for, level by level (TOO_DEEP past two levels),
    whether it asks for sources, and the node properties its fields are built from.

    A field of another type that shares a node field's name (a relation's ``confidence``)
    only adds a property read for nothing, never leaves one out."""
    selections = list(selections)
    relation_depth(selections)
    found: list[list[_Ask]] = [[] for _ in range(MAX_RELATION_DEPTH + 1)]
    _collect(selections, 0, found)
    names = _names_anywhere(selections, set())
    # `relations` keeps a coded event's links only when its dataset is asked for, which it
    # reads from the other end's `dataset`.
    walked = frozenset({"dataset"}) if any(found) else frozenset()
    return RelationPlan(
        tuple(tuple(asks) for asks in found[:MAX_RELATION_DEPTH]),
        sources="sources" in names,
        properties=walked.union(*(STORED_PROPERTIES.get(name, ()) for name in names)),
    )
