"""Recognizers find spans that may name an entity; the linker decides which entity.

``Recognizer`` is the plug for anything that proposes spans — a statistical entity
recognizer can be one later: it returns spans (with no entity) and the linker looks them up
in the gazetteer, exactly, then fuzzily. Two ship with Dyad, both deterministic and offline:

- ``GazetteerRecognizer``: every name, alias and role phrase of the graph, found exactly.
- ``ProperNameRecognizer``: runs of capitalised words and mineral-like words the gazetteer
  did not find, for fuzzy linking (spelling variants) and, failing that, the review list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from loaders.article.gazetteer import Gazetteer, Surface

__all__ = [
    "Candidate",
    "GazetteerRecognizer",
    "ProperNameRecognizer",
    "Recognizer",
]


@dataclass(frozen=True)
class Candidate:
    """A span that may name an entity; ``surfaces`` when a recognizer already knows which."""

    start: int
    end: int
    text: str
    surfaces: tuple[Surface, ...] = ()
    recognizer: str = ""


class Recognizer(Protocol):
    name: str

    def candidates(self, text: str, gazetteer: Gazetteer) -> list[Candidate]: ...


class GazetteerRecognizer:
    name = "gazetteer"

    def candidates(self, text: str, gazetteer: Gazetteer) -> list[Candidate]:
        return [
            Candidate(m.start, m.end, text[m.start : m.end], m.surfaces, self.name)
            for m in gazetteer.find(text)
        ]


_WORD = r"[A-Z](?:[\w’'&-]|\.(?=[A-Za-z]))*"
_CAPITALISED = re.compile(
    rf"(?<![\w'’]){_WORD}(?:[ \t]+(?:(?:of|and|for|the|de|du|la|no)[ \t]+)?{_WORD})*"
)
_MINERAL_LIKE = re.compile(r"(?<![\w-])[a-z]{3,}ium\b")
#: Capitalised words that start sentences or clauses and name nothing.
_COMMON_WORDS = (
    "a an and as at but by for from he her his how if in it its moreover of on or "
    "our she so some such that the their these they this those though to we what "
    "when where whether which while who why with yet second first third however "
    "meanwhile still also after before since until during despite although because "
    "mr ms dr last next early late mid january february march april may june july "
    "august september october november december monday tuesday wednesday thursday "
    "friday saturday sunday "
)
_COMMON = frozenset(_COMMON_WORDS.split())
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


class ProperNameRecognizer:
    name = "proper names"

    def candidates(self, text: str, gazetteer: Gazetteer) -> list[Candidate]:
        spans: list[Candidate] = []
        for m in _CAPITALISED.finditer(text):
            start, end = m.start(), m.end()
            words = m.group().split()
            while words and words[0].lower().strip(".,") in _COMMON:
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
            if not words:
                continue
            phrase = text[start:end].rstrip(".,;:")
            phrase = _POSSESSIVE.sub("", phrase)
            if phrase:
                spans.append(Candidate(start, start + len(phrase), phrase, (), self.name))
        spans.extend(
            Candidate(m.start(), m.end(), m.group(), (), self.name)
            for m in _MINERAL_LIKE.finditer(text)
        )
        return spans
