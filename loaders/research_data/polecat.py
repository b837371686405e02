"""POLECAT (PLOVER-coded) tab-separated files → the same ``Event`` model as GDELT.

The header row names the columns; they are found by name, not by position, so the known
variations are tolerated: ``Event Intensity`` or ``Intensity``, ``Quad Code`` or
``Quad Class``, ``Contexts`` or ``Context``, an extra ``Headline`` column, trailing stray
tabs; a row with fewer fields than the header was cut short and is refused. Countries may
be ISO3 codes or the names of countries in the graph. The event's id is
``event:polecat-<Event Date>-<Event ID>`` (ICEWS-style ids are unique only with the date);
the same id twice in one file is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.research_data.events import actor_filter, event_links
from loaders.research_data.stream import FileContext, Item, RowError, build
from loaders.research_data.values import day, header_key, number, safe_id
from schema import Event, Reliability, SourceKind

__all__ = ["PolecatReader"]

#: Our field → the header names (reduced by ``header_key``) it may appear under.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("eventid",),
    "date": ("eventdate", "date"),
    "type": ("eventtype",),
    "mode": ("eventmode", "mode"),
    "intensity": ("eventintensity", "intensity"),
    "quad": ("quadcode", "quadclass", "quad"),
    "contexts": ("contexts", "context"),
    "actor_name": ("actorname",),
    "actor_country": ("actorcountry",),
    "recipient_name": ("recipientname",),
    "recipient_country": ("recipientcountry",),
    "url": ("url", "sourceurl"),
}
_REQUIRED = ("id", "date", "type", "actor_country", "recipient_country")
_QUADS = {
    "1": 1, "verbalcooperation": 1, "verbalcoop": 1,
    "2": 2, "materialcooperation": 2, "materialcoop": 2,
    "3": 3, "verbalconflict": 3,
    "4": 4, "materialconflict": 4,
}  # fmt: skip
_WORD = re.compile(r"[^a-z]+")


def _word(value: str) -> str:
    return _WORD.sub("_", value.strip().casefold()).strip("_")


class PolecatReader:
    name = "polecat"
    title = "POLECAT/PLOVER event data (tab-separated, with header)"
    publisher = "POLECAT (NGEC), file supplied by the user"
    reliability = Reliability.C  # machine-coded from news reports
    kind = SourceKind.DATASET

    def __init__(self) -> None:
        self.at: dict[str, int] = {}
        self.width = 0
        self.seen: dict[str, int] = {}

    def header(self, ctx: FileContext, line: int, text: str) -> bool:
        names = [header_key(name) for name in text.split("\t")]
        while names and not names[-1]:
            names.pop()
        self.width = len(names)
        for field, candidates in _COLUMNS.items():
            for index, name in enumerate(names):
                if name in candidates:
                    self.at[field] = index
                    break
        missing = [f for f in _REQUIRED if f not in self.at]
        if missing:
            wanted = ", ".join(_COLUMNS[f][0] for f in missing)
            raise RowError(f"the header lacks required columns ({wanted})")
        return True

    def row(self, ctx: FileContext, line: int, text: str) -> Iterable[Item]:
        fields = text.split("\t")
        while len(fields) > self.width and not fields[-1].strip():
            fields.pop()  # stray trailing tabs
        if len(fields) > self.width:
            raise RowError(
                f"{len(fields)} fields but the header names {self.width} (a stray tab?)",
                self.width + 1,
            )
        if len(fields) < self.width:
            raise RowError(
                f"{len(fields)} fields but the header names {self.width} (cut short?)",
                len(fields) + 1,
            )

        def col(field: str) -> str:
            return fields[self.at[field]].strip() if field in self.at else ""

        def at(field: str) -> int:
            return self.at.get(field, 0) + 1

        actor = ctx.lookups.iso3(col("actor_country")) or ""
        recipient = ctx.lookups.iso3(col("recipient_country")) or ""
        if not actor_filter(ctx, actor, recipient):
            return []
        raw_id = col("id")
        if not raw_id:
            raise RowError("Event ID is empty", at("id"))
        date = day(col("date"), at("date"), "Event Date")
        assert date is not None
        event_id = safe_id("event", "polecat", date.isoformat(), raw_id)
        if event_id in self.seen:
            raise RowError(f"the same event as line {self.seen[event_id]} ({event_id})", at("id"))
        self.seen[event_id] = line
        event_type = _word(col("type"))
        if not event_type:
            raise RowError("Event Type is empty", at("type"))
        contexts = tuple(
            word for part in re.split(r"[,;|]", col("contexts")) if (word := _word(part))
        )
        names = (col("actor_name") or actor, col("recipient_name") or recipient)
        event = build(
            Event,
            {f: at(c) for f, c in (("intensity", "intensity"), ("url", "url"), ("date", "date"))},
            id=event_id,
            name=f"{names[0]} → {names[1]}: {event_type.upper()}"[:300],
            event_type=event_type,
            date=date,
            sources=[ctx.source_id],
            status="unverified",
            quad_class=_QUADS.get(header_key(col("quad"))),
            intensity=number(col("intensity"), at("intensity"), "Intensity", required=False),
            event_mode=_word(col("mode")) or None,
            event_contexts=contexts,
            dataset="polecat",
            dataset_id=raw_id[:200],
            actor_country=actor or None,
            recipient_country=recipient or None,
            url=col("url") or None,
        )
        return [event, *event_links(ctx, event, (col("actor_name"),), (col("recipient_name"),))]
