"""Reading one field: numbers, dates, ids and header names, with errors that name the column."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence

from loaders.research_data.stream import RowError

__all__ = ["csv_fields", "day", "header_key", "integer", "map_header", "number", "safe_id"]

_DATE_FORMATS = ("%Y%m%d", "%Y-%m-%d", "%d/%m/%Y")
_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def integer(text: str, column: int, name: str, *, required: bool = True) -> int | None:
    value = text.strip()
    if not value:
        if required:
            raise RowError(f"{name} is empty", column)
        return None
    try:
        return int(value)
    except ValueError:
        raise RowError(f"{name}: {value!r} is not a whole number", column) from None


def number(text: str, column: int, name: str, *, required: bool = True) -> float | None:
    value = text.strip()
    if not value:
        if required:
            raise RowError(f"{name} is empty", column)
        return None
    try:
        parsed = float(value)
    except ValueError:
        raise RowError(f"{name}: {value!r} is not a number", column) from None
    if parsed != parsed or parsed in (float("inf"), float("-inf")):
        raise RowError(f"{name}: {value!r} is not a finite number", column)
    return parsed


def day(text: str, column: int, name: str, *, required: bool = True) -> dt.date | None:
    """``YYYYMMDD`` or ``YYYY-MM-DD``; a time after the date (``2025-04-04 12:00``) is cut."""
    value = text.strip().split(" ")[0].split("T")[0]
    if not value:
        if required:
            raise RowError(f"{name} is empty", column)
        return None
    if len(value) == 8 and value.isdigit():  # the common case, without strptime
        try:
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            raise RowError(f"{name}: {value!r} is not a real date", column) from None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise RowError(f"{name}: {text.strip()!r} is not a date (YYYYMMDD or YYYY-MM-DD)", column)


def safe_id(prefix: str, *parts: str) -> str:
    """A node id from a source's own keys; long or odd keys are hashed so ids stay valid."""
    body = "-".join(_ID_CHARS.sub("-", part.strip()).strip("-") for part in parts if part.strip())
    if not body or len(body) > 100 or not body[0].isalnum():
        body = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f"{prefix}:{body}"


def header_key(name: str) -> str:
    """A header name in lower-case letters and digits: ``Event Intensity`` → ``eventintensity``."""
    return re.sub(r"[^a-z0-9]", "", name.lstrip("\ufeff").casefold())


def csv_fields(text: str, width: int | None = None) -> list[str]:
    """The fields of one CSV line; with ``width`` (the header's), a row of another width is
    refused (empty fields past the header's end are stray commas, and dropped)."""
    try:
        fields = next(csv.reader([text], strict=True), [])
    except csv.Error as exc:
        raise RowError(f"not valid CSV: {exc}") from None
    if width is not None:
        while len(fields) > width and not fields[-1].strip():
            fields.pop()
        if len(fields) != width:
            hint = "cut short?" if len(fields) < width else "a stray comma?"
            raise RowError(
                f"{len(fields)} fields but the header names {width} ({hint})",
                min(len(fields), width) + 1,
            )
    return fields


def map_header(text: str, columns: Mapping[str, Sequence[str]]) -> tuple[dict[str, int], int]:
    """Where each field's column is in a CSV header line, and how many columns it has.

    ``columns`` names each field's candidate headers (normalised by ``header_key``); the
    first one present wins. Stray trailing commas are not columns.
    """
    raw = csv_fields(text)
    while raw and not raw[-1].strip():
        raw.pop()
    names = [header_key(n) for n in raw]
    at: dict[str, int] = {}
    for field, candidates in columns.items():
        for candidate in candidates:
            if candidate in names:
                at[field] = names.index(candidate)
                break
    return at, len(raw)
