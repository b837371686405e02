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
    ReadingContext,
    article_text_from_bytes,
    read_article,
)
from loaders.corpus import validate_records
from loaders.errors import InvalidInputError
from loaders.history import Change
from loaders.ingest.candidates import QueueRows, queue_rows
from loaders.ingest.entries import ArticleInput, BadArticle
from loaders.ingest.inputs import read_inputs
from loaders.write import plan_and_write
from schema import ChangeAction, ChangeSubject, Reliability, ReviewLabel

__all__ = ["INGEST_COMMAND", "IngestSummary", "ingest"]

#: Recorded on every queue item ingest creates (``created_by``).
INGEST_COMMAND = "dyad ingest"
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
) -> IngestSummary:
    """Read every article in ``paths`` and write each one, all or nothing per article.

    ``reliability`` grades articles whose input gives no grade (D: not yet graded).
    Raises ``InvalidInputError`` only when a path does not exist or holds no articles.
    """
    entries = read_inputs(paths)
    at = now or dt.datetime.now(dt.UTC)
    summary = IngestSummary(dry_run=dry_run)
    context = ReadingContext.from_graph(client)
    for done, entry in enumerate(entries, start=1):
        summary.read += 1
        if isinstance(entry, BadArticle):
            summary.bad.append(entry)
        else:
            try:
                _one(client, entry, context, summary, reliability, dry_run, batch_size, at)
            except InvalidInputError as exc:
                summary.bad.append(BadArticle(entry.place, _messages(exc)))
        if progress:
            progress(done, len(entries))
    return summary


def _one(
    client: GraphClient,
    entry: ArticleInput,
    context: ReadingContext,
    summary: IngestSummary,
    default_grade: Reliability,
    dry_run: bool,
    batch_size: int,
    at: dt.datetime,
) -> None:
    article = article_text_from_bytes(entry.text.encode("utf-8"), entry.place)
    options = ArticleOptions(
        date=entry.date,
        url=entry.url,
        publisher=entry.publisher,
        title=entry.title,
        reliability=entry.reliability or default_grade,
        origin=entry.origin,
    )
    reading = read_article(client, article, options, context=context)
    validated = validate_records(client, reading.records(claims=False), entry.place)
    rows = queue_rows(reading, at, INGEST_COMMAND)
    created: list[int] = []

    def queue(tx: WriteBatch) -> list[Change]:
        changes = _queue(tx, rows)
        created.append(len(changes))
        return changes

    written = plan_and_write(
        client,
        validated.nodes,
        validated.relationships,
        batch_size=batch_size,
        by=INGEST_COMMAND,
        dry_run=dry_run,
        also=queue,
    )
    new = created[0] if created else 0
    summary.linked += len(reading.linking.mentions) + len(reading.claims.references)
    summary.queued += new
    summary.already_queued += len(rows) - new
    summary.queued_entities += len(rows.entities)
    summary.queued_claims += len(rows.claims)
    if written.changed or new:
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
