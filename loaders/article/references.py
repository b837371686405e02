"""References to deeds — statements and measures — that name no entity outright.

- *Remarks*: "provocative remarks by Japan's PM earlier this month" is the statement by the
  person the sentence names (directly or by role) within the date span the text gives.
- *Measures*: "delaying applications for export permits to Japan" is the one policy of that
  kind (a licensing delay) by the state the sentence names, aimed at the state it names, in
  the date span. When several policies fit, none is chosen: the sentence goes to review.
- *Anaphora*: "this move", "the measure" is the last measure named before, in the same
  paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from loaders.article.catalogue import Catalogue
from loaders.article.dates import TemporalExpression
from loaders.article.linker import Mention
from loaders.article.text import Sentence
from schema import Label

__all__ = ["MEASURE_KINDS", "DeedRef", "Unresolved", "find_measures", "find_remarks"]

#: Wording of a measure → the policy type it describes (``schema.PolicyType``).
MEASURE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "licensing_delay",
        re.compile(
            r"\b(?:delay\w*|slow\w*(?: down)?|drag\w* out|stall\w*|hold\w* up)\b[^.;]{0,40}?"
            r"\b(?:permits?|licen[cs]es?|approvals?|applications?)\b"
            r"|\b(?:permit|licen[cs]e|approval) (?:delays?|slowdown)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "export_ban",
        re.compile(
            r"\bban(?:s|ned|ning)? (?:on )?(?:the )?exports?\b|\bexport bans?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "export_control",
        re.compile(
            r"\bexport (?:controls?|restrictions?|curbs?) on\b|\brestrict\w* exports? of\b",
            re.IGNORECASE,
        ),
    ),
    (
        "import_ban",
        re.compile(r"\b(?:suspend|halt|ban)\w* (?:the )?imports?\b|\bimport bans?\b", re.I),
    ),
)
_REMARK = re.compile(r"\b(?:remarks?|comments?|statements?|words)\b", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"\b(?:this|that|the|these|those|latest) (?:latest |new )?(?:move|measures?|steps?|"
    r"decision|ban|curbs?)\b",
    re.IGNORECASE,
)
_ACTOR_LABELS = frozenset({Label.COUNTRY, Label.ORGANIZATION})


@dataclass(frozen=True)
class DeedRef:
    """A reference in the text resolved to a Statement, Policy or Event."""

    start: int
    end: int
    entity_id: str
    label: Label
    how: str
    actor: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class Unresolved:
    sentence: Sentence
    reason: str


def _nearest(items: list[Mention], at: int) -> Mention | None:
    return min(items, key=lambda m: abs(m.start - at), default=None)


def find_remarks(
    sentence: Sentence,
    mentions: list[Mention],
    temporals: list[TemporalExpression],
    catalogue: Catalogue,
    day: dt.date | None,
) -> list[DeedRef]:
    """Statements referred to as someone's remarks in this sentence."""
    people = [m for m in mentions if m.label is Label.LEADER]
    found: list[DeedRef] = []
    for m in _REMARK.finditer(sentence.text):
        at = sentence.start + m.start()
        speaker = _nearest(people, at)
        if speaker is None:
            continue
        when = min(
            (t for t in temporals if abs(t.start_char - at) <= 80),
            key=lambda t: abs(t.start_char - at),
            default=None,
        )
        statement = catalogue.remark_by(
            speaker.entity_id, day, (when.first, when.last) if when else None
        )
        if statement is None:
            continue
        end = max(at + len(m.group()), speaker.end, when.end_char if when else 0)
        how = f"'{m.group()}' of {speaker.entity_id} ('{speaker.text}')"
        how += f", {when.describe()}" if when else ", in the months before the article"
        found.append(DeedRef(at, end, statement.id, Label.STATEMENT, how))
    return found


def find_measures(
    sentence: Sentence,
    mentions: list[Mention],
    temporals: list[TemporalExpression],
    catalogue: Catalogue,
    day: dt.date | None,
    previous: DeedRef | None,
) -> tuple[list[DeedRef], list[Unresolved]]:
    """Policies this sentence describes by their kind, or points back to ("this move")."""
    found: list[DeedRef] = []
    unresolved: list[Unresolved] = []
    actors = [m for m in mentions if m.label in _ACTOR_LABELS]
    when = temporals[0] if temporals else None
    for policy_type, pattern in MEASURE_KINDS:
        for m in pattern.finditer(sentence.text):
            at = sentence.start + m.start()
            before = [a for a in actors if a.start < at]
            actor = before[-1] if before else _nearest(actors, at)
            targets = [
                a
                for a in actors
                if a.start > at and (actor is None or a.entity_id != actor.entity_id)
            ]
            target = targets[0] if targets else None
            fits = catalogue.measures(
                policy_type,
                actor.entity_id if actor else None,
                target.entity_id if target else None,
                day,
                (when.first, when.last) if when else None,
            )
            phrase = f"'{m.group()}' ({policy_type.replace('_', ' ')})"
            if len(fits) != 1:
                names = ", ".join(sorted(p.id for p in fits)[:6]) or "none in the graph"
                unresolved.append(
                    Unresolved(sentence, f"{phrase}: {len(fits)} measures fit ({names})")
                )
                continue
            how = f"{phrase} by {actor.entity_id if actor else 'anyone'}"
            if when:
                how += f", {when.describe()}"
            found.append(
                DeedRef(
                    at,
                    at + len(m.group()),
                    fits[0].id,
                    Label.POLICY,
                    how,
                    actor.entity_id if actor else None,
                    target.entity_id if target else None,
                )
            )
    if previous is not None and not found:
        for m in _ANAPHOR.finditer(sentence.text):
            at = sentence.start + m.start()
            how = f"'{m.group()}' points back to {previous.entity_id}"
            found.append(DeedRef(at, at + len(m.group()), previous.entity_id, previous.label, how))
            break
    return found, unresolved
