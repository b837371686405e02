"""Entity linking: from recognizers' spans to entity ids, with offsets and reasons.

Exact gazetteer matches link first. Where one surface names two entities ("Tokyo" the city
and, as a metonym, the state) the words around decide: a locative ("in Tokyo", "southeast
of Tokyo") or a dateline ("TOKYO, Jan. 8 --") means the place, anything else the state. A
role phrase ("Japan's PM") links to whoever held the office on the article's date — unless
a name follows it ("Prime Minister Sanae Takaichi": the name is the mention) or it is a
former holder ("former Prime Minister"). Spans no exact match covers are matched fuzzily
(``rapidfuzz``, same number of words, same first letter); names that still match nothing
go to ``unlinked`` for review, never to new nodes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from loaders.article.gazetteer import PROPER_KINDS, Gazetteer, Surface, fold
from loaders.article.recognizers import (
    Candidate,
    GazetteerRecognizer,
    ProperNameRecognizer,
    Recognizer,
)
from loaders.article.roles import OfficeTerm, holder_on
from schema import Label

__all__ = ["DEFAULT_RECOGNIZERS", "Linking", "Mention", "Unlinked", "link_entities"]

DEFAULT_RECOGNIZERS: tuple[Recognizer, ...] = (GazetteerRecognizer(), ProperNameRecognizer())
#: Lowest rapidfuzz ratio (0..100) for a spelling variant to link.
FUZZY_CUTOFF = 88.0
_FUZZY_KINDS = PROPER_KINDS | {Label.MINERAL}
_ORIGIN_RANK = {"name": 0, "short name": 1, "alias": 2, "dyad alias table": 3, "role phrase": 4}
_LABEL_RANK = {label: i for i, label in enumerate(Label)}
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|around|to)|\b(?:north|south|east|west|northeast|northwest"
    r"|southeast|southwest|km|kilometres|kilometers|miles)\s+of)\s+$",
    re.IGNORECASE,
)
#: "TOKYO, Jan. 8 (Xinhua) --": a city opening a paragraph, then a comma, is where it was filed.
_DATELINE = re.compile(r"\s*(?:,|\(|:|--|—)")
_FORMER = re.compile(r"\b(?:former|ex|then|late|previous)[\s-]+$", re.IGNORECASE)
_BARE_ROLES = frozenset({"prime minister", "the prime minister"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity_id: str
    label: Label
    confidence: float
    how: str


@dataclass(frozen=True)
class Unlinked:
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Linking:
    mentions: tuple[Mention, ...]
    unlinked: tuple[Unlinked, ...]

    def entity_ids(self) -> set[str]:
        return {m.entity_id for m in self.mentions}


def link_entities(
    text: str,
    gazetteer: Gazetteer,
    terms: list[OfficeTerm],
    day: dt.date | None,
    recognizers: Sequence[Recognizer] = DEFAULT_RECOGNIZERS,
) -> Linking:
    """Link every entity the recognizers find in ``text``; offsets index ``text``."""
    candidates = [c for r in recognizers for c in r.candidates(text, gazetteer)]
    exact = sorted((c for c in candidates if c.surfaces), key=lambda c: (c.start, -c.end))
    covered: list[Candidate] = []
    for c in exact:
        if not covered or c.start >= covered[-1].end:
            covered.append(c)
    fuzzy: list[Mention] = []
    unlinked: list[Unlinked] = []
    for c in candidates:
        if c.surfaces:
            continue
        for start, end in _uncovered_parts(c, covered, text):
            piece = text[start:end]
            mention = _fuzzy(piece, start, gazetteer)
            if mention is not None:
                fuzzy.append(mention)
            elif len(piece.split()) >= 2 or piece.lower().endswith("ium"):
                unlinked.append(Unlinked(start, end, piece, "matches no name or alias"))
    mentions: list[Mention] = []
    names_at = {m.start for m in fuzzy if m.label is Label.LEADER}
    names_at |= {c.start for c in covered if any(s.label is Label.LEADER for s in c.surfaces)}
    for c in covered:
        mention = _exact(c, text, gazetteer, terms, day, names_at)
        if mention is not None:
            mentions.append(mention)
    mentions.extend(fuzzy)
    mentions.sort(key=lambda m: (m.start, m.end))
    unique_unlinked = {(u.start, u.end): u for u in unlinked}
    return Linking(tuple(mentions), tuple(sorted(unique_unlinked.values(), key=lambda u: u.start)))


def _best(surfaces: tuple[Surface, ...]) -> Surface:
    return min(
        surfaces, key=lambda s: (_ORIGIN_RANK.get(s.origin, 9), _LABEL_RANK[s.label], s.entity_id)
    )


def _exact(
    c: Candidate,
    text: str,
    gazetteer: Gazetteer,
    terms: list[OfficeTerm],
    day: dt.date | None,
    names_at: set[int],
) -> Mention | None:
    before = text[max(0, c.start - 40) : c.start]
    surfaces = c.surfaces
    labels = {s.label for s in surfaces}
    if Label.COUNTRY in labels and Label.PLACE in labels:
        dateline = not before.split("\n")[-1].strip() and _DATELINE.match(text, c.end)
        wanted = Label.PLACE if dateline or _LOCATIVE.search(before) else Label.COUNTRY
        surfaces = tuple(s for s in surfaces if s.label is wanted)
    chosen = _best(surfaces)
    how = f"{chosen.origin} '{c.text}'"
    if chosen.label is not Label.OFFICE:
        return Mention(c.start, c.end, c.text, chosen.entity_id, chosen.label, 1.0, how)
    if _FORMER.search(before) or _name_follows(c.end, text, names_at):
        return None
    if fold(c.text) in _BARE_ROLES and re.search(r"[A-Z][\w']*\s+$", before):
        return None  # "Australian Prime Minister": another state's
    holder = holder_on(terms, chosen.entity_id, day)
    label = gazetteer.labels.get(holder.entity_id, Label.OFFICE)
    return Mention(
        c.start, c.end, c.text, holder.entity_id, label, 0.9, f"role '{c.text}': {holder.reason}"
    )


def _name_follows(end: int, text: str, names_at: set[int]) -> bool:
    gap = len(text[end:]) - len(text[end:].lstrip(" \t"))
    return 0 < gap <= 2 and (end + gap) in names_at


def _uncovered_parts(c: Candidate, covered: list[Candidate], text: str) -> list[tuple[int, int]]:
    """The runs of words of ``c`` that no exact match covers."""
    parts: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for word in re.finditer(r"\S+", text[c.start : c.end]):
        start, end = c.start + word.start(), c.start + word.end()
        if any(k.start < end and start < k.end for k in covered):
            if run:
                parts.append(run)
            run = None
            continue
        run = (run[0], end) if run else (start, end)
    if run:
        parts.append(run)
    return [_trim_connectors(text, a, b) for a, b in parts if _trim_connectors(text, a, b)[1] > a]


def _trim_connectors(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing "of", "and"… left where an exact match cut a name in two."""
    piece = text[start:end]
    trimmed = re.sub(r"(?:\s+(?:of|and|for|the|de|du|la|no))+$", "", piece)
    return start, start + len(trimmed)


def _fuzzy(piece: str, start: int, gazetteer: Gazetteer) -> Mention | None:
    """Link a spelling variant ("Takaichy", "Bayan-Obo mine") to the closest surface."""
    folded = fold(piece).strip(" .,;:'\"")
    words = folded.split()
    if len(folded) < 6 or not words:
        return None
    choices = {
        f: ss
        for f, ss in gazetteer.surfaces_of(_FUZZY_KINDS).items()
        if len(f.split()) == len(words) and f[:1] == folded[:1]
    }
    best = process.extractOne(folded, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best is None:
        return None
    surface_text, score, _ = best
    surface = _best(tuple(choices[surface_text]))
    how = f"fuzzy {score:.0f}/100 to '{surface_text}' ({surface.origin})"
    confidence = round(0.8 * score / 100, 3)
    trimmed = piece.rstrip(" .,;:'\"")
    return Mention(
        start, start + len(trimmed), trimmed, surface.entity_id, surface.label, confidence, how
    )
