"""Relative dates ("earlier this month", "on Tuesday", "last month", "in recent months")
read against the article's date as a span of days.

News convention: a bare weekday ("on Tuesday") is the latest such day on or before the
article's date; "recent months" is the three months before it, "recent weeks" three weeks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["TemporalExpression", "find_relative_dates"]

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1}


@dataclass(frozen=True)
class TemporalExpression:
    start_char: int
    end_char: int
    text: str
    first: dt.date
    last: dt.date

    def describe(self) -> str:
        span = self.first.isoformat()
        if self.last != self.first:
            span += f"..{self.last.isoformat()}"
        return f"'{self.text}' read as {span}"


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _previous_month(day: dt.date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def _span(phrase: str, day: dt.date) -> tuple[dt.date, dt.date] | None:
    p = phrase.lower()
    one = dt.timedelta(days=1)
    month_start = day.replace(day=1)
    if p == "earlier this month":
        return month_start, max(month_start, day - one)
    if p == "this month":
        return month_start, day
    if p in ("last month", "the previous month", "the month before"):
        return _month_span(*_previous_month(day))
    if p == "earlier this year":
        return dt.date(day.year, 1, 1), max(dt.date(day.year, 1, 1), day - one)
    if p == "this year":
        return dt.date(day.year, 1, 1), day
    if p == "last year":
        return dt.date(day.year - 1, 1, 1), dt.date(day.year - 1, 12, 31)
    if p in (
        "recent months",
        "in recent months",
        "the past few months",
        "recent weeks",
        "in recent weeks",
    ):
        return day - dt.timedelta(days=91 if "month" in p else 21), day
    if p in ("this week",):
        return day - dt.timedelta(days=day.weekday()), day
    if p == "last week":
        monday = day - dt.timedelta(days=day.weekday() + 7)
        return monday, monday + dt.timedelta(days=6)
    if p == "yesterday":
        return day - one, day - one
    if p == "today":
        return day, day
    if p == "tomorrow":
        return day + one, day + one
    return _weekday_month_or_ago(p, day)


def _weekday_month_or_ago(p: str, day: dt.date) -> tuple[dt.date, dt.date] | None:
    words = p.split()
    last = words[-1]
    if last in _WEEKDAYS:
        back = (day.weekday() - _WEEKDAYS[last]) % 7
        if words[0] == "last" and back == 0:
            back = 7
        if words[0] == "next":
            ahead = (_WEEKDAYS[last] - day.weekday()) % 7 or 7
            return day + dt.timedelta(days=ahead), day + dt.timedelta(days=ahead)
        target = day - dt.timedelta(days=back)
        return target, target
    if last in _MONTHS:
        month = _MONTHS[last]
        year = (
            day.year
            if month < day.month or (month == day.month and words[0] != "last")
            else day.year - 1
        )
        return _month_span(year, month)
    if words[-1] == "ago" and len(words) == 3:
        count = _NUMBERS.get(words[0]) or (int(words[0]) if words[0].isdigit() else 0)
        unit = words[1].rstrip("s")
        if count and unit == "day":
            target = day - dt.timedelta(days=count)
            return target, target
        if count and unit == "week":
            target = day - dt.timedelta(weeks=count)
            return target - dt.timedelta(days=3), target + dt.timedelta(days=3)
        if count and unit == "month":
            year, month = day.year, day.month - count
            while month < 1:
                year, month = year - 1, month + 12
            return _month_span(year, month)
    return None


_PHRASES = re.compile(
    r"\b(?:earlier this (?:month|year)|this (?:month|year|week)|last (?:month|year|week)"
    r"|the previous month|the month before|(?:in )?recent (?:months|weeks)|the past few months"
    r"|yesterday|today|tomorrow"
    r"|(?:on |last |next )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:last |in )(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)(?! \d)"
    r"|(?:\d+|one|two|three|four|five|six|a|an) (?:days?|weeks?|months?) ago)\b",
    re.IGNORECASE,
)


def find_relative_dates(text: str, day: dt.date | None) -> list[TemporalExpression]:
    """Every relative date in ``text``, resolved against ``day`` (none without a day)."""
    if day is None:
        return []
    found: list[TemporalExpression] = []
    for m in _PHRASES.finditer(text):
        phrase = m.group()
        key = re.sub(r"^(on|in) (?=[a-z]+day$)", "", phrase.lower())
        key = re.sub(r"^in (?=[a-z]+$)", "", key) if key.split()[-1] in _MONTHS else key
        span = _span(key, day)
        if span is not None:
            found.append(TemporalExpression(m.start(), m.end(), phrase, span[0], span[1]))
    return found
