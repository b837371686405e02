"""``dyad ingest``: many articles, each read as ``load-article`` reads it, each on its own.

Per article, in one transaction: its Source and the MENTIONS of the entities it links (the
reader's facts, which rest on the text itself), and its review queue: the names it could
not link and the claims it extracted or could not resolve (``loaders.ingest.candidates``).
Extracted claims wait for a reviewer: pending is not knowledge.

An article that cannot be read (a missing field, a bad date, a broken feed item, a text the
reader refuses) is reported with its place and nothing of it is written; the others load.
The same article twice changes nothing: its Source id comes from its text, its queue items'
ids from the article and their spans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph import GraphClient, WriteBatch
from loaders.article import (
    ArticleOptions,
    ArticleReading,
    ReadingContext,
    article_text_from_bytes,
    read_article,
)
from loaders.corpus import validate_record_sets
from loaders.errors import InvalidInputError, LoadFailedError
from loaders.history import Change
from loaders.ingest.candidates import QueueRows, queue_rows
from loaders.ingest.entries import ArticleInput, BadArticle
from loaders.ingest.inputs import read_inputs
from loaders.validate import Validated
from loaders.write import plan_and_write
from schema import ChangeAction, ChangeSubject, Reliability, ReviewLabel, edge_id

__all__ = ["INGEST_COMMAND", "IngestSummary", "ingest"]

#: Recorded on every queue item ingest creates (``created_by``).
INGEST_COMMAND = "dyad ingest"
#: Articles written in one transaction (each read and validated on its own first): one
#: commit and a few statements for them all, not a commit and eight statements each.
ARTICLES_PER_WRITE = 100
#: Called with (articles done, articles in all).
IngestProgress = Callable[[int, int], None]


@dataclass
class IngestSummary:
    """What an ingest did (or, dry, would do)."""

    read: int = 0
    loaded: int = 0
    unchanged: int = 0
    bad: list[BadArticle] = field(default_factory=list)
    #: Mentions of entities the graph knows (and references resolved to its deeds).
    linked: int = 0
    #: Queue items created (``already_queued``: found from an earlier run, left as they were).
    queued: int = 0
    already_queued: int = 0
    queued_entities: int = 0
    queued_claims: int = 0
    dry_run: bool = False


def ingest(
    client: GraphClient,
    paths: Iterable[Path],
    *,
    reliability: Reliability = Reliability.D,
    dry_run: bool = False,
    batch_size: int = 1000,
    progress: IngestProgress | None = None,
    now: dt.datetime | None = None,
    articles_per_write: int = ARTICLES_PER_WRITE,
) -> IngestSummary:
    """Read every article in ``paths`` and write each one, all or nothing per article.

    ``reliability`` grades articles whose input gives no grade (D: not yet graded).
    Articles are read and validated one by one (a bad one is reported and left out), then
    written ``articles_per_write`` to a transaction; should such a write fail, its articles
    are written again one per transaction, so that only the one that fails is left out.
    Raises ``InvalidInputError`` only when a path does not exist or holds no articles.
    """
    entries = read_inputs(paths)
    at = now or dt.datetime.now(dt.UTC)
    summary = IngestSummary(dry_run=dry_run)
    context = ReadingContext.from_graph(client)
    group: list[ArticleInput] = []

    for done, entry in enumerate(entries, start=1):
        summary.read += 1
        if isinstance(entry, BadArticle):
            summary.bad.append(entry)
        else:
            group.append(entry)
        if group and (len(group) >= articles_per_write or done == len(entries)):
            _write_group(client, group, context, summary, reliability, dry_run, batch_size, at)
            group = []
        if progress:
            progress(done, len(entries))
    position = {entry.place: n for n, entry in enumerate(entries)}
    summary.bad.sort(key=lambda bad: position.get(bad.place, 0))
    return summary


@dataclass(frozen=True)
class _Read:
    """An article read and validated, ready to write."""

    place: str
    source_id: str
    validated: Validated
    rows: QueueRows
    linked: int


def _read(
    client: GraphClient,
    entries: list[ArticleInput],
    context: ReadingContext,
    default_grade: Reliability,
    at: dt.datetime,
) -> list[_Read | tuple[str, ...]]:
    """Each article read and validated (one read of the graph for all), or its problems."""
    readings: list[ArticleReading | tuple[str, ...]] = []
    for entry in entries:
        try:
            article = article_text_from_bytes(entry.text.encode("utf-8"), entry.place)
            options = ArticleOptions(
                date=entry.date,
                url=entry.url,
                publisher=entry.publisher,
                title=entry.title,
                reliability=entry.reliability or default_grade,
                origin=entry.origin,
            )
            readings.append(read_article(client, article, options, context=context))
        except InvalidInputError as exc:
            readings.append(_messages(exc))
    read = [(r, e) for r, e in zip(readings, entries, strict=True) if isinstance(r, ArticleReading)]
    checked = iter(
        validate_record_sets(client, [(r.records(claims=False), e.place) for r, e in read])
    )
    results: list[_Read | tuple[str, ...]] = []
    for reading, entry in zip(readings, entries, strict=True):
        if not isinstance(reading, ArticleReading):
            results.append(reading)
            continue
        validated = next(checked)
        if isinstance(validated, InvalidInputError):
            results.append(_messages(validated))
            continue
        linked = len(reading.linking.mentions) + len(reading.claims.references)
        rows = queue_rows(reading, at, INGEST_COMMAND)
        results.append(_Read(entry.place, reading.source_id, validated, rows, linked))
    return results


def _write_group(
    client: GraphClient,
    entries: list[ArticleInput],
    context: ReadingContext,
    summary: IngestSummary,
    default_grade: Reliability,
    dry_run: bool,
    batch_size: int,
    at: dt.datetime,
) -> None:
    """Read ``entries``, report the bad ones, and write the others together (an article
    met twice goes into a later write of its own, so that the second finds the first)."""
    writes: list[list[_Read]] = [[]]
    results = _read(client, entries, context, default_grade, at)
    for entry, result in zip(entries, results, strict=True):
        if not isinstance(result, _Read):
            summary.bad.append(BadArticle(entry.place, result))
            continue
        if any(r.source_id == result.source_id for r in writes[-1]):
            writes.append([])
        writes[-1].append(result)
    for articles in filter(None, writes):
        try:
            _write(client, articles, summary, dry_run, batch_size)
        except LoadFailedError:
            for article in articles:  # again one by one: only the one that fails is left out
                try:
                    _write(client, [article], summary, dry_run, batch_size)
                except LoadFailedError as exc:
                    summary.bad.append(BadArticle(article.place, (str(exc),)))


def _write(
    client: GraphClient,
    articles: list[_Read],
    summary: IngestSummary,
    dry_run: bool,
    batch_size: int,
) -> None:
    """Write ``articles`` in one transaction and count, per article, what it changed."""
    rows = QueueRows(
        [row for a in articles for row in a.rows.entities],
        [row for a in articles for row in a.rows.claims],
    )
    written = plan_and_write(
        client,
        [n for a in articles for n in a.validated.nodes],
        [r for a in articles for r in a.validated.relationships],
        batch_size=batch_size,
        by=INGEST_COMMAND,
        dry_run=dry_run,
        also=lambda tx: _queue(tx, rows),
    )
    for article in articles:
        queued = [row["id"] for row in (*article.rows.entities, *article.rows.claims)]
        new = sum(1 for i in queued if i in written.subjects)
        summary.linked += article.linked
        summary.queued += new
        summary.already_queued += len(queued) - new
        summary.queued_entities += len(article.rows.entities)
        summary.queued_claims += len(article.rows.claims)
        own = {n.id for n in article.validated.nodes} | {
            edge_id(r.start, r.type.value, r.end, r.key) for r in article.validated.relationships
        }
        if new or own & written.subjects:
            summary.loaded += 1
        else:
            summary.unchanged += 1


def _queue(tx: WriteBatch, rows: QueueRows) -> list[Change]:
    """Queue the items not queued yet; the history records each one queued."""
    changes: list[Change] = []
    for label, items in (
        (ReviewLabel.CANDIDATE_ENTITY, rows.entities),
        (ReviewLabel.CANDIDATE_CLAIM, rows.claims),
    ):
        if items:
            new = set(tx.run("ingest/queue_items", rows=items, label=label.value)[0]["createdIds"])
            changes += [
                Change(
                    item["id"],
                    ChangeSubject.REVIEW_ITEM,
                    ChangeAction.CREATED,
                    None,
                    item["properties"],
                    [item["source"]],
                )
                for item in items
                if item["id"] in new
            ]
    return changes


def _messages(exc: InvalidInputError) -> tuple[str, ...]:
    out = []
    for p in exc.problems:
        subject = p.subject.removeprefix("--")
        out.append(f"{subject}: {p.message}" if subject else p.message)
    return tuple(out)
