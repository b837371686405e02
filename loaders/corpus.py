"""``dyad load``: read corpus files or folders, validate everything, then write all or nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from graph import GraphClient
from loaders.errors import InvalidInputError, Problem
from loaders.validate import KINDS, RELATIONSHIPS, Validated, validate_items
from loaders.write import LoadSummary, ProgressCallback, plan_and_write
from loaders.yaml_reader import RawItem, read_yaml_items
from schema import Label, SourceGrade, stored_grade

__all__ = [
    "CORPUS_DIR",
    "collect_files",
    "load_corpus",
    "read_and_validate",
    "read_items",
    "validate_record_sets",
    "validate_records",
]

#: The curated China–Japan corpus shipped with Dyad.
CORPUS_DIR = Path(str(resources.files("loaders").joinpath("corpus")))
_KINDS = frozenset((*KINDS, RELATIONSHIPS))


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, or found (sorted) in the folders named."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        elif path.exists():
            files.append(path)
        else:
            raise InvalidInputError([Problem(str(path), 0, "", "no such file or folder")])
    if not files:
        raise InvalidInputError([Problem(", ".join(map(str, paths)), 0, "", "no YAML files found")])
    return files


def read_items(files: Iterable[Path]) -> list[RawItem]:
    """Parse files into items; raise ``InvalidInputError`` listing every problem found."""
    items: list[RawItem] = []
    problems: list[Problem] = []
    for path in files:
        file_items, file_problems = read_yaml_items(path, _KINDS)
        items.extend(file_items)
        problems.extend(file_problems)
    if problems:
        raise InvalidInputError(problems)
    return items


def read_and_validate(files: Iterable[Path], client: GraphClient | None = None) -> Validated:
    """Parse and validate files; raise ``InvalidInputError`` listing every problem found."""
    items = read_items(files)
    known: dict[str, Label] = {}
    grades: dict[str, SourceGrade] = {}
    if client is not None:
        known, grades = _read_references(client, _references(items))
    validated = validate_items(items, known, grades)
    if validated.problems:
        raise InvalidInputError(validated.problems)
    return validated


def validate_records(
    client: GraphClient, records: list[tuple[str, dict[str, Any]]], origin: str
) -> Validated:
    """Validate records given as (kind, fields) exactly as corpus files are validated.

    ``kind`` is a corpus key (``statements``, ``relationships``…); references may name nodes
    already in the graph. Problems name ``origin`` and the record's index as the place.
    """
    result = validate_record_sets(client, [(records, origin)])[0]
    if isinstance(result, InvalidInputError):
        raise result
    return result


def validate_record_sets(
    client: GraphClient, sets: Sequence[tuple[list[tuple[str, dict[str, Any]]], str]]
) -> list[Validated | InvalidInputError]:
    """Validate each set of records (with its origin) on its own as ``validate_records``
    does, reading the graph once for all of them: each set's result, or its problems."""
    item_sets = [
        [RawItem(origin, kind, index, data, {}) for index, (kind, data) in enumerate(records, 1)]
        for records, origin in sets
    ]
    known, grades = _read_references(client, set().union(*map(_references, item_sets)))
    results: list[Validated | InvalidInputError] = []
    for items, (_, origin) in zip(item_sets, sets, strict=True):
        unknown = [item for item in items if item.kind not in _KINDS]
        if unknown:
            results.append(
                InvalidInputError(
                    [Problem(origin, i.line, "", f"unknown kind {i.kind!r}") for i in unknown]
                )
            )
            continue
        validated = validate_items(items, known, grades)
        results.append(InvalidInputError(validated.problems) if validated.problems else validated)
    return results


def _references(items: list[RawItem]) -> set[str]:
    """The ids ``items`` name that they do not define (the graph may hold them)."""
    defined = {str(item.data.get("id")) for item in items if item.kind != RELATIONSHIPS}
    wanted: set[str] = set()
    for item in items:
        refs = [item.data.get(k) for k in ("start", "end", "mineral")]
        refs.extend(item.data.get("sources") or [])
        wanted.update(str(r) for r in refs if isinstance(r, str) and r not in defined)
    return wanted


def _read_references(
    client: GraphClient, wanted: set[str]
) -> tuple[dict[str, Label], dict[str, SourceGrade]]:
    """The labels of the ``wanted`` ids that are already in the graph, and the grades of
    those that are sources."""
    known: dict[str, Label] = {}
    grades: dict[str, SourceGrade] = {}
    if not wanted:
        return known, grades
    for row in client.read("load/existing_ids_read", ids=sorted(wanted)):
        for label in row["labels"]:
            if label in Label._value2member_map_:
                known[row["id"]] = Label(label)
        if known.get(row["id"]) is Label.SOURCE and row["reliability"]:
            grades[row["id"]] = stored_grade(row)
    return known, grades


def load_corpus(
    client: GraphClient,
    paths: Iterable[Path],
    *,
    batch_size: int = 1000,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    by: str = "dyad load",
) -> LoadSummary:
    """Validate the files at ``paths`` and write them in one transaction (or only count, dry);
    the history names the write ``by``."""
    validated = read_and_validate(collect_files(paths), client)
    return plan_and_write(
        client,
        validated.nodes,
        validated.relationships,
        batch_size=batch_size,
        by=by,
        dry_run=dry_run,
        progress=progress,
    )
