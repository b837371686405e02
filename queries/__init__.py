"""Dyad's Cypher, one query per ``.cypher`` file, loaded by its path-name.

``load("graph/fingerprint_nodes")`` returns the text of ``queries/graph/fingerprint_nodes.cypher``.
Query text is typed ``LiteralString``: it comes from these files, never from user input, and
values always travel as ``$parameters``. A file may hold several statements separated by
``;`` lines (migrations); ``statements(name)`` splits them.

A line ``// include: NAME`` stands for the fragment ``NAME`` (a file whose name starts with
``_``), so that a block several queries share is written once: the fragment replaces the line,
at its indentation.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import LiteralString

__all__ = ["API_TAIL", "QueryNotFoundError", "all_names", "api_query", "load", "statements"]

_SUFFIX = ".cypher"
#: The shared tail of the API's read queries; files whose names start with ``_`` are fragments.
API_TAIL = "api/_expand"
_INCLUDE = re.compile(r"^([ \t]*)// include: ([\w/]+)[ \t]*$", re.M)


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
def api_query(name: str) -> LiteralString:
    """An API read query: ``queries/api/NAME.cypher`` followed by the shared tail."""
    return load(f"api/{name}") + "\n" + load(API_TAIL)


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
