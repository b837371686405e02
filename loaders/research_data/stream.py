"""Streaming rows into the graph: checked whole first, then written in batches.

A format supplies a ``RowReader``; ``load_files`` drives it over every file:

1. every file is read once without writing and every problem is collected (file, line,
   column); any problem refuses the whole load before anything is written;
2. each file is then read again and written ``batch_size`` items per transaction
   (``batches.BatchWriter``); if a write fails part-way, what the file's load wrote is
   undone, so each file loads all or nothing;
3. the file's ``Source`` node (its name, format, hash and what was kept) is written last.

Nothing is held in memory but the current batch (and, for undo, the ids the load created).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from graph import GraphClient, GraphError
from loaders.errors import InvalidInputError, LoadFailedError, Problem
from loaders.research_data.batches import BatchWriter
from loaders.research_data.files import count_lines, file_sha256, numbered_lines
from loaders.research_data.lookups import Lookups
from loaders.write import LoadSummary, ProgressCallback
from schema import (
    Node,
    Relationship,
    Reliability,
    Source,
    SourceGrade,
    SourceKind,
    breaches_of,
    grade_of,
)

__all__ = ["FileContext", "Item", "RowError", "RowReader", "build", "load_files"]

MAX_PROBLEMS = 200
Item = Node | Relationship
T = TypeVar("T", bound=BaseModel)


class RowError(ValueError):
    """A row is wrong at one column (1-based; ``None`` for the whole row)."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.column = column


def build(model: type[T], columns: Mapping[str, int], **fields: Any) -> T:
    """Validate one model; a bad field becomes a ``RowError`` naming its column."""
    try:
        return model(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else ""
        message = first["msg"].removeprefix("Value error, ")
        raise RowError(f"{name}: {message}" if name else message, columns.get(name)) from None


@dataclass
class FileContext:
    """What a reader knows about the file it reads."""

    path: Path
    source_id: str
    lookups: Lookups
    options: dict[str, Any]
    sha256: str
    rows_read: int = 0
    rows_kept: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    #: What a reader keeps for the file's duration (validated link templates).
    cache: dict[Any, Any] = field(default_factory=dict)
    #: The grades of the sources the file's facts rest on (the file's own, and per row).
    grades: dict[str, SourceGrade] = field(default_factory=dict)


class RowReader(Protocol):
    """One format: turns a file's lines into nodes and relationships."""

    name: str
    title: str
    publisher: str
    reliability: Reliability
    kind: SourceKind

    def header(self, ctx: FileContext, line: int, text: str) -> bool:
        """Take the first line; ``True`` if it was a header (and so is not a row)."""
        ...

    def row(self, ctx: FileContext, line: int, text: str) -> Iterable[Item]:
        """The nodes and relationships of one line (none when the line is filtered out)."""
        ...


def _problem(ctx: FileContext, line: int, exc: Exception) -> Problem:
    if isinstance(exc, RowError):
        return Problem(str(ctx.path), line, "", str(exc), exc.column)
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return Problem(str(ctx.path), line, where, first["msg"])
    return Problem(str(ctx.path), line, "", str(exc))


def _read_file(
    reader: RowReader,
    ctx: FileContext,
    writer: BatchWriter,
    tick: Callable[[int], None],
) -> list[Problem]:
    problems: list[Problem] = []
    first = True
    for line, text in numbered_lines(ctx.path, problems, MAX_PROBLEMS):
        if line % 5000 == 0:
            tick(5000)
        if first:
            if problems:  # the first line could not be read: what follows would mislead
                break
            first = False
            try:
                if reader.header(ctx, line, text):
                    continue
            except (RowError, ValidationError) as exc:
                problems.append(_problem(ctx, line, exc))
                break
        if not text.strip():
            continue
        ctx.rows_read += 1
        try:
            items = list(reader.row(ctx, line, text))
        except (RowError, ValidationError) as exc:
            problems.append(_problem(ctx, line, exc))
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        breaches = _breaches(ctx, items)
        if breaches:
            problems.append(Problem(str(ctx.path), line, "", "; ".join(breaches)))
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        if items:
            ctx.rows_kept += 1
        if not problems:
            for item in items:
                writer.add(item)
    if first and not problems:
        problems.append(Problem(str(ctx.path), 0, "", "the file is empty (cut short?)"))
    return problems


def _breaches(ctx: FileContext, items: Sequence[Item]) -> list[str]:
    """The status rules (schema/rules.py) that a row's facts break."""
    ctx.grades.update((i.id, grade_of(i)) for i in items if isinstance(i, Source))
    return [str(b) for item in items for b in breaches_of(item, ctx.grades)]


def _source(reader: RowReader, ctx: FileContext) -> Source:
    sha = ctx.sha256
    skipped = "; ".join(f"{count} {why}" for why, count in sorted(ctx.skipped.items()))
    kept = f"{ctx.rows_kept} of {ctx.rows_read} rows kept" + (
        f" (skipped: {skipped})" if skipped else ""
    )
    return Source(
        id=ctx.source_id,
        name=ctx.path.name,
        title=f"{ctx.path.name} ({reader.title})",
        publisher=reader.publisher,
        origin=reader.publisher,
        reliability=reader.reliability,
        source_kind=reader.kind,
        citation=(
            f"{ctx.path.name}: {reader.title}, imported with `dyad load --format {reader.name}`"
            f"; {kept}; sha256 {sha}"
        ),
        description=f"Imported file ({reader.name}). {kept}.",
        content_hash=sha,
    )


def _context(
    reader: RowReader, path: Path, lookups: Lookups, options: dict[str, Any]
) -> FileContext:
    sha = file_sha256(path)
    source_id = f"source:{reader.name}-{sha[:16]}"
    ctx = FileContext(path, source_id, lookups, options, sha)
    ctx.grades[source_id] = SourceGrade(source_id, reader.reliability, reader.publisher)
    return ctx


def _by(reader: RowReader) -> str:
    """The command a format's load is recorded as, in the history."""
    return f"dyad load --format {reader.name}"


def _check(
    reader_factory: Callable[[], RowReader],
    path: Path,
    lookups: Lookups,
    options: dict[str, Any],
    tick: Callable[[int], None],
) -> None:
    reader = reader_factory()
    ctx = _context(reader, path, lookups, options)
    checker = BatchWriter(None, LoadSummary(), 1 << 30, by=_by(reader))
    problems = _read_file(reader, ctx, checker, tick)
    if problems:
        raise InvalidInputError(problems)


def _write(
    client: GraphClient,
    reader_factory: Callable[[], RowReader],
    path: Path,
    lookups: Lookups,
    options: dict[str, Any],
    summary: LoadSummary,
    batch_size: int,
    tick: Callable[[int], None],
) -> None:
    reader = reader_factory()
    ctx = _context(reader, path, lookups, options)
    writer = BatchWriter(client, summary, batch_size, by=_by(reader))
    try:
        problems = _read_file(reader, ctx, writer, tick)
        if problems:  # the file changed since it was checked
            raise InvalidInputError(problems)
        writer.add(_source(reader, ctx))
        writer.flush()
    except (GraphError, InvalidInputError) as exc:
        writer.undo_all(path.name, exc)
        if isinstance(exc, InvalidInputError):
            raise
        raise LoadFailedError(
            f"{path.name}: writing failed and what was written was undone: {exc}"
        ) from exc


def load_files(
    client: GraphClient,
    paths: Sequence[Path],
    reader_factory: Callable[[], RowReader],
    *,
    batch_size: int,
    dry_run: bool,
    progress: ProgressCallback | None,
    options: dict[str, Any],
) -> LoadSummary:
    """Check every file, then load each (all or nothing per file)."""
    files = list(paths)
    if not files:
        raise InvalidInputError([Problem("(no files)", 0, "", "name at least one file to load")])
    lookups = Lookups.read(client)
    summary = LoadSummary(dry_run=dry_run)
    total = sum(count_lines(p) for p in files) * 2
    done = 0

    def tick(lines: int) -> None:
        nonlocal done
        done = min(total, done + lines)
        if progress:
            progress(done, total)

    for path in files:
        _check(reader_factory, path, lookups, options, tick)
    for path in files:
        _write(client, reader_factory, path, lookups, options, summary, batch_size, tick)
    if progress:
        progress(total, total)
    return summary
