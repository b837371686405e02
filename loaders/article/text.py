"""An article's text: read and checked, hashed, and cut into sentences with their offsets.

Every check names the file and, where there is one, the line: an empty file, a binary file
(NUL bytes), bytes that are not UTF-8, a file too large to store as a Source's text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import InvalidInputError, Problem
from schema import DatePrecision, parse_partial_date

__all__ = [
    "MAX_CHARS",
    "ArticleText",
    "Sentence",
    "article_text_from_bytes",
    "parse_article_date",
    "read_article_file",
    "sentences",
]

#: The most characters a Source may hold as ``text`` (``schema.Source``).
MAX_CHARS = 200_000
#: UTF-8 takes at most four bytes a character; a file larger than this cannot fit.
_MAX_BYTES = MAX_CHARS * 4


@dataclass(frozen=True)
class ArticleText:
    """The text exactly as read (offsets refer to it) and the SHA-256 of its UTF-8 bytes."""

    text: str
    content_hash: str
    origin: str

    @property
    def source_id(self) -> str:
        """The Source id: derived from the content, so the same text is always one Source."""
        return f"source:article-{self.content_hash[:16]}"


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


def _problem(origin: str, message: str, line: int = 0) -> InvalidInputError:
    return InvalidInputError([Problem(origin, line, "", message)])


def article_text_from_bytes(data: bytes, origin: str) -> ArticleText:
    """Check raw bytes and decode them; raise ``InvalidInputError`` naming what is wrong."""
    if len(data) > _MAX_BYTES:
        raise _problem(
            origin, f"too large: more than {_MAX_BYTES:,} bytes (limit {MAX_CHARS:,} characters)"
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise _problem(origin, f"contains a NUL byte at byte {nul}: a binary file, not text", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _problem(
            origin, f"not UTF-8: byte {exc.start} (0x{data[exc.start]:02x}) cannot be decoded", line
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _problem(origin, "the file is empty: there is no text to read")
    if len(text) > MAX_CHARS:
        raise _problem(origin, f"too long: {len(text):,} characters (limit {MAX_CHARS:,})")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ArticleText(text=text, content_hash=digest, origin=origin)


def read_article_file(path: Path) -> ArticleText:
    """Read an article file, reading no more than the size limit allows."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        raise _problem(str(path), "no such file") from None
    except IsADirectoryError:
        raise _problem(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise _problem(str(path), f"cannot be read: {exc.strerror or exc}") from None
    return article_text_from_bytes(data, str(path))


def parse_article_date(value: str | dt.date, origin: str) -> dt.date:
    """The article's date, a full day (``YYYY-MM-DD``) in 1800..2100."""
    try:
        date, precision = parse_partial_date(value)
    except ValueError as exc:
        raise InvalidInputError([Problem(origin, 0, "--date", str(exc))]) from None
    if precision is not DatePrecision.DAY:
        raise InvalidInputError(
            [Problem(origin, 0, "--date", f"give a full day (YYYY-MM-DD), not {value!r}")]
        )
    return date


_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
#: Words ending in a full stop that do not end a sentence ("U.S. President", "No. 1").
_ABBREVIATIONS = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Ms|Mrs|Dr|No|St|Corp|Co|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|approx|Gen|Gov|Rep|Sen))\.$"
)


def sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; a line break always ends one (a paragraph)."""
    out: list[Sentence] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        cursor = 0
        cuts = (m for m in _BREAK.finditer(line) if not _ABBREVIATIONS.search(line[: m.start()]))
        pieces = [*(m.end() for m in cuts), len(line)]
        for cut in pieces:
            piece = line[cursor:cut]
            stripped = piece.strip()
            if stripped:
                start = offset + cursor + (len(piece) - len(piece.lstrip()))
                out.append(Sentence(len(out), paragraph, start, start + len(stripped), stripped))
            cursor = cut
        offset += len(line) + 1
    return out
