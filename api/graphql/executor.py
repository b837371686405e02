"""A graphql-core executor with a short path for fields that only read their object.

Most fields of an answer are strawberry fields without a resolver (a node's ``id``, a
step's ``cause``) or with a resolver that takes nothing but ``self`` (``sources``).
graphql-core resolves each through the general path (resolve info, strawberry's resolver
wrapper and argument conversion, value completion), about 4 µs a field. For such a field
this executor reads the attribute or calls the method, then either coerces the scalar or
completes the object by its sub-selection through graphql-core's own
``collect_and_execute_subfields``. A selection set made only of such fields (and
``__typename``) runs in one loop, ``execute_fields``: a leaf whose value reads and coerces
cleanly costs no ``Path`` and no further call; a String, ID or Boolean of its own Python type
is taken as it is, and an enum's names are remembered per member. Anything else, and any
value it cannot take the short path for (a null of a non-null field, a value whose runtime
type it cannot tell), goes through graphql-core's ``execute_field`` unchanged; such a method
is then called again, which is safe because these methods only reshape data already fetched
(api/graphql/nodes.py).

An object met again under the same selection (answers build each node, source and chain step
once, so a step that several chains share is one object) is completed once and its result
reused, unless completing it recorded an error.

Errors keep graphql-core's semantics: an error while completing an object or a list is
handed to ``handle_field_error`` for the field, which nulls the nearest nullable field and
records the error once. tests/test_graphql_executor.py compares both executors' answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any
from weakref import WeakKeyDictionary

from graphql import (
    Executor,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLID,
    GraphQLInterfaceType,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
    is_leaf_type,
)
from graphql.pyutils import Path, Undefined

__all__ = ["AttributeExecutor"]

_DEFINITION = "strawberry-definition"  # where strawberry keeps a GraphQL type's own definition
_CAST = "__as_strawberry_type__"  # what ``strawberry.cast`` sets on an object


class _Shape(Enum):
    LEAF = "leaf"
    OBJECT = "object"
    ABSTRACT = "abstract"
    LEAVES = "leaves"
    OBJECTS = "objects"
    ABSTRACTS = "abstracts"


@dataclass(frozen=True, slots=True)
class _Read:
    """How to take the short path for one field."""

    #: Reads the value from the object: ``getattr`` of the attribute, or the method.
    get: Callable[[Any], Any]
    shape: _Shape
    #: The named type: a leaf, an object type, or an interface.
    target: GraphQLLeafType | GraphQLObjectType | GraphQLInterfaceType
    field_type: GraphQLOutputType
    #: The Python type a leaf's value already has when coercing would return it unchanged
    #: (``str`` for String and ID, ``bool`` for Boolean), if any.
    as_is: type | None
    #: An enum's output names by member, filled as members are met (coercion is pure).
    names: dict[Any, Any] | None
    #: The field may be null (a null value is then the answer, with no error).
    nullable: bool


@dataclass
class _Tables:
    reads: dict[tuple[str, str], _Read | None]
    #: Python class → its GraphQL object type (to tell the runtime type of an interface).
    classes: dict[type, GraphQLObjectType]


_TABLES: WeakKeyDictionary[GraphQLSchema, _Tables] = WeakKeyDictionary()
_UNSEEN: Any = object()


def _tables(schema: GraphQLSchema) -> _Tables:
    tables = _TABLES.get(schema)
    if tables is None:
        classes: dict[type, GraphQLObjectType] = {}
        for named in schema.type_map.values():
            if isinstance(named, GraphQLObjectType):
                origin = getattr((named.extensions or {}).get(_DEFINITION), "origin", None)
                if isinstance(origin, type):
                    classes[origin] = named
        tables = _TABLES[schema] = _Tables({}, classes)
    return tables


#: Built-in scalars whose coercion returns a value of exactly this type unchanged
#: (graphql-core's ``serialize_string``, ``serialize_id``, ``serialize_boolean``).
_AS_IS: tuple[tuple[GraphQLScalarType, type], ...] = (
    (GraphQLString, str),
    (GraphQLID, str),
    (GraphQLBoolean, bool),
)
_ONE = {"leaf": _Shape.LEAF, "object": _Shape.OBJECT, "abstract": _Shape.ABSTRACT}
_MANY = {"leaf": _Shape.LEAVES, "object": _Shape.OBJECTS, "abstract": _Shape.ABSTRACTS}


def _named_kind(named: Any) -> str | None:
    """What the short path does with a value of this named type, if anything."""
    if is_leaf_type(named):
        return "leaf"
    if isinstance(named, GraphQLObjectType):
        return "object"  # its ``is_type_of``, if any, is checked by ``_runtime_type``
    if isinstance(named, GraphQLInterfaceType):
        return "abstract"
    return None


def _shape_of(field_type: GraphQLOutputType) -> tuple[_Shape, Any] | None:
    inner = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
    shapes, named = _ONE, inner
    if isinstance(inner, GraphQLList):
        if not isinstance(inner.of_type, GraphQLNonNull):
            return None  # only lists whose items cannot be null
        shapes, named = _MANY, inner.of_type.of_type
    kind = _named_kind(named)
    return None if kind is None else (shapes[kind], named)


def _read_for(tables: _Tables, parent_type: GraphQLObjectType, name: str) -> _Read | None:
    key = (parent_type.name, name)
    if key in tables.reads:
        return tables.reads[key]
    read = None
    field = parent_type.fields.get(name)
    definition = (field.extensions or {}).get(_DEFINITION) if field else None
    shaped = _shape_of(field.type) if field is not None else None
    get = _getter(field, definition) if field is not None and shaped is not None else None
    if field is not None and shaped is not None and get is not None:
        target = shaped[1]
        as_is = next((kind for scalar, kind in _AS_IS if scalar is target), None)
        names: dict[Any, Any] | None = {} if isinstance(target, GraphQLEnumType) else None
        nullable = not isinstance(field.type, GraphQLNonNull)
        read = _Read(get, shaped[0], target, field.type, as_is, names, nullable)
    tables.reads[key] = read
    return read


def _getter(field: Any, definition: Any) -> Callable[[Any], Any] | None:
    """How strawberry would get the field's value from its object, when that is all it does."""
    if definition is None or field.args:
        return None
    # strawberry marks the resolver of a field that has none of its own ("basic"): it reads
    # the attribute (no arguments, no permission classes, no extensions).
    if getattr(field.resolve, "_is_default", False):
        name = getattr(definition, "python_name", None)
        return None if not isinstance(name, str) else lambda source: getattr(source, name)
    resolver = getattr(definition, "base_resolver", None)
    if (
        resolver is None
        or definition.extensions  # permission classes are extensions too
        or definition.is_async
        or resolver.arguments
        or resolver.self_parameter is None
        or resolver.info_parameter is not None
        or resolver.root_parameter is not None
        or resolver.parent_parameter is not None
    ):
        return None
    method: Callable[[Any], Any] = resolver.wrapped_func
    return method


_FAILED: Any = object()


def _leaf(read: _Read, value: Any) -> Any:
    """A non-null leaf value coerced for output, or ``_FAILED`` for the general path."""
    if type(value) is read.as_is:
        return value
    names = read.names
    member = names is not None and isinstance(value, Enum)
    if member:
        assert names is not None
        known = names.get(value, _FAILED)
        if known is not _FAILED:
            return known
    try:
        coerced = read.target.coerce_output_value(value)  # type: ignore[union-attr]
    except Exception:  # the general path reports it, located
        return _FAILED
    if coerced is None or coerced is Undefined:
        return _FAILED
    if member:
        assert names is not None
        names[value] = coerced
    return coerced


#: One entry per response key of a selection set: its key, how to read it (None for
#: ``__typename``) and its field group.
_Plan = tuple[tuple[str, _Read | None, Any], ...]


class AttributeExecutor(Executor[Any]):
    """graphql-core's executor, with the short path described above."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        """A selection set whose every field takes the short path is run in one loop: a leaf
        that reads and coerces cleanly costs no ``Path`` and no call of ``execute_field``."""
        plan = self._plan(parent_type, grouped_field_set)
        if plan is None:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        for key, read, field_details_list in plan:
            if read is None:
                results[key] = parent_type.name
                continue
            try:
                value = read.get(source_value)
            except Exception:  # the general path raises it again, and locates it
                value = _FAILED
            if value is None and read.nullable:
                results[key] = None
                continue
            if value is not None and value is not _FAILED:
                if read.shape is _Shape.LEAF:
                    coerced = _leaf(read, value)
                    if coerced is not _FAILED:
                        results[key] = coerced
                        continue
                else:
                    field_path = Path(path, key, parent_type.name)
                    done, result = self._short(read, value, field_details_list, field_path,
                                               position_context)  # fmt: skip
                    if done:
                        results[key] = result
                        continue
            results[key] = self.execute_field(
                parent_type,
                source_value,
                field_details_list,
                Path(path, key, parent_type.name),
                position_context,
            )
        return results

    def _plan(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> _Plan | None:
        """The selection set's plan, or None when a field of it needs the general path."""
        plans: dict[int, tuple[Any, GraphQLObjectType, _Plan | None]] | None = self.__dict__.get(
            "_dyad_plans"
        )
        if plans is None:
            plans = self.__dict__["_dyad_plans"] = {}
        known = plans.get(id(grouped_field_set))
        if known is not None and known[0] is grouped_field_set and known[1] is parent_type:
            return known[2]
        plan: _Plan | None = None
        if not self.middleware_manager:
            tables = self._tables()
            entries: list[tuple[str, _Read | None, Any]] = []
            for response_key, field_details_list in grouped_field_set.items():
                name = field_details_list[0].node.name.value
                read = None if name == "__typename" else _read_for(tables, parent_type, name)
                if read is None and name != "__typename":
                    break
                entries.append((response_key, read, field_details_list))
            else:
                plan = tuple(entries)
        # The set is kept with its plan so that its id cannot be reused during execution.
        plans[id(grouped_field_set)] = (grouped_field_set, parent_type, plan)
        return plan

    def _tables(self) -> _Tables:
        tables: _Tables | None = self.__dict__.get("_dyad_tables")
        if tables is None:
            tables = self.__dict__["_dyad_tables"] = _tables(self.schema)
        return tables

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        tables = self._tables()
        read = None
        if not self.middleware_manager:
            name = field_details_list[0].node.name.value
            read = tables.reads.get((parent_type.name, name), _UNSEEN)
            if read is _UNSEEN:
                read = _read_for(tables, parent_type, name)
        if read is not None:
            try:
                value = read.get(source)
            except Exception as error:  # as graphql-core does with a resolver's error
                self.handle_field_error(error, read.field_type, field_details_list, path)
                return None
            if value is not None:
                if read.shape is _Shape.LEAF:
                    coerced = _leaf(read, value)
                    if coerced is not _FAILED:
                        return coerced
                else:
                    done, result = self._short(read, value, field_details_list, path,
                                               position_context)  # fmt: skip
                    if done:
                        return result
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def _short(
        self,
        read: _Read,
        value: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> tuple[bool, Any]:
        """(True, the completed value), or (False, None) to take the general path."""
        shape, target = read.shape, read.target  # a single leaf is done by the caller
        tables = self._tables()
        if shape is _Shape.LEAVES:
            assert not isinstance(target, GraphQLObjectType | GraphQLInterfaceType)
            try:
                items = [target.coerce_output_value(item) for item in value]
            except Exception:  # the general path reports it, located
                return False, None
            return all(i is not None and i is not Undefined for i in items), items
        # Objects: tell every runtime type first, so that nothing runs twice on a fallback.
        if shape is _Shape.OBJECT or shape is _Shape.ABSTRACT:
            runtime = self._runtime_type(tables, target, value)
            if runtime is None:
                return False, None
            try:
                return True, self._complete(
                    runtime, field_details_list, path, value, position_context
                )
            except Exception as error:
                self.handle_field_error(error, read.field_type, field_details_list, path)
                return True, None
        if not isinstance(value, list):
            return False, None
        types = [self._runtime_type(tables, target, item) for item in value]
        if any(t is None for t in types):
            return False, None
        try:
            return True, [
                self._complete(
                    runtime, field_details_list, Path(path, index, None), item, position_context
                )
                for index, (runtime, item) in enumerate(zip(types, value, strict=True))
                if runtime is not None
            ]
        except Exception as error:
            self.handle_field_error(error, read.field_type, field_details_list, path)
            return True, None

    def _complete(
        self,
        runtime: GraphQLObjectType,
        field_details_list: Any,
        path: Path,
        value: Any,
        position_context: Any,
    ) -> Any:
        """``collect_and_execute_subfields``, remembered per object and selection: an object
        met again under the same selection (a step that several chains share, a node that
        every step names) is completed once. Only a completion that recorded no error, at a
        position not nulled, is remembered, so every error is still reported where it
        happens; the answer then holds the same dict in several places."""
        done: dict[tuple[int, int], tuple[Any, Any, Any, Any]] | None = self.__dict__.get(
            "_dyad_done"
        )
        if done is None:
            done = self.__dict__["_dyad_done"] = {}
        key = (id(value), id(field_details_list))
        known = done.get(key)
        if (
            known is not None
            and known[0] is value
            and known[1] is field_details_list
            and known[2] is runtime
        ):
            return known[3]
        errors = len(self.collected_errors.errors)
        result = self.collect_and_execute_subfields(
            runtime, field_details_list, path, value, position_context
        )
        if (
            position_context is None
            and len(self.collected_errors.errors) == errors
            and not self.is_awaitable(result)
            and not self.collected_errors.has_nulled_position(path)
        ):
            # The value and the selection are kept with it, so their ids are not reused.
            done[key] = (value, field_details_list, runtime, result)
        return result

    def _runtime_type(self, tables: _Tables, target: Any, value: Any) -> GraphQLObjectType | None:
        """The object type ``value`` is completed as, when the short path can tell it."""
        if value is None:
            return None
        if isinstance(target, GraphQLObjectType) and target.is_type_of is None:
            return target
        # strawberry's ``is_type_of`` (a type with interfaces) accepts an instance of the
        # type's class that was not ``strawberry.cast`` to another: an exact class match
        # without a cast is that; anything else takes the general path, which asks it.
        if getattr(value, _CAST, None) is not None:
            return None
        runtime = tables.classes.get(type(value))
        if runtime is None:
            return None
        if isinstance(target, GraphQLObjectType):
            return target if runtime is target else None
        return runtime if self.schema.is_sub_type(target, runtime) else None
