"""What ``dyad ingest`` reads: JSON Lines, RSS 2.0 and Atom feeds, text files, folders of them.

Every article becomes an ``ArticleInput`` that names its place (``news.jsonl:3``,
``feed.xml item 2``, ``a.txt``); one that cannot be read becomes a ``BadArticle`` with that
place and what is wrong, and the others are read on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from loaders.article import parse_article_date
from loaders.errors import InvalidInputError, Problem
from loaders.ingest.entries import ArticleInput, BadArticle, Entry
from loaders.ingest.feeds import read_feed
from schema import Reliability

__all__ = ["JSONL_FIELDS", "read_inputs", "read_jsonl"]

#: The fields every JSON Lines article must give.
JSONL_FIELDS = ("url", "date", "title", "publisher", "text")
#: Optional: the article's grade (A-E) and whose reporting it carries.
_OPTIONAL = ("grade", "origin")
_JSONL = frozenset({".jsonl", ".ndjson"})
_FEEDS = frozenset({".xml", ".rss", ".atom"})
_TEXT = frozenset({".txt"})


def read_inputs(paths: Iterable[Path]) -> list[Entry]:
    """Every article in the files named, or found (sorted) in the folders named."""
    entries: list[Entry] = []
    for path in _files(paths):
        suffix = path.suffix.lower()
        if suffix in _JSONL:
            entries.extend(read_jsonl(path))
        elif suffix in _FEEDS:
            entries.extend(read_feed(path))
        else:
            entries.append(_read_text(path))
    return entries


def _files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    wanted = _JSONL | _FEEDS | _TEXT
    problems: list[Problem] = []
    named = list(paths)
    for path in named:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in wanted))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 0, "", "no such file or folder"))
    if problems:
        raise InvalidInputError(problems)
    if not files:
        where = ", ".join(map(str, named))
        raise InvalidInputError(
            [Problem(where, 0, "", "no .jsonl, .ndjson, .xml, .rss, .atom or .txt files found")]
        )
    return files


def _read_text(path: Path) -> Entry:
    try:
        return ArticleInput(place=path.name, text=path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        return BadArticle(path.name, (f"not UTF-8 (byte {exc.start})",))
    except OSError as exc:
        return BadArticle(path.name, (f"cannot be read: {exc.strerror or exc}",))


def read_jsonl(path: Path) -> list[Entry]:
    """One article per non-blank line: ``url``, ``date``, ``title``, ``publisher``, ``text``
    (and optionally ``grade``, ``origin``); a bad line is reported by its number."""
    entries: list[Entry] = []
    try:
        lines = path.read_bytes().decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        return [BadArticle(path.name, (f"not UTF-8 (byte {exc.start})",))]
    for number, line in enumerate(lines, start=1):
        if line.strip():
            entries.append(_jsonl_article(f"{path.name}:{number}", line))
    return entries


def _jsonl_article(place: str, line: str) -> Entry:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadArticle(place, (f"not JSON: {exc.msg} (column {exc.colno})",))
    if not isinstance(data, dict):
        return BadArticle(place, ("not a JSON object",))
    problems = [f"missing field {name!r}" for name in JSONL_FIELDS if data.get(name) in (None, "")]
    problems += [
        f"{name}: expected text, got {type(data[name]).__name__}"
        for name in (*JSONL_FIELDS, *_OPTIONAL)
        if data.get(name) not in (None, "") and not isinstance(data[name], str)
    ]
    if problems:
        return BadArticle(place, tuple(problems))
    date = _date(place, data["date"])
    if isinstance(date, BadArticle):
        return date
    grade = data.get("grade")
    if grade is not None and grade not in Reliability._value2member_map_:
        return BadArticle(place, (f"grade: expected one of A-E, got {grade!r}",))
    return ArticleInput(
        place=place,
        text=data["text"],
        date=date,
        url=data["url"],
        title=data["title"],
        publisher=data["publisher"],
        reliability=Reliability(grade) if grade else None,
        origin=data.get("origin") or None,
    )


def _date(place: str, value: Any) -> dt.date | BadArticle:
    """A full day, as ``load-article --date`` takes it."""
    try:
        return parse_article_date(str(value), place)
    except InvalidInputError as exc:
        return BadArticle(place, tuple(f"date: {p.message}" for p in exc.problems))
