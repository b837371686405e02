"""The review queue's vocabulary: what the article reader proposes and a reviewer decides.

Pending is not knowledge. What ``dyad ingest`` reads but cannot place waits here, under labels
of its own that never carry the shared ``Entity`` label, so causal chains, lists, search,
exports and analytics (which all start from ``Entity`` or one of its labels) never see it:

- a ``CandidateEntity``: a name the reader could not link (its text, its character span in
  the article, the kind it suggests: person, organization, place, policy or event);
- a ``CandidateClaim``: a claim the reader extracted, with the status its hedges give, its
  ends when it could resolve them, and the reason when it could not.

Each item is ``FOUND_IN`` the article's Source. A reviewer accepts it (the node or the
relationship is created with the article as its source, validated as the loader validates),
links it to a node already in the graph (``RESOLVED_AS``), or rejects it with a reason.
Nothing is deleted: an item keeps its state, who decided it and when.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from schema.vocabulary import Label

__all__ = [
    "CANDIDATE_KIND_LABELS",
    "REVIEW_BASE_LABEL",
    "REVIEW_PATTERNS",
    "CandidateKind",
    "ReviewLabel",
    "ReviewPattern",
    "ReviewRelType",
    "ReviewState",
    "review_item_id",
]

#: Every queue item carries this label as well as its own (never ``Entity``); its ``id`` is
#: unique across the queue.
REVIEW_BASE_LABEL = "ReviewItem"


class ReviewLabel(StrEnum):
    """The kinds of queue item. An item's ``id`` starts with the kind's prefix."""

    CANDIDATE_ENTITY = "CandidateEntity"
    CANDIDATE_CLAIM = "CandidateClaim"

    @property
    def prefix(self) -> str:
        """The prefix every id of this kind starts with, without the colon."""
        return self.value.lower()


class ReviewRelType(StrEnum):
    """The queue's relationships: they never join two ``Entity`` nodes."""

    FOUND_IN = "FOUND_IN"
    RESOLVED_AS = "RESOLVED_AS"


class ReviewState(StrEnum):
    """Where an item stands. Only ``pending`` items wait; nothing leaves the queue."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class CandidateKind(StrEnum):
    """What a candidate entity may become, and the label it becomes."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    POLICY = "policy"
    EVENT = "event"

    @property
    def label(self) -> Label:
        return CANDIDATE_KIND_LABELS[self]


CANDIDATE_KIND_LABELS: dict[CandidateKind, Label] = {
    CandidateKind.PERSON: Label.LEADER,
    CandidateKind.ORGANIZATION: Label.ORGANIZATION,
    CandidateKind.PLACE: Label.PLACE,
    CandidateKind.POLICY: Label.POLICY,
    CandidateKind.EVENT: Label.EVENT,
}


@dataclass(frozen=True, slots=True)
class ReviewPattern:
    """One allowed ``(start)-[:TYPE]->(end)`` of the queue, with what it means."""

    start: ReviewLabel
    type: ReviewRelType
    end: Label
    meaning: str


REVIEW_PATTERNS: tuple[ReviewPattern, ...] = (
    ReviewPattern(
        ReviewLabel.CANDIDATE_ENTITY,
        ReviewRelType.FOUND_IN,
        Label.SOURCE,
        "the article the unlinked name was read in (its span: start_char, end_char)",
    ),
    ReviewPattern(
        ReviewLabel.CANDIDATE_CLAIM,
        ReviewRelType.FOUND_IN,
        Label.SOURCE,
        "the article the claim was read in (its sentence: quote)",
    ),
    *(
        ReviewPattern(
            ReviewLabel.CANDIDATE_ENTITY,
            ReviewRelType.RESOLVED_AS,
            label,
            "the node a reviewer accepted the name as, or linked it to",
        )
        for label in Label
        if label is not Label.SOURCE
    ),
)


def review_item_id(kind: ReviewLabel, *parts: object) -> str:
    """A stable id for a queue item: the same article and span always give the same item."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{kind.prefix}:{digest[:16]}"
