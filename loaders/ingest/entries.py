"""An article to ingest, or one that could not be read: each names its place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schema import Reliability

__all__ = ["ArticleInput", "BadArticle", "Entry"]


@dataclass(frozen=True)
class ArticleInput:
    """One article to read, and where it came from."""

    place: str
    text: str
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    reliability: Reliability | None = None
    origin: str | None = None


@dataclass(frozen=True)
class BadArticle:
    """An article that was not read, where it is and why; nothing of it is written."""

    place: str
    messages: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.place}: {'; '.join(self.messages)}"


Entry = ArticleInput | BadArticle
