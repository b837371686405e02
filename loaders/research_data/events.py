"""What GDELT and POLECAT rows share: the dyad filter and the INVOLVES links of an event."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from loaders.errors import InvalidInputError, Problem
from loaders.research_data.stream import FileContext
from schema import CODED_EVENT_LINK, Event, Method, Relationship, Status

__all__ = ["EVENT_LINK_CONFIDENCE", "actor_filter", "event_links", "parse_actors"]

#: Machine-coded events: who took part is as good as the coder, so links are unverified, 0.5.
EVENT_LINK_CONFIDENCE = 0.5
_ISO3 = re.compile(r"^[A-Z]{3}$")


def parse_actors(value: Any) -> frozenset[str] | None:
    """``"CHN,JPN"`` → {CHN, JPN}; ``None`` keeps every row."""
    if value is None or value == "":
        return None
    codes = [part.strip().upper() for part in str(value).split(",") if part.strip()]
    bad = [code for code in codes if not _ISO3.match(code)]
    if bad or len(codes) < 2:
        raise InvalidInputError(
            [Problem("--actors", 0, "", f"expected two or more ISO3 codes like CHN,JPN: {value!r}")]
        )
    return frozenset(codes)


def actor_filter(ctx: FileContext, actor: str, recipient: str) -> bool:
    """Whether a row between these country codes is kept (counted as skipped when not)."""
    wanted: frozenset[str] | None = ctx.options.get("actor_set")
    if wanted is None:
        return True
    if actor in wanted and recipient in wanted and actor != recipient:
        return True
    ctx.skipped["rows outside the dyad"] += 1
    return False


def event_links(
    ctx: FileContext, event: Event, actor_names: Iterable[str], recipient_names: Iterable[str]
) -> list[Relationship]:
    """INVOLVES from the event to its countries, and to leaders or organizations whose name or
    alias the row gives exactly; only to nodes that exist."""
    ends: dict[tuple[str, str], None] = {}
    for role, code, names in (
        ("actor", event.actor_country, actor_names),
        ("recipient", event.recipient_country, recipient_names),
    ):
        country = ctx.lookups.country_by_iso3.get(code) if code else None
        if country:
            ends[(role, country)] = None
        for name in names:
            match = ctx.lookups.actor(name)
            if match:
                ends[(role, match)] = None
    return [
        _template(ctx, role, end).model_copy(update={"start": event.id, "valid_from": event.date})
        for role, end in ends
    ]


def _template(ctx: FileContext, role: str, end: str) -> Relationship:
    """One validated link per (role, end) and file; each event's link is a copy of it with
    the event's id and date (both already valid), which keeps 100,000 rows fast."""
    templates: dict[Any, Relationship] = ctx.cache
    key = ("involves", role, end)
    if key not in templates:
        templates[key] = Relationship(
            start="event:template",
            type=CODED_EVENT_LINK,
            end=end,
            key=role,
            role=role,
            sources=(ctx.source_id,),
            confidence=EVENT_LINK_CONFIDENCE,
            status=Status.UNVERIFIED,
            method=Method.IMPORTED,
        )
    return templates[key]
