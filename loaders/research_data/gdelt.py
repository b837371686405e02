"""GDELT 2.0 events export → ``Event`` nodes INVOLVING their countries, leaders, organizations.

61 tab-separated columns, no header (GDELT Event Codebook V2.0). With ``--actors CHN,JPN``
only rows whose Actor1CountryCode and Actor2CountryCode are two different codes of that list
are kept, in both directions. The event's id is ``event:gdelt-<GLOBALEVENTID>``, so loading
a file twice changes nothing (and an id twice in one file is refused). CAMEO codes stay
strings (``"010"`` is not ``"10"``); the Goldstein score is the one the record carries.
"""

from __future__ import annotations

from collections.abc import Iterable

from loaders.research_data.events import actor_filter, event_links
from loaders.research_data.stream import FileContext, Item, RowError, build
from loaders.research_data.values import day, integer, number
from schema import QUAD_CLASSES, Event, Reliability, SourceKind

__all__ = ["COLUMNS", "GdeltReader"]

#: The 61 columns of a GDELT 2.0 events export, in order.
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    *(f"Actor2{f}" for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_AT = {name: index for index, name in enumerate(COLUMNS)}
#: Event model field → 1-based column, so a bad value is reported where it stands.
_FIELD_COLUMNS = {
    "cameo_code": _AT["EventCode"] + 1,
    "quad_class": _AT["QuadClass"] + 1,
    "goldstein": _AT["GoldsteinScale"] + 1,
    "avg_tone": _AT["AvgTone"] + 1,
    "num_mentions": _AT["NumMentions"] + 1,
    "num_sources": _AT["NumSources"] + 1,
    "num_articles": _AT["NumArticles"] + 1,
    "date": _AT["SQLDATE"] + 1,
    "dataset_id": 1,
    "actor_country": _AT["Actor1CountryCode"] + 1,
    "recipient_country": _AT["Actor2CountryCode"] + 1,
    "url": _AT["SOURCEURL"] + 1,
}


class GdeltReader:
    name = "gdelt"
    title = "GDELT 2.0 events export (61 tab-separated columns)"
    publisher = "The GDELT Project (file supplied by the user)"
    reliability = Reliability.C  # machine-coded from news reports
    kind = SourceKind.DATASET

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def header(self, ctx: FileContext, line: int, text: str) -> bool:
        return False  # GDELT exports have no header row

    def row(self, ctx: FileContext, line: int, text: str) -> Iterable[Item]:
        fields = text.split("\t")
        if len(fields) != len(COLUMNS):
            hint = " (a GDELT 1.0 file has 58)" if len(fields) == 58 else ""
            raise RowError(
                f"expected {len(COLUMNS)} tab-separated columns (GDELT 2.0), "
                f"found {len(fields)}{hint}"
            )

        def col(name: str) -> str:
            return fields[_AT[name]].strip()

        def at(name: str) -> int:
            return _AT[name] + 1

        actor, recipient = col("Actor1CountryCode"), col("Actor2CountryCode")
        if not actor_filter(ctx, actor, recipient):
            return []
        event_id = col("GLOBALEVENTID")
        if not event_id.isdigit():
            raise RowError(f"GLOBALEVENTID: {event_id!r} is not a number", 1)
        if event_id in self.seen:
            raise RowError(
                f"GLOBALEVENTID {event_id} appears twice (first at line {self.seen[event_id]})", 1
            )
        self.seen[event_id] = line
        date = day(col("SQLDATE"), at("SQLDATE"), "SQLDATE")
        quad = integer(col("QuadClass"), at("QuadClass"), "QuadClass", required=False)
        code = col("EventCode")
        name1 = col("Actor1Name") or col("Actor1Code") or actor or "?"
        name2 = col("Actor2Name") or col("Actor2Code") or recipient or "?"
        event = build(
            Event,
            _FIELD_COLUMNS,
            id=f"event:gdelt-{event_id}",
            name=f"{name1} → {name2}: CAMEO {code or '?'}"[:300],
            event_type=QUAD_CLASSES.get(quad or 0, "coded_event"),
            date=date,
            sources=[ctx.source_id],
            status="unverified",
            cameo_code=code or None,
            quad_class=quad,
            goldstein=number(
                col("GoldsteinScale"), at("GoldsteinScale"), "GoldsteinScale", required=False
            ),
            avg_tone=number(col("AvgTone"), at("AvgTone"), "AvgTone", required=False),
            num_mentions=integer(
                col("NumMentions"), at("NumMentions"), "NumMentions", required=False
            ),
            num_sources=integer(col("NumSources"), at("NumSources"), "NumSources", required=False),
            num_articles=integer(
                col("NumArticles"), at("NumArticles"), "NumArticles", required=False
            ),
            dataset="gdelt",
            dataset_id=event_id,
            actor_country=actor or None,
            recipient_country=recipient or None,
            url=col("SOURCEURL") or None,
        )
        return [event, *event_links(ctx, event, (col("Actor1Name"),), (col("Actor2Name"),))]
