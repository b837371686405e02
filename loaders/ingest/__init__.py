"""Many articles at once: ``ingest(client, paths)`` reads JSON Lines, RSS 2.0 and Atom feeds,
text files and folders of them, reads each article as ``dyad load-article`` does, writes its
Source and linked mentions, and queues for review what it could not place (``schema/review.py``).

Modules: ``entries`` (an article to read, or a bad one with its place), ``inputs`` (files,
JSON Lines), ``feeds`` (RSS and Atom, entity declarations refused), ``candidates`` (queue
items), ``run`` (the ingest itself). Review happens in ``loaders.review``.
"""

from loaders.ingest.candidates import suggest_fields, suggest_kind
from loaders.ingest.entries import ArticleInput, BadArticle, Entry
from loaders.ingest.feeds import html_text, parse_feed
from loaders.ingest.inputs import JSONL_FIELDS, read_inputs
from loaders.ingest.run import INGEST_COMMAND, IngestSummary, ingest

__all__ = [
    "INGEST_COMMAND",
    "JSONL_FIELDS",
    "ArticleInput",
    "BadArticle",
    "Entry",
    "IngestSummary",
    "html_text",
    "ingest",
    "parse_feed",
    "read_inputs",
    "suggest_fields",
    "suggest_kind",
]
