"""Reading an article against the graph, and writing what it says: all or nothing.

What is written, every piece validated with the schema's models first:

- one ``Source`` (text, date, url, publisher, title, content hash); its id comes from the
  hash, so the same text is always the same node and a second load changes nothing;
- ``(source)-[:MENTIONS {start_char, end_char}]->(entity)`` per mention, keyed by offsets;
- each claim as a relationship with ``method: extracted``, the sentence as ``quote``, the
  article as its only source and a key naming article and sentence — beside curated facts
  (whose keys differ), never over them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph import GraphClient
from loaders.article.catalogue import Catalogue
from loaders.article.claims import Claim, ClaimSet, extract_claims
from loaders.article.dates import TemporalExpression, find_relative_dates
from loaders.article.gazetteer import Gazetteer
from loaders.article.hedges import CONFIDENCE
from loaders.article.linker import DEFAULT_RECOGNIZERS, Linking, link_entities
from loaders.article.recognizers import Recognizer
from loaders.article.text import (
    ArticleText,
    Sentence,
    article_text_from_bytes,
    read_article_file,
    sentences,
)
from loaders.corpus import validate_records
from loaders.errors import InvalidInputError, Problem
from loaders.write import LoadSummary, plan_and_write
from schema import Reliability, SourceGrade, SourceKind, Status, strongest_status

__all__ = [
    "ArticleLoad",
    "ArticleOptions",
    "ArticleReading",
    "ReadingContext",
    "load_article",
    "load_article_text",
    "mention_record",
    "read_article",
]

_URL = re.compile(r"^https?://\S+$")
_QUOTE_LIMIT = 2000


@dataclass(frozen=True)
class ArticleOptions:
    """What the text cannot say of itself. Without ``date`` roles link to the office."""

    date: dt.date | None = None
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    #: The article's grade (``schema.Reliability``); D, "not yet graded", unless stated.
    reliability: Reliability = Reliability.D
    #: Whose reporting the article carries; its publisher (or "unknown") unless stated.
    origin: str | None = None

    def check(self, origin: str) -> None:
        problems = []
        if self.url is not None and not _URL.match(self.url):
            problems.append(Problem(origin, 0, "--url", f"not an http(s) URL: {self.url!r}"))
        for flag, value in (
            ("--publisher", self.publisher),
            ("--title", self.title),
            ("--origin", self.origin),
        ):
            if value is not None and not 0 < len(value.strip()) <= 300:
                problems.append(Problem(origin, 0, flag, "must be 1 to 300 characters"))
        if problems:
            raise InvalidInputError(problems)


@dataclass(frozen=True)
class ArticleReading:
    """Everything read from one article, before anything is written."""

    article: ArticleText
    options: ArticleOptions
    sentences: tuple[Sentence, ...]
    linking: Linking
    temporals: tuple[TemporalExpression, ...]
    claims: ClaimSet

    @property
    def source_id(self) -> str:
        return self.article.source_id

    @property
    def claim_key_prefix(self) -> str:
        return f"article-{self.article.content_hash[:12]}"

    def records(self, *, claims: bool = True) -> list[tuple[str, dict[str, Any]]]:
        """The Source, its mentions and (unless ``claims`` is false) its claims as records
        for ``validate_records``."""
        sid = self.source_id
        records: list[tuple[str, dict[str, Any]]] = [("sources", self._source())]
        for m in self.linking.mentions:
            records.append(
                (
                    "relationships",
                    mention_record(sid, m.entity_id, m.start, m.end, m.text, m.confidence, m.how),
                )
            )
        for ref in self.claims.references:
            text = self.article.text[ref.start : ref.end]
            records.append(
                (
                    "relationships",
                    mention_record(
                        sid,
                        ref.entity_id,
                        ref.start,
                        ref.end,
                        text,
                        0.6,
                        f"reference resolved: {ref.how}",
                    ),
                )
            )
        if claims:
            records.extend(("relationships", self.claim_record(c)) for c in self.claims.claims)
        return records

    def _origin(self) -> str:
        o = self.options
        return (o.origin or o.publisher or "unknown").strip()

    def _source(self) -> dict[str, Any]:
        o = self.options
        title = (o.title or _title_from(self.sentences)).strip()
        source: dict[str, Any] = {
            "id": self.source_id,
            "name": title,
            "title": title,
            "publisher": (o.publisher or "unknown").strip(),
            "origin": self._origin(),
            "reliability": o.reliability.value,
            "source_kind": SourceKind.NEWS_REPORT.value,
            "content_hash": self.article.content_hash,
            "text": self.article.text,
        }
        if o.url:
            source["url"] = o.url
        else:
            source["citation"] = (
                f"Article text loaded with dyad load-article (sha256 {self.article.content_hash})"
            )
        if o.date:
            source["published"] = o.date.isoformat()
        return source

    def allowed_status(self, hedged: Status) -> Status:
        """The status the hedges give, no stronger than the article's grade allows.

        One article confirms only what its grade allows (schema/rules.py): a plain
        assertion of a newspaper is its word, reported; the hedges may say less."""
        grade = SourceGrade(self.source_id, self.options.reliability, self._origin())
        allowed = strongest_status([grade]) or Status.UNVERIFIED
        if hedged is Status.CONFIRMED and allowed is not Status.CONFIRMED:
            return allowed
        return hedged

    def claim_record(self, c: Claim) -> dict[str, Any]:
        """One claim as a relationship record (``method: extracted``, the article its source)."""
        status = self.allowed_status(c.certainty.status)
        record: dict[str, Any] = {
            "start": c.start,
            "type": c.type.value,
            "end": c.end,
            "key": f"{self.claim_key_prefix}-s{c.sentence.index}",
            "sources": [self.source_id],
            "confidence": CONFIDENCE[status],
            "status": status.value,
            "method": "extracted",
            "quote": _clip(c.sentence.text),
            "note": _clip(c.note),
        }
        if c.mineral:
            record["mineral"] = c.mineral
        if c.share is not None:
            record["share"] = c.share
        return record


@dataclass(frozen=True)
class ArticleLoad:
    reading: ArticleReading
    summary: LoadSummary


def _clip(text: str) -> str:
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + "…"


def mention_record(
    source: str, entity: str, start: int, end: int, text: str, confidence: float, how: str
) -> dict[str, Any]:
    return {
        "start": source,
        "type": "MENTIONS",
        "end": entity,
        "key": f"m{start}-{end}",
        "sources": [source],
        "confidence": confidence,
        "status": "confirmed" if confidence >= 0.9 else "unverified",
        "method": "extracted",
        "quote": _clip(text),
        "start_char": start,
        "end_char": end,
        "note": _clip(how),
    }


def _title_from(parts: tuple[Sentence, ...]) -> str:
    first = parts[0].text if parts else "Untitled article"
    if len(first) <= 120:
        return first
    return first[:120].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class ReadingContext:
    """What the reader looks up in the graph, read once: names and deeds.

    Reading many articles against an unchanging graph (``dyad ingest``) reads it once."""

    gazetteer: Gazetteer
    catalogue: Catalogue

    @classmethod
    def from_graph(cls, client: GraphClient) -> ReadingContext:
        return cls(Gazetteer.from_graph(client), Catalogue.from_graph(client))


def read_article(
    client: GraphClient,
    article: ArticleText,
    options: ArticleOptions = ArticleOptions(),
    recognizers: Sequence[Recognizer] = DEFAULT_RECOGNIZERS,
    *,
    context: ReadingContext | None = None,
) -> ArticleReading:
    """Link entities, resolve dates and extract claims; writes nothing."""
    options.check(article.origin)
    context = context or ReadingContext.from_graph(client)
    gazetteer, catalogue = context.gazetteer, context.catalogue
    parts = sentences(article.text)
    linking = link_entities(
        article.text, gazetteer, catalogue.office_terms, options.date, recognizers
    )
    temporals = find_relative_dates(article.text, options.date)
    claims = extract_claims(parts, linking.mentions, temporals, catalogue, options.date)
    return ArticleReading(article, options, tuple(parts), linking, tuple(temporals), claims)


def _write(
    client: GraphClient, reading: ArticleReading, batch_size: int, dry_run: bool
) -> ArticleLoad:
    validated = validate_records(client, reading.records(), reading.article.origin)
    summary = plan_and_write(
        client,
        validated.nodes,
        validated.relationships,
        batch_size=batch_size,
        by="dyad load-article",
        dry_run=dry_run,
    )
    return ArticleLoad(reading, summary)


def load_article(
    client: GraphClient,
    path: Path,
    options: ArticleOptions = ArticleOptions(),
    *,
    dry_run: bool = False,
    batch_size: int = 1000,
    recognizers: Sequence[Recognizer] = DEFAULT_RECOGNIZERS,
) -> ArticleLoad:
    """Read the article file at ``path`` and write it (or, ``dry_run``, only count)."""
    reading = read_article(client, read_article_file(path), options, recognizers)
    return _write(client, reading, batch_size, dry_run)


def load_article_text(
    client: GraphClient,
    text: str,
    options: ArticleOptions = ArticleOptions(),
    *,
    origin: str = "<text>",
    dry_run: bool = False,
    batch_size: int = 1000,
    recognizers: Sequence[Recognizer] = DEFAULT_RECOGNIZERS,
) -> ArticleLoad:
    """The same for text in hand; ``origin`` names it in errors."""
    article = article_text_from_bytes(text.encode("utf-8"), origin)
    reading = read_article(client, article, options, recognizers)
    return _write(client, reading, batch_size, dry_run)
