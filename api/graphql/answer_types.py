"""GraphQL types made from the analytics answer shapes, by one rule instead of by hand.

    @answer_type(ExposureAnswer, name="ExposureResult")
    class ExposureResult: ...

gives the class one GraphQL field per field of the frozen dataclass, under the same name:
``tuple[X, ...]`` becomes a list, ``NodeId`` an ``ID`` (``graph.analytics.shapes``), a nested
answer the type made from it, ``Doc`` the field's description, the dataclass's docstring the
type's. A field the class declares itself replaces the one of the same name (``impact`` shows
nodes and chain steps where the answer holds ids and links), or adds one.

Resolvers return the answers themselves (``shaped``): GraphQL reads a field as the attribute
of that name, so nothing is copied. A type that declares fields of its own is built from the
answer's other fields (``fields_of``) and its own values.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
from collections.abc import Callable
from typing import (
    Annotated,
    Any,
    TypeVar,
    Union,
    cast,
    dataclass_transform,
    get_args,
    get_origin,
    get_type_hints,
)

import strawberry

from graph.analytics.shapes import NODE_ID, Doc

__all__ = ["answer_type", "fields_of", "shaped"]

T = TypeVar("T")

#: The fields each made type declares itself, by type.
_OWN: dict[type[Any], frozenset[str]] = {}
#: The GraphQL type made from each answer shape (the first one made, by a class that
#: declares no field of its own): what a nested answer of that shape becomes.
_MADE: dict[type[Any], type[Any]] = {}


def _graphql(hint: Any) -> Any:
    """The GraphQL annotation for a dataclass field's type hint."""
    origin, args = get_origin(hint), get_args(hint)
    if origin is Annotated:
        if any(mark is NODE_ID for mark in args[1:]):
            return strawberry.ID
        return _graphql(args[0])
    if origin in (Union, types.UnionType):
        inner = [_graphql(a) for a in args if a is not type(None)]
        return inner[0] | None if len(inner) == 1 else Union[tuple(inner)]  # noqa: UP007
    if origin in (tuple, list):
        return list[_graphql(args[0])]  # type: ignore[misc]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint not in _MADE:
            raise TypeError(f"make the GraphQL type of {hint.__name__} first")
        return _MADE[hint]
    return hint


def _description(hint: Any) -> str | None:
    if get_origin(hint) is Annotated:
        docs = [mark.text for mark in get_args(hint)[1:] if isinstance(mark, Doc)]
        if docs:
            return docs[0]
    if get_origin(hint) in (Union, types.UnionType):
        found = [_description(a) for a in get_args(hint)]
        return next((d for d in found if d), None)
    return None


@dataclass_transform(kw_only_default=True, field_specifiers=(strawberry.field,))
def answer_type(
    data: type[Any], *, name: str | None = None, description: str | None = None
) -> Callable[[type[T]], type[T]]:
    """Make the decorated class the GraphQL type of the answer shape ``data`` (described by
    its docstring unless ``description`` says otherwise)."""
    if not dataclasses.is_dataclass(data):
        raise TypeError(f"{data!r} is not a dataclass")

    def make(cls: type[T]) -> type[T]:
        own = dict(inspect.get_annotations(cls))
        declared = set(own)
        hints = get_type_hints(data, include_extras=True)
        annotations: dict[str, Any] = {}
        for field in dataclasses.fields(data):
            if field.name in own:
                annotations[field.name] = own.pop(field.name)
                continue
            hint = hints[field.name]
            annotations[field.name] = _graphql(hint)
            described = _description(hint)
            if described and field.name not in cls.__dict__:
                setattr(cls, field.name, strawberry.field(description=described))
        cls.__annotations__ = annotations | own
        made = strawberry.type(
            cls, name=name or cls.__name__, description=description or data.__doc__
        )
        _OWN[made] = frozenset(declared)
        if not declared:
            _MADE.setdefault(data, made)
        return made

    return make


def shaped(graphql_type: type[T], answer: object) -> T:
    """``answer`` as the GraphQL type made from its shape (the same object: GraphQL reads its
    attributes)."""
    if _MADE.get(type(answer)) is not graphql_type:
        raise TypeError(f"{type(answer).__name__} is not the shape of {graphql_type.__name__}")
    return cast("T", answer)


def fields_of(answer: object, graphql_type: type[Any]) -> dict[str, Any]:
    """The fields of ``answer`` that ``graphql_type`` shows as they are (those it does not
    declare itself), by name: ``Type(**fields_of(answer, Type), own=...)``."""
    own = _OWN[graphql_type]
    return {
        f.name: getattr(answer, f.name)
        for f in dataclasses.fields(answer)  # type: ignore[arg-type]
        if f.name not in own
    }
