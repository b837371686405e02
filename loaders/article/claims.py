"""Claims: what a sentence says about cause, restriction and dependence, with its certainty.

How claims map onto the vocabulary:

- cause ("a reaction to", "in response to", "in retaliation for", "following", "prompted"):
  ``(cause)-[:PROVOKED]->(effect)`` between deeds (statements, policies, events). For the
  "response" words the cause comes after the trigger; for "prompted" before it.
- restriction ("export controls on", "a ban on exports of", "delaying export permits"): the
  policy the wording resolves to ``-[:TARGETS]->`` the state it is aimed at,
  ``-[:ISSUED_BY]->`` the state or body behind it and ``-[:RESTRICTS]->`` minerals named
  after the trigger.
- dependence ("dependent on", "depends on … for 60% of", "reliance on"): a state
  ``-[:IMPORTS_FROM {mineral, share}]->`` its supplier; an industry ``-[:DEPENDS_ON]->`` a
  mineral.

Every claim's status comes from its sentence's hedges (``hedges``); a measure the article
hedged once ("not yet confirmed") stays hedged in its later plain sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from loaders.article.catalogue import Catalogue
from loaders.article.dates import TemporalExpression
from loaders.article.hedges import Certainty, certainty_of
from loaders.article.linker import Mention
from loaders.article.references import DeedRef, Unresolved, find_measures, find_remarks
from loaders.article.text import Sentence
from schema import Label, RelType, Status

__all__ = ["Claim", "ClaimSet", "extract_claims"]

_RESPONSE = re.compile(
    r"\b(?:in retaliation (?:for|against)|retaliat\w+ (?:for|against)|in response to"
    r"|(?:a |an |the )?(?:direct |apparent )?reaction to|as a countermeasure (?:to|against)"
    r"|following|in the wake of)\b",
    re.IGNORECASE,
)
_PROMPT = re.compile(r"\b(?:prompt(?:ed|ing|s)?|provok(?:ed|ing|es)|trigger(?:ed|ing|s))\b", re.I)
_DEPEND = re.compile(
    r"\b(?:(?:heavily |very |highly )?dependent on|depends? on|dependence on|reliant on"
    r"|relies on|rely on|reliance on)\b",
    re.IGNORECASE,
)
_SHARE = re.compile(r"\b(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent|percent)", re.IGNORECASE)
_DEEDS = frozenset({Label.STATEMENT, Label.POLICY, Label.EVENT})


@dataclass(frozen=True)
class Claim:
    start: str
    type: RelType
    end: str
    sentence: Sentence
    certainty: Certainty
    note: str
    mineral: str | None = None
    share: float | None = None


@dataclass(frozen=True)
class ClaimSet:
    claims: tuple[Claim, ...]
    #: References the claims rest on ("remarks by Japan's PM" → a statement), as mentions.
    references: tuple[DeedRef, ...]
    #: Sentences with claim wording that could not be resolved: for review, never guessed.
    unresolved: tuple[Unresolved, ...]


def extract_claims(
    sentences: list[Sentence],
    mentions: tuple[Mention, ...],
    temporals: list[TemporalExpression],
    catalogue: Catalogue,
    day: dt.date | None,
) -> ClaimSet:
    claims: list[Claim] = []
    references: list[DeedRef] = []
    unresolved: list[Unresolved] = []
    hedged: dict[str, Certainty] = {}
    previous: DeedRef | None = None
    paragraph = -1
    for s in sentences:
        if s.paragraph != paragraph:
            previous, paragraph = None, s.paragraph
        ms = [m for m in mentions if s.start <= m.start < s.end]
        ts = [t for t in temporals if s.start <= t.start_char < s.end]
        certainty = certainty_of(s.text)
        remarks = find_remarks(s, ms, ts, catalogue, day)
        measures, unsure = find_measures(s, ms, ts, catalogue, day, previous)
        unresolved.extend(unsure)
        explicit = [
            DeedRef(m.start, m.end, m.entity_id, m.label, f"named '{m.text}'")
            for m in ms
            if m.label in _DEEDS
        ]
        deeds = sorted([*remarks, *measures, *explicit], key=lambda d: d.start)
        found = [
            *_restrictions(s, ms, measures, certainty),
            *_causes(s, deeds, certainty, unresolved),
            *_dependence(s, ms, certainty),
        ]
        for claim in found:
            claim = _carry_hedge(claim, hedged)
            claims.append(claim)
            for node in (claim.start, claim.end):
                if claim.certainty.status is Status.UNVERIFIED and node.startswith("policy:"):
                    hedged.setdefault(node, claim.certainty)
        used = {c.start for c in found} | {c.end for c in found}
        references.extend(d for d in deeds if d.entity_id in used and not d.how.startswith("named"))
        policies = [d for d in deeds if d.label is Label.POLICY]
        if policies:
            previous = policies[-1]
    unique = {(c.start, c.type, c.end, c.sentence.index): c for c in claims}
    return ClaimSet(tuple(unique.values()), tuple(references), tuple(unresolved))


def _carry_hedge(claim: Claim, hedged: dict[str, Certainty]) -> Claim:
    if claim.certainty.cue is not None:
        return claim
    earlier = hedged.get(claim.start) or hedged.get(claim.end)
    if earlier is None:
        return claim
    note = f"{claim.note}; the article hedged this measure earlier ('{earlier.cue}')"
    return replace(claim, certainty=earlier, note=note)


def _restrictions(
    s: Sentence, ms: list[Mention], measures: list[DeedRef], certainty: Certainty
) -> list[Claim]:
    out: list[Claim] = []
    for d in measures:
        if d.actor is None and d.target is None:
            continue  # a pointer back ("this move"), not a description of the measure
        note = f"{certainty.describe()}; measure: {d.how}"
        if d.target is not None:
            out.append(Claim(d.entity_id, RelType.TARGETS, d.target, s, certainty, note))
        if d.actor is not None:
            out.append(Claim(d.entity_id, RelType.ISSUED_BY, d.actor, s, certainty, note))
        for m in ms:
            if m.label is Label.MINERAL and m.start > d.start:
                out.append(Claim(d.entity_id, RelType.RESTRICTS, m.entity_id, s, certainty, note))
    return out


def _causes(
    s: Sentence, deeds: list[DeedRef], certainty: Certainty, unresolved: list[Unresolved]
) -> list[Claim]:
    out: list[Claim] = []
    for pattern, cause_after in ((_RESPONSE, True), (_PROMPT, False)):
        for m in pattern.finditer(s.text):
            at = s.start + m.start()
            before = [d for d in deeds if d.start < at]
            after = [d for d in deeds if d.start >= at]
            if not before or not after:
                if before or after:  # one side known: worth a reader's look
                    unresolved.append(Unresolved(s, f"'{m.group()}': cause or effect unresolved"))
                continue
            cause, effect = (after[0], before[-1]) if cause_after else (before[-1], after[0])
            if cause.entity_id == effect.entity_id:
                continue
            note = f"{certainty.describe()}; '{m.group()}': cause {cause.how}; effect {effect.how}"
            out.append(
                Claim(cause.entity_id, RelType.PROVOKED, effect.entity_id, s, certainty, note)
            )
    return out


def _dependence(s: Sentence, ms: list[Mention], certainty: Certainty) -> list[Claim]:
    out: list[Claim] = []
    for m in _DEPEND.finditer(s.text):
        at = s.start + m.start()
        subjects = [x for x in ms if x.start < at and x.label in (Label.COUNTRY, Label.INDUSTRY)]
        after = [x for x in ms if x.start >= at]
        if not subjects:
            continue
        subject = subjects[-1]
        supplier = next((x for x in after if x.label is Label.COUNTRY), None)
        mineral = next((x for x in after if x.label is Label.MINERAL), None)
        share_match = _SHARE.search(s.text, m.end())
        share = float(share_match.group(1)) / 100 if share_match else None
        if share is not None and not 0 <= share <= 1:
            share = None
        note = f"{certainty.describe()}; '{m.group()}'"
        if subject.label is Label.COUNTRY and supplier and supplier.entity_id != subject.entity_id:
            mineral_id = mineral.entity_id if mineral else None
            out.append(
                Claim(
                    subject.entity_id,
                    RelType.IMPORTS_FROM,
                    supplier.entity_id,
                    s,
                    certainty,
                    note,
                    mineral_id,
                    share,
                )
            )
        elif subject.label is Label.INDUSTRY and mineral:
            out.append(
                Claim(subject.entity_id, RelType.DEPENDS_ON, mineral.entity_id, s, certainty, note)
            )
    return out
