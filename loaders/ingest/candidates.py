"""What an article's reading leaves for review, as queue items (``schema/review.py``).

- every name the reader could not link: a ``CandidateEntity`` with its span, the sentence it
  stands in and the kind its words suggest (a guess for the reviewer, never a node);
- every claim it extracted: a ``CandidateClaim`` with the status its hedges give (no stronger
  than the article's grade allows) and the relationship it would become;
- every sentence with claim wording it could not resolve: a ``CandidateClaim`` without ends,
  with the reason.

An item's id derives from the article and its span or sentence: reading the same article
again gives the same items, and ``queries/ingest/queue_items.cypher`` leaves them as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from loaders.article import ArticleReading, certainty_of
from loaders.article.text import Sentence
from schema import CandidateKind, ReviewLabel, ReviewState, review_item_id

__all__ = ["QueueRows", "queue_rows", "suggest_fields", "suggest_kind"]

_WORDS: tuple[tuple[CandidateKind, re.Pattern[str]], ...] = (
    (
        CandidateKind.ORGANIZATION,
        re.compile(
            r"\b(?:Corp(?:oration)?|Co|Inc|Ltd|Limited|LLC|plc|AG|GmbH|KK|Group|Holdings|"
            r"Industries|Metals?|Mining|Materials|Magnetics|Electric|Motors?|Bank|Ministry|"
            r"Agency|Bureau|Office|Commission|Council|Committee|Institute|University|Association|"
            r"Federation|Party|Company|Shimbun|News|Times|Press|Broadcasting|Fund|Centre|Center)\b"
        ),
    ),
    (
        CandidateKind.POLICY,
        re.compile(r"\b(?:Act|Law|Regulations?|Rules|Decree|Directive|Measures|Ordinance)\b"),
    ),
    (
        CandidateKind.EVENT,
        re.compile(r"\b(?:Summit|Conference|Forum|Talks|Expo|Dialogue|Meeting|Games|Earthquake)\b"),
    ),
    (
        CandidateKind.PLACE,
        re.compile(
            r"\b(?:Prefecture|Province|City|County|District|Island|Islands|Port|Bay|Sea|Strait|"
            r"Mountains?|River|Region|Valley|Peninsula)\b"
        ),
    ),
)
_ORG_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("government", re.compile(r"\b(?:Ministry|Agency|Bureau|Commission|Government)\b")),
    ("research", re.compile(r"\b(?:Institute|University|Laboratory|Centre|Center)\b")),
    ("party", re.compile(r"\bParty\b")),
    ("media", re.compile(r"\b(?:Shimbun|News|Times|Press|Broadcasting)\b")),
    (
        "company",
        re.compile(
            r"\b(?:Corp(?:oration)?|Co|Inc|Ltd|Limited|LLC|plc|AG|GmbH|KK|Group|Holdings|"
            r"Industries|Metals?|Mining|Materials|Magnetics|Electric|Motors?|Company)\b"
        ),
    ),
)
_PLACE_TYPES = ("prefecture", "province", "city", "county", "district", "island", "port", "region")
_PERSON = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}$")


def suggest_kind(name: str) -> CandidateKind | None:
    """The kind a name's own words suggest, or None: a hint for the reviewer only."""
    for kind, words in _WORDS:
        if words.search(name):
            return kind
    if _PERSON.match(name):
        return CandidateKind.PERSON
    return None


def suggest_fields(name: str, kind: CandidateKind | None) -> dict[str, str]:
    """Fields a kind needs that the name itself says (``org_type``, ``place_type``)."""
    if kind is CandidateKind.ORGANIZATION:
        for org_type, words in _ORG_TYPES:
            if words.search(name):
                return {"org_type": org_type}
    if kind is CandidateKind.PLACE:
        lowered = name.lower().split()
        for place_type in _PLACE_TYPES:
            if place_type in lowered:
                return {"place_type": place_type}
    return {}


@dataclass(frozen=True)
class QueueRows:
    entities: list[dict[str, Any]]
    claims: list[dict[str, Any]]

    def __len__(self) -> int:
        return len(self.entities) + len(self.claims)


def queue_rows(reading: ArticleReading, at: dt.datetime, command: str) -> QueueRows:
    """The queue items of one reading, as rows for ``ingest/queue_items``."""
    sid = reading.source_id
    stamp = {"state": ReviewState.PENDING.value, "created_at": at, "created_by": command}
    entities = []
    for u in reading.linking.unlinked:
        kind = suggest_kind(u.text)
        props: dict[str, Any] = {
            "id": review_item_id(ReviewLabel.CANDIDATE_ENTITY, sid, u.start, u.end),
            "name": u.text,
            "source": sid,
            "start_char": u.start,
            "end_char": u.end,
            "reason": u.reason,
            "quote": _sentence_at(reading.sentences, u.start),
            **stamp,
        }
        if kind is not None:
            props["suggested_kind"] = kind.value
            props.update({f"suggested_{k}": v for k, v in suggest_fields(u.text, kind).items()})
        entities.append({"id": props["id"], "source": sid, "properties": props})
    claims = []
    for c in reading.claims.claims:
        record = reading.claim_record(c)
        item_id = review_item_id(
            ReviewLabel.CANDIDATE_CLAIM, sid, c.sentence.index, c.start, c.type.value, c.end
        )
        props = {
            "id": item_id,
            "name": f"{c.start} -[{c.type.value}]-> {c.end}",
            "source": sid,
            "sentence": c.sentence.index + 1,
            **{k: v for k, v in record.items() if k != "sources"},
            **stamp,
        }
        claims.append({"id": item_id, "source": sid, "properties": props})
    for r in reading.claims.unresolved:
        item_id = review_item_id(ReviewLabel.CANDIDATE_CLAIM, sid, r.sentence.index, r.reason)
        status = reading.allowed_status(certainty_of(r.sentence.text).status)
        props = {
            "id": item_id,
            "name": f"unresolved: {r.reason}",
            "source": sid,
            "sentence": r.sentence.index + 1,
            "quote": r.sentence.text,
            "reason": r.reason,
            "status": status.value,
            **stamp,
        }
        claims.append({"id": item_id, "source": sid, "properties": props})
    return QueueRows(_unique(entities), _unique(claims))


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({row["id"]: row for row in rows}.values())


def _sentence_at(parts: tuple[Sentence, ...], offset: int) -> str:
    for s in parts:
        if s.start <= offset < s.end:
            return s.text
    return ""
