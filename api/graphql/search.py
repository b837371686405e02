"""``search``: full-text search, curated knowledge first, coded event data only when asked.

``SearchFields`` is a plain class of strawberry fields that ``Query`` inherits. Its one field
runs ``queries/api/search.cypher``, which ranks exact name, native-name and alias matches
first (a person's after their leading deed, the statement of theirs with the most effects),
then curated knowledge, then Sources, then coded events of the datasets asked for, each tier
by score. The answer is a small Relay-like wrapper (``edges``, ``nodes``) that says
when it is ``capped``; it has no cursors, so no ``pageInfo``.
"""

from __future__ import annotations

import re

import strawberry
from strawberry.types import Info

from api.graphql.context import RequestContext
from api.graphql.enums import NodeKind
from api.graphql.errors import ErrorCode, UserFacingError
from api.graphql.history import KnownAt, known_at
from api.graphql.nodes import Node, build_node
from api.graphql.pagination import check_first
from api.graphql.selection import relation_plan

__all__ = ["MAX_SEARCH", "SearchFields", "SearchHit", "SearchResult", "lucene_queries"]

MAX_SEARCH = 100
#: How many datasets one search may name.
MAX_DATASETS = 20
#: How many words of the text the query uses.
MAX_WORDS = 12
#: How many curated hits the index hands over before kinds and the Sources-after-knowledge
#: rule are applied; an answer whose window filled up says it is capped.
CURATED_WINDOW = 500
#: How many candidates per field the exact-match lookup compares whole with the text.
EXACT_WINDOW = 25
#: The longest text that can equal a name (schema/nodes.py ``Name``).
MAX_NAME = 300
#: The index fields whose whole value an exact match equals.
_EXACT_FIELDS = ("name", "native_name", "aliases")
#: Every coded event has ``dataset`` set; curated nodes never do.
_CURATED_ONLY = "-dataset:[* TO *]"


@strawberry.type(description="One search hit: a node and its full-text score.")
class SearchHit:
    score: float
    node: Node
    exact: bool = strawberry.field(
        description="The node's name, native name or an alias is the search text (any case)."
    )


@strawberry.type(
    description="Search hits, best first: a person named exactly is preceded by their "
    "leading deed (the statement of theirs with the most effects), then exact name and alias "
    "matches, then curated knowledge, then Sources, then coded events of the datasets asked "
    "for, each by score."
)
class SearchResult:
    edges: list[SearchHit]
    nodes: list[Node] = strawberry.field(description="The hits' nodes, in the same order.")
    capped: bool = strawberry.field(
        description="More nodes match than this answer shows: ask for more (`first`) or narrow "
        "the text."
    )


def _quoted(text: str) -> str:
    """A Lucene phrase: the text between double quotes, its quotes and backslashes escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _words_query(text: str, *, typos: bool) -> str:
    # Lower-cased, so that a word like OR or NOT is a term and not an operator.
    words = re.findall(r"\w+", text.lower())[:MAX_WORDS]
    if not words:
        raise UserFacingError("search text needs at least one word", ErrorCode.BAD_USER_INPUT)
    # A word of more than three letters weighs its prefix matches more, and may be a typo.
    return " ".join(
        f"({w}^3 OR {w}*)" if len(w) <= 3
        else f"({w}^3 OR {w}*^2 OR {w}~1)" if typos
        else f"({w}^3 OR {w}*^2)"
        for w in words
    )  # fmt: skip


def lucene_queries(text: str, datasets: list[str]) -> dict[str, object]:
    """The Lucene queries and the exact text that ``queries/api/search.cypher`` takes.

    The user's words, each escaped by construction (``\\w+`` only): first as typed and as
    prefixes, then (a second query, run only when the first did not fill its window) also
    with one-letter typos, which on a large graph cost the index far more than the words do.
    The curated queries keep every node with a ``dataset`` out, the coded ones (none without
    datasets) keep only those datasets; the exact queries are one phrase per name field.
    """
    ladder = [_words_query(text, typos=False), _words_query(text, typos=True)]
    words = list(dict.fromkeys(ladder))  # no second query when no word is long enough
    exact = " ".join(text.split())
    fits = 0 < len(exact) <= MAX_NAME
    coded = " OR ".join(f"dataset:{_quoted(d)}" for d in datasets)
    return {
        "curatedQueries": [f"+({w}) {_CURATED_ONLY}" for w in words],
        "codedQueries": [f"+({w}) +({coded})" for w in words] if datasets else [],
        "exactQueries": [f"{f}:{_quoted(exact)}" for f in _EXACT_FIELDS] if fits else [],
        "exact": exact.lower(),
    }


@strawberry.type(description="Search; the root `Query` inherits it.")
class SearchFields:
    @strawberry.field(
        description="Full-text search over names, native names, aliases, summaries and quotes. "
        "Curated knowledge only unless `datasets` names coded event data to include "
        "(e.g. `gdelt`, `polecat`); exact name and alias matches first, curated above coded, "
        "then by score. A word of more than three letters also finds its one-letter typos "
        f"unless the words as typed already fill the window of {CURATED_WINDOW} hits (the "
        "answer is then `capped`)."
    )
    async def search(
        self,
        info: Info[RequestContext, None],
        text: str,
        kinds: list[NodeKind] | None = None,
        datasets: list[str] | None = None,
        first: int = 10,
        known_at_: KnownAt = None,
    ) -> SearchResult:
        check_first(first, MAX_SEARCH)
        wanted = sorted(set(datasets or []))
        check_first(len(wanted), MAX_DATASETS, name="datasets")
        graph = await info.context.fetch(
            "search",
            relation_plan(info.selected_fields),
            **lucene_queries(text, wanted),
            datasets=wanted,
            kinds=[k.value for k in kinds or []],
            limit=first,
            window=max(CURATED_WINDOW, first + 1),
            codedWindow=first + 1,
            exactWindow=EXACT_WINDOW,
        )
        if known_at_ is not None:
            graph = await known_at(info, graph, known_at_)
        edges = [
            SearchHit(score=hit["score"], node=build_node(graph, hit["id"]), exact=hit["exact"])
            for hit in graph.extra["scores"]
            if hit["id"] in graph.nodes
        ]
        return SearchResult(
            edges=edges, nodes=[hit.node for hit in edges], capped=bool(graph.extra["capped"])
        )
