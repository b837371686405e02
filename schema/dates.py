"""Dates as sources give them: a day, a month or a year."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

__all__ = ["DatePrecision", "date_span", "display_date", "parse_partial_date"]

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DatePrecision(StrEnum):
    """How much of a date the source states; the stored date is the first day it covers."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def parse_partial_date(value: object) -> tuple[dt.date, DatePrecision]:
    """Read ``2025``, ``2025-11`` or ``2025-11-07`` (or a date) as a date and its precision.

    Raises ``ValueError`` with a message fit for a user when the value is not such a date.
    """
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date, not a date and time: {value.isoformat()}")
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    match = _PARTIAL.match(text)
    if match is None:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year, month, day = match.groups()
    try:
        parsed = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"not a real date: {text!r} ({exc})") from None
    if parsed.year < 1800 or parsed.year > 2100:
        raise ValueError(f"date out of range 1800..2100: {text!r}")
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    return parsed, precision


def date_span(day: dt.date, precision: DatePrecision | None) -> tuple[dt.date, dt.date]:
    """The first and last day a date of this precision covers (``2025-11`` → 1 to 30 Nov)."""
    if precision is DatePrecision.YEAR:
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    if precision is DatePrecision.MONTH:
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    return day, day


def display_date(day: dt.date, precision: DatePrecision | None) -> str:
    """A date as people read it, no more exact than its sources: ``7 Nov 2025``, ``Nov 2025``."""
    if precision is DatePrecision.YEAR:
        return str(day.year)
    if precision is DatePrecision.MONTH:
        return f"{day:%b} {day.year}"
    return f"{day.day} {day:%b} {day.year}"
