"""Reading the news: an article becomes a Source, linked mentions and hedged claims.

``load_article(client, path, ArticleOptions(date=…))`` reads a UTF-8 text file, links the
entities it names to the graph (names, aliases, metonyms, role phrases resolved by date,
spelling variants), resolves relative dates, extracts claims of cause, restriction and
dependence with a status read from the text's hedges, validates everything with the schema
and writes it in one transaction — or, with ``dry_run``, only counts. ``read_article``
does the reading alone. Deterministic and offline; ``Recognizer`` is where a statistical
entity recognizer can plug in.

Modules: ``text`` (checks, hash, sentences), ``gazetteer`` and ``aliases`` (names),
``roles`` (offices by date), ``recognizers`` and ``linker`` (mentions), ``dates``
(relative dates), ``hedges`` (status), ``catalogue`` and ``references`` (statements and
measures a sentence points at), ``claims``, ``load``. Errors are the loaders' own:
``InvalidInputError`` (bad input, nothing written) and ``LoadFailedError``.
"""

from loaders.article.claims import Claim, ClaimSet
from loaders.article.dates import TemporalExpression, find_relative_dates
from loaders.article.gazetteer import Gazetteer
from loaders.article.hedges import Certainty, certainty_of
from loaders.article.linker import Linking, Mention, Unlinked, link_entities
from loaders.article.load import (
    ArticleLoad,
    ArticleOptions,
    ArticleReading,
    ReadingContext,
    load_article,
    load_article_text,
    mention_record,
    read_article,
)
from loaders.article.recognizers import Candidate, Recognizer
from loaders.article.text import (
    MAX_CHARS,
    ArticleText,
    article_text_from_bytes,
    parse_article_date,
    read_article_file,
)

__all__ = [
    "MAX_CHARS",
    "ArticleLoad",
    "ArticleOptions",
    "ArticleReading",
    "ArticleText",
    "Candidate",
    "Certainty",
    "Claim",
    "ClaimSet",
    "Gazetteer",
    "Linking",
    "Mention",
    "ReadingContext",
    "Recognizer",
    "TemporalExpression",
    "Unlinked",
    "article_text_from_bytes",
    "certainty_of",
    "find_relative_dates",
    "link_entities",
    "load_article",
    "load_article_text",
    "mention_record",
    "parse_article_date",
    "read_article",
    "read_article_file",
]
