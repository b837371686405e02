"""What every relationship carries: where it comes from and how far to trust it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from schema.grades import FutureDate

__all__ = ["Method", "NodeId", "Provenance", "SourceId", "Status"]

#: A node id: a kind prefix, a colon, then letters, digits and ``._-`` (``leader:sanae-takaichi``).
NodeId = Annotated[str, StringConstraints(pattern=r"^[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")]
#: The id of a Source node (``source:yomiuri-2025-12-07``).
SourceId = Annotated[str, StringConstraints(pattern=r"^source:[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")]


class Status(StrEnum):
    """How well a fact is established (see ``docs/SCHEMA.md`` for the rules we apply)."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    ALLEGED = "alleged"
    UNVERIFIED = "unverified"


class Method(StrEnum):
    """How a fact entered the graph."""

    CURATED = "curated"
    EXTRACTED = "extracted"
    IMPORTED = "imported"
    INFERRED = "inferred"


class Provenance(BaseModel):
    """Sources, confidence, status, method and validity of one relationship."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sources: tuple[SourceId, ...] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    status: Status
    method: Method = Method.CURATED
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    quote: str | None = Field(default=None, max_length=2000)
    #: Set when ``valid_from`` lies after every source: the date was announced, or forecast.
    future_date: FutureDate | None = None

    @model_validator(mode="after")
    def _validity_in_order(self) -> Provenance:
        for name in ("valid_from", "valid_to"):
            day = getattr(self, name)
            if day is not None and not 1800 <= day.year <= 2100:
                raise ValueError(f"{name} out of range 1800..2100: {day.isoformat()}")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self
