"""Files for ``neo4j-admin database import``: the bulk path for graphs too big for transactions.

``write_import_files`` streams nodes and relationships (every one a validated model, the same
as the loaders write) into one CSV file per label and per relationship type, with typed
headers taken from the models, so an imported graph holds exactly what the batched loader
would have written: same labels (the kind and ``Entity``), same properties, same types.

Conventions of the files (the import command must use the same, see ``import_options``):
a present string is always quoted (so ``""`` is an empty string and an empty cell is no
property), arrays are joined with ``|`` (a value holding ``|`` is refused), and fields may
span lines (the writer then leaves ``MULTILINE_MARKER`` in the folder).
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any, Union, get_args, get_origin

from loaders.errors import InvalidInputError, Problem
from schema import BASE_LABEL, NODE_MODELS, Label, Node, Relationship, RelType

__all__ = [
    "ARRAY_DELIMITER",
    "IMPORT_OPTIONS",
    "MULTILINE_MARKER",
    "ImportFiles",
    "check_import_folder",
    "import_arguments",
    "import_options",
    "write_import_files",
]

ARRAY_DELIMITER = "|"
#: Options ``neo4j-admin database import full`` needs to read these files as written
#: (``import_options`` adds the one a folder's fields spanning lines need).
IMPORT_OPTIONS = (
    f"--array-delimiter={ARRAY_DELIMITER}",
    "--ignore-empty-strings=false",
    "--bad-tolerance=0",  # a relationship to a missing node fails the import, never skipped
)
#: Left in the folder by a writer that wrote a field spanning lines. Only then does the import
#: read fields across lines, which keeps it from splitting a file between its threads (scale
#: 1001 imported in 39.6 s that way, 27.4 s without).
MULTILINE_MARKER = "multiline-fields"
_SKIPPED_REL_FIELDS = frozenset({"start", "type", "end"})


def _neo4j_type(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _neo4j_type(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return _neo4j_type(next(a for a in get_args(annotation) if a is not type(None)))
    if origin is tuple:
        return _neo4j_type(get_args(annotation)[0]) + "[]"
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "long"
    if annotation is float:
        return "double"
    if annotation is dt.date:
        return "date"
    if annotation is str or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        return "string"
    raise TypeError(f"no import type for {annotation!r}")


def _columns(model: type[Any], skipped: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    return [
        (name, _neo4j_type(info.annotation))
        for name, info in model.model_fields.items()
        if name not in skipped
    ]


class _DelimiterInList(ValueError):
    pass


def _formatter(kind: str) -> Callable[[Any], str]:
    """How a present value of an import column of ``kind`` is written (chosen once per
    column, not per cell: the writer spends most of a large import's time here)."""
    if kind.endswith("[]"):
        item = kind[:-2]

        def array(value: Any) -> str:
            items = [_scalar(v, item) for v in value]
            if any(ARRAY_DELIMITER in text for text in items):
                raise _DelimiterInList
            return _quoted(ARRAY_DELIMITER.join(items))

        return array
    if kind == "string":
        return lambda value: _quoted(value if type(value) is str else _scalar(value, kind))
    if kind == "long":
        return lambda value: str(value) if type(value) is int else _scalar(value, kind)
    return lambda value: _scalar(value, kind)


def _delimiter_problem(where: str) -> InvalidInputError:
    return InvalidInputError(
        [Problem(where, 0, "", f"a list value holds {ARRAY_DELIMITER!r}, the delimiter")]
    )


def _scalar(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "date":
        return str(value.isoformat())
    if kind == "double":
        return repr(float(value))
    return str(value.value if isinstance(value, Enum) else value)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass
class ImportFiles:
    """What was written: a file per label and per type, and how many rows each holds."""

    folder: Path
    nodes: dict[str, Path] = field(default_factory=dict)
    relationships: dict[str, Path] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    #: Whether a field spans lines (``MULTILINE_MARKER`` is then in the folder).
    multiline: bool = False

    def arguments(self) -> list[str]:
        """The ``--nodes`` / ``--relationships`` arguments naming every file."""
        return [f"--nodes={path}" for path in self.nodes.values()] + [
            f"--relationships={path}" for path in self.relationships.values()
        ]


_Column = tuple[str, Callable[[Any], str]]


class _Writers:
    def __init__(self, folder: Path, suffix: str = "") -> None:
        self.files = ImportFiles(folder)
        self.suffix = suffix
        self.handles: dict[str, IO[str]] = {}
        self.node_columns = {
            label: _columns(NODE_MODELS[label])
            + [(name, "date") for name in NODE_MODELS[label].latest_fields()]
            for label in Label
        }
        self.rel_columns = _columns(Relationship, _SKIPPED_REL_FIELDS)
        self.node_cells: dict[Label, list[_Column]] = {
            label: [(name, _formatter(kind)) for name, kind in columns]
            for label, columns in self.node_columns.items()
        }
        self.rel_cells: list[_Column] = [(n, _formatter(k)) for n, k in self.rel_columns]

    def _open(self, name: str, header: Callable[[], list[str]]) -> IO[str]:
        handle = self.handles.get(name)
        if handle is None:
            path = self.files.folder / f"{name}{self.suffix}.csv"
            handle = path.open("w", encoding="utf-8", newline="", buffering=1 << 20)
            handle.write(",".join(header()) + "\n")
            self.handles[name] = handle
            self.files.counts[name] = 0
            if name.startswith("nodes-"):
                self.files.nodes[name] = path
            else:
                self.files.relationships[name] = path
        self.files.counts[name] += 1
        return handle

    def node(self, node: Node) -> None:
        label = node.label
        columns = self.node_columns[label]
        handle = self._open(
            f"nodes-{label.value}",
            lambda: [f"{n}:ID" if n == "id" else f"{n}:{k}" for n, k in columns] + [":LABEL"],
        )
        values = node.properties()
        try:
            cells = [
                "" if (value := values.get(name)) is None else write(value)
                for name, write in self.node_cells[label]
            ]
        except _DelimiterInList:
            raise _delimiter_problem(f"nodes-{label.value}.csv ({node.id})") from None
        self._write(handle, ",".join(cells) + f",{BASE_LABEL}{ARRAY_DELIMITER}{label.value}")

    def relationship(self, rel: Relationship) -> None:
        kind = rel.type.value
        handle = self._open(
            f"relationships-{kind}",
            lambda: [":START_ID", ":END_ID", ":TYPE"] + [f"{n}:{k}" for n, k in self.rel_columns],
        )
        values = rel.properties()
        try:
            cells = [
                "" if (value := values.get(name)) is None else write(value)
                for name, write in self.rel_cells
            ]
        except _DelimiterInList:
            raise _delimiter_problem(
                f"relationships-{kind}.csv ({rel.start} -> {rel.end})"
            ) from None
        self._write(handle, f"{_quoted(rel.start)},{_quoted(rel.end)},{kind}," + ",".join(cells))

    def _write(self, handle: IO[str], row: str) -> None:
        if not self.files.multiline and ("\n" in row or "\r" in row):
            self.files.multiline = True
        handle.write(row + "\n")

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        if self.files.multiline:
            (self.files.folder / MULTILINE_MARKER).touch()


def import_arguments(folder: Path) -> list[str]:
    """The ``--nodes`` / ``--relationships`` arguments naming every import file in ``folder``
    (empty when it holds no node files)."""
    nodes = sorted(folder.glob("nodes-*.csv"))
    if not nodes:
        return []
    rels = sorted(folder.glob("relationships-*.csv"))
    return [f"--nodes={p.resolve()}" for p in nodes] + [
        f"--relationships={p.resolve()}" for p in rels
    ]


def import_options(folder: Path) -> tuple[str, ...]:
    """The options importing ``folder`` needs: ``IMPORT_OPTIONS``, and multi-line fields
    when a writer left ``MULTILINE_MARKER`` (a field spanning lines in a folder without it
    fails the import at its file and position, and replaces nothing)."""
    spans_lines = (folder / MULTILINE_MARKER).exists()
    return IMPORT_OPTIONS + (("--multiline-fields=true",) if spans_lines else ())


def check_import_folder(folder: Path) -> None:
    """Create ``folder``; refuse it if it already holds CSV files."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("*.csv")):
        raise InvalidInputError(
            [Problem(str(folder), 0, "", "the folder already holds CSV files; use an empty one")]
        )


def write_import_files(
    items: Iterable[Node | Relationship], folder: Path, *, part: str = ""
) -> ImportFiles:
    """Write ``items`` as import files into ``folder`` (created; must hold no CSV files).

    With ``part`` (one of several writers into one folder, which the caller has checked with
    ``check_import_folder``), each file is named ``<name>.<part>.csv``: ``dyad neo4j import``
    imports every ``nodes-*.csv`` and ``relationships-*.csv``, each with its own header.
    """
    if not part:
        check_import_folder(folder)
    writers = _Writers(folder, f".{part}" if part else "")
    try:
        for item in items:
            if isinstance(item, Node):
                writers.node(item)
            else:
                writers.relationship(item)
    finally:
        writers.close()
    return writers.files


_ = RelType  # the type column holds RelType values
