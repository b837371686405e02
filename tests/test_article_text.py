"""Relative dates, hedges and sentences: the parts of reading an article that need no graph."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.article import certainty_of, find_relative_dates
from loaders.article.text import sentences
from schema import Status

FRIDAY = dt.date(2025, 11, 28)


@pytest.mark.parametrize(
    ("phrase", "first", "last"),
    [
        ("earlier this month", "2025-11-01", "2025-11-27"),
        ("last month", "2025-10-01", "2025-10-31"),
        ("in recent months", "2025-08-29", "2025-11-28"),
        ("on Tuesday", "2025-11-25", "2025-11-25"),
        ("on Friday", "2025-11-28", "2025-11-28"),
        ("last Friday", "2025-11-21", "2025-11-21"),
        ("yesterday", "2025-11-27", "2025-11-27"),
        ("last year", "2024-01-01", "2024-12-31"),
        ("in December", "2024-12-01", "2024-12-31"),
        ("two weeks ago", "2025-11-11", "2025-11-17"),
    ],
)
def test_relative_dates_read_against_the_article_date(phrase: str, first: str, last: str) -> None:
    found = find_relative_dates(f"It happened {phrase}, officials said.", FRIDAY)
    assert [(t.text, t.first.isoformat(), t.last.isoformat()) for t in found] == [
        (phrase, first, last)
    ]


def test_last_month_in_january_is_last_december() -> None:
    (found,) = find_relative_dates("Last month Beijing acted.", dt.date(2026, 1, 7))
    assert (found.first, found.last) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))


def test_without_a_date_nothing_is_resolved() -> None:
    assert find_relative_dates("earlier this month", None) == []


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Though not yet confirmed, Beijing is delaying permits.", Status.UNVERIFIED),
        ("The move appears to be a reaction to the remarks.", Status.UNVERIFIED),
        ("China may be delaying permits.", Status.UNVERIFIED),
        ("China is reportedly delaying permits.", Status.REPORTED),
        ("Tokyo accused Beijing of coercion.", Status.ALLEGED),
        ("The ministry announced a ban on exports to Japan.", Status.CONFIRMED),
        ("Japan is very dependent on China's rare earths.", Status.REPORTED),
        ("Suzuki halted output on May 26.", Status.REPORTED),
    ],
)
def test_hedges_set_the_status(sentence: str, status: Status) -> None:
    assert certainty_of(sentence).status is status


def test_sentences_keep_offsets_and_abbreviations() -> None:
    text = "The U.S. President spoke. Japan replied!\nChina said No. 1 of 2026 applies."
    parts = sentences(text)
    assert [p.text for p in parts] == [
        "The U.S. President spoke.",
        "Japan replied!",
        "China said No. 1 of 2026 applies.",
    ]
    assert [p.paragraph for p in parts] == [0, 0, 1]
    assert all(text[p.start : p.end] == p.text for p in parts)
