"""The gazetteer: every name and alias in the loaded graph, ready to be found in a text.

Built from the graph itself (``article/entities``) plus the small documented table in
``loaders.article.aliases``. Matching works on a *folded* copy of the text that has the same
length as the original, so every offset found is an offset into the article:
typographic quotes and dashes become ASCII, hyphens become spaces ("rare-earth" = "rare
earth"), letters become lower case. Acronyms ("PRC", "MOST", "MoF") match only in their own
case; names of people, places, states, bodies and mines must start with a capital in the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from graph import GraphClient
from loaders.article.aliases import EXTRA_ALIASES, IGNORED_ALIASES
from loaders.article.roles import ROLE_PHRASES
from schema import Label

__all__ = ["PROPER_KINDS", "Gazetteer", "Match", "Surface", "fold"]

#: Kinds whose names are proper names: capitalised in text, open to fuzzy matching.
PROPER_KINDS = frozenset({Label.COUNTRY, Label.PLACE, Label.LEADER, Label.ORGANIZATION, Label.MINE})
#: Kinds never linked from text by name (a Source is the article's own kind).
_SKIPPED = frozenset({Label.SOURCE})
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "–": " ",
        "—": " ",
        "‐": " ",
        "‑": " ",
        "-": " ",
        "\u00a0": " ",
        "\n": " ",
        "\t": " ",
    }
)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")


def fold(text: str) -> str:
    """Lower-case ASCII-ish copy of ``text`` with exactly the same length."""
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)


def _case_sensitive(surface: str) -> bool:
    """Acronyms and short tokens match only in their own case ("MOST" is not "most")."""
    letters = [ch for ch in surface if ch.isalpha()]
    uppers = sum(ch.isupper() for ch in letters)
    return len(surface) <= 3 or (uppers >= 2 and uppers * 2 >= len(letters))


@dataclass(frozen=True)
class Surface:
    """One way of writing one entity: its folded text and where it came from."""

    folded: str
    entity_id: str
    label: Label
    origin: str  # "name", "alias", "short name", "dyad alias table" or "role phrase"
    exact_case: str | None  # the surface as written, when it must match in its own case
    capital: bool  # the text must start with a capital letter here


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    surfaces: tuple[Surface, ...]


@dataclass
class Gazetteer:
    """Surfaces by folded text, and the label of every entity."""

    labels: dict[str, Label] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    by_folded: dict[str, list[Surface]] = field(default_factory=lambda: defaultdict(list))
    _patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    #: ``surfaces_of`` by the labels asked for, made once (the reader asks per article).
    _surfaces: dict[frozenset[Label], dict[str, list[Surface]]] = field(default_factory=dict)

    @classmethod
    def from_graph(cls, client: GraphClient) -> Gazetteer:
        gazetteer = cls()
        for row in client.read("article/entities"):
            labels = [Label(x) for x in row["labels"] if x in Label._value2member_map_]
            if not labels or labels[0] in _SKIPPED:
                continue
            gazetteer.add_entity(row["id"], labels[0], row["name"], row["aliases"])
        extra = [(s, i, "dyad alias table") for s, i in EXTRA_ALIASES.items()]
        extra += [(s, i, "role phrase") for s, i in ROLE_PHRASES.items()]
        for surface, entity_id, origin in extra:
            label = gazetteer.labels.get(entity_id)
            if label is not None:
                gazetteer._add(surface, entity_id, label, origin)
        return gazetteer

    def add_entity(self, entity_id: str, label: Label, name: str, aliases: list[str]) -> None:
        self.labels[entity_id] = label
        self.names[entity_id] = name
        self._add(name, entity_id, label, "name")
        short = _PARENTHETICAL.sub("", name)
        if short and short != name:
            self._add(short, entity_id, label, "short name")
        for alias in aliases:
            self._add(alias, entity_id, label, "alias")

    def _add(self, surface: str, entity_id: str, label: Label, origin: str) -> None:
        surface = surface.strip()
        if not surface or surface in IGNORED_ALIASES or not any(ch.isalpha() for ch in surface):
            return
        folded = fold(surface)
        entry = Surface(
            folded=folded,
            entity_id=entity_id,
            label=label,
            origin=origin,
            exact_case=surface.translate(_FOLD) if _case_sensitive(surface) else None,
            capital=label in PROPER_KINDS and surface[0].isupper(),
        )
        if all(s.entity_id != entity_id for s in self.by_folded[folded]):
            self.by_folded[folded].append(entry)
            self._patterns = None
            self._surfaces.clear()

    def surfaces_of(self, labels: frozenset[Label]) -> dict[str, list[Surface]]:
        """Folded surfaces of entities of these kinds (for fuzzy matching)."""
        if labels not in self._surfaces:
            self._surfaces[labels] = {
                folded: [s for s in entries if s.label in labels]
                for folded, entries in self.by_folded.items()
                if any(s.label in labels for s in entries)
            }
        return self._surfaces[labels]

    def find(self, text: str) -> list[Match]:
        """Every gazetteer surface in ``text``, longest first at each place, not overlapping."""
        folded_text = fold(text)
        plain_text = text.translate(_FOLD)
        insensitive, sensitive = self._compiled()
        found: list[Match] = []
        for pattern, haystack in ((insensitive, folded_text), (sensitive, plain_text)):
            for m in pattern.finditer(haystack):
                surfaces = tuple(
                    s
                    for s in self.by_folded.get(fold(m.group()), [])
                    if _fits(s, text, m.start(), m.group())
                )
                if surfaces:
                    found.append(Match(m.start(), m.end(), surfaces))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Match] = []
        for match in found:
            if kept and match.start < kept[-1].end:
                continue
            kept.append(match)
        return kept

    def _compiled(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        if self._patterns is None:
            loose = sorted(
                {s.folded for ss in self.by_folded.values() for s in ss if s.exact_case is None},
                key=lambda x: (-len(x), x),
            )
            strict = sorted(
                {s.exact_case for ss in self.by_folded.values() for s in ss if s.exact_case},
                key=lambda x: (-len(x), x),
            )
            self._patterns = (_alternation(loose), _alternation(strict))
        return self._patterns


def _alternation(surfaces: list[str]) -> re.Pattern[str]:
    if not surfaces:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(s) for s in surfaces)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def _fits(surface: Surface, text: str, start: int, matched: str) -> bool:
    if surface.exact_case is not None and matched != surface.exact_case:
        return False
    return not (surface.capital and not text[start].isupper())
