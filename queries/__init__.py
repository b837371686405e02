"""Dyad's Cypher, one query per ``.cypher`` file, loaded by its path-name.

``load("graph/fingerprint_nodes")`` returns the text of ``queries/graph/fingerprint_nodes.cypher``.
Query text is typed ``LiteralString``: it comes from these files, never from user input, and
values always travel as ``$parameters``. A file may hold several statements separated by
``;`` lines (migrations); ``statements(name)`` splits them.

A line ``// include: NAME`` stands for the fragment ``NAME`` (a file whose name starts with
``_``), so that a block several queries share is written once: the fragment replaces the line,
at its indentation.

The API's read tail walks a node's relationships through ``api/_relations_of``, a union of
branches, one per relationship type, each guarded by its first line (``WITH n WHERE 'TYPE' IN
types``, ``types IS NULL`` for every type, or ``false`` for the body of a level that walks
nothing; ``WITH n, types, datasets`` where the branch needs them). A line ``// branches: NAME
for level K`` in the tail stands for only those branches of ``NAME`` that level K of the
request walks (``api_query(name, walks)``): Neo4j plans a query's whole text, whether a branch
runs or not, and planning every branch at two levels took seconds per query on a fresh server.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import LiteralString

__all__ = [
    "API_TAIL",
    "QueryNotFoundError",
    "Walk",
    "Walks",
    "all_names",
    "api_query",
    "load",
    "statements",
]

_SUFFIX = ".cypher"
#: The shared tail of the API's read queries; files whose names start with ``_`` are fragments.
API_TAIL = "api/_expand"
_INCLUDE = re.compile(r"^([ \t]*)// include: ([\w/]+)[ \t]*$", re.M)
_BRANCHES = re.compile(r"^([ \t]*)// branches: ([\w/]+) for level (\d)[ \t]*$", re.M)
_GUARD = re.compile(
    r"^WITH n(?:, types, datasets)? WHERE (?:types IS NULL|'(\w+)' IN types|(false))$"
)
#: The key of the branch that never runs: the body of a level that walks nothing.
_NOTHING = ""
_UNION = "\nUNION ALL\n"
#: What one level of the read tail walks: the relationship types whose branches it needs,
#: ``None`` standing for the unguarded branch (every type). Empty: the level walks nothing.
Walk = frozenset[str | None]
Walks = tuple[Walk, Walk]


class QueryNotFoundError(KeyError):
    """No ``.cypher`` file has that name."""


@cache
def load(name: str) -> LiteralString:
    """The text of the named query, without its comment header."""
    path = resources.files(__package__).joinpath(*f"{name}{_SUFFIX}".split("/"))
    if "." in name or not path.is_file():
        raise QueryNotFoundError(f"no query named {name!r}")
    text = path.read_text(encoding="utf-8").strip()

    def fragment(match: re.Match[str]) -> str:
        indent, included = match.groups()
        return "\n".join(indent + line for line in load(included).splitlines())

    return _INCLUDE.sub(fragment, text)


@cache
def _branches(name: str) -> dict[str | None, LiteralString]:
    """The guarded branches of a union fragment, by the relationship type each guards on."""
    branches: dict[str | None, LiteralString] = {}
    text = "\n".join(line for line in load(name).splitlines() if not line.startswith("//"))
    for branch in text.split(_UNION):
        guard = _GUARD.match(branch.splitlines()[0])
        if guard is None:
            raise ValueError(f"{name}: a branch must start with its guard, not {branch[:40]!r}")
        branches[_NOTHING if guard.group(2) else guard.group(1)] = branch
    return branches


def _walked(name: str, walk: Walk | None) -> LiteralString:
    branches = _branches(name)
    if walk is None:
        return _UNION.join(branches.values())
    unknown = walk - branches.keys()
    if unknown:
        raise ValueError(f"{name} has no branch for {sorted(map(str, unknown))}")
    # A level that walks nothing still needs a body: one that never runs, cheap to plan.
    keep = [key for key in branches if key in walk] or [_NOTHING]
    return _UNION.join(branches[key] for key in keep)


@lru_cache(maxsize=1024)
def api_query(name: str, walks: Walks | None = None) -> LiteralString:
    """An API read query: ``queries/api/NAME.cypher`` followed by the shared tail, whose
    relationship walks keep only the branches ``walks`` names, level by level (None: every
    branch, the whole text, which the catalogue's checks plan)."""

    def branches(match: re.Match[str]) -> str:
        indent, fragment, level = match.groups()
        text = _walked(fragment, None if walks is None else walks[int(level) - 1])
        return "\n".join(indent + line for line in text.splitlines())

    return load(f"api/{name}") + "\n" + _BRANCHES.sub(branches, load(API_TAIL))


def statements(name: str) -> tuple[LiteralString, ...]:
    """The statements of a multi-statement file, in order, comments dropped."""
    lines = [line for line in load(name).splitlines() if not line.strip().startswith("//")]
    chunks = (chunk.strip() for chunk in "\n".join(lines).split(";"))
    return tuple(chunk for chunk in chunks if chunk)


def all_names(*, fragments: bool = True) -> list[str]:
    """Every query's name, sorted (``research/chains_from_statement``, …)."""
    root = resources.files(__package__)
    names: list[str] = []

    def walk(node: object, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):  # type: ignore[attr-defined]
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith(_SUFFIX) and (fragments or not child.name.startswith("_")):
                names.append(prefix + child.name[: -len(_SUFFIX)])

    walk(root, "")
    return names
