"""An export-restriction inventory CSV (OECD-style) → ``Policy`` nodes.

One row is one measure: ``country_iso3, hs6, measure_type, start_date, end_date,
legal_basis, source_url`` (required: country, HS code, measure type, and a start date or a
year), optionally ``product, value, unit, destination_scope, announced, year, status``.
Header names are matched loosely (``Country``, ``HS code``, ``Measure type`` work too); a
row must have as many fields as the header.
Measure types: export tax, export quota, export ban (prohibition), licensing (stored as
``export_control``, the corpus's term for a licence requirement).

The policy is ISSUED_BY its country, RESTRICTS the mineral its HS code stands for and TARGETS
the countries ``destination_scope`` lists as ISO3 codes, where those nodes exist. Its id is
``policy:<country>-<measure>-<hs>-<start>``. Every row's own source becomes a Source node.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from urllib.parse import urlparse

from loaders.research_data.stream import FileContext, Item, RowError, build
from loaders.research_data.values import (
    csv_fields,
    day,
    integer,
    map_header,
    number,
    safe_id,
)
from schema import (
    Method,
    Policy,
    PolicyType,
    Relationship,
    Reliability,
    RelType,
    Source,
    SourceKind,
    Status,
    hs_mineral,
)

__all__ = ["RestrictionsReader"]

_COLUMNS: dict[str, tuple[str, ...]] = {
    "country": ("countryiso3", "country", "iso3", "reporter"),
    "hs": ("hs6", "hscode", "hs", "cmdcode"),
    "measure": ("measuretype", "measure"),
    "start": ("startdate", "start", "validfrom", "from"),
    "end": ("enddate", "end", "validto", "to"),
    "announced": ("announced", "announceddate"),
    "year": ("year",),
    "legal": ("legalbasis", "legalref", "legal"),
    "source": ("sourceurl", "source"),
    "product": ("product", "productdescription"),
    "value": ("value",),
    "unit": ("unit",),
    "destination": ("destinationscope", "destination"),
    "status": ("status",),
}
_MEASURES: dict[str, PolicyType] = {
    **dict.fromkeys(("export_tax", "tax", "export_taxes", "export_duty"), PolicyType.EXPORT_TAX),
    **dict.fromkeys(("export_quota", "quota", "export_quotas"), PolicyType.EXPORT_QUOTA),
    **dict.fromkeys(
        ("export_ban", "ban", "export_prohibition", "prohibition"), PolicyType.EXPORT_BAN
    ),
    **dict.fromkeys(
        ("export_licensing", "licensing", "non_automatic_licensing", "export_licence",
         "export_license", "licence", "license"),
        PolicyType.EXPORT_CONTROL,
    ),
}  # fmt: skip
_LABELS = {
    PolicyType.EXPORT_TAX: "export tax",
    PolicyType.EXPORT_QUOTA: "export quota",
    PolicyType.EXPORT_BAN: "export ban",
    PolicyType.EXPORT_CONTROL: "export licensing",
}
_ISO3 = re.compile(r"\b[A-Z]{3}\b")
#: An inventory row is a compiled record, not the legal text itself.
CONFIDENCE = 0.8


def _word(value: str) -> str:
    return re.sub(r"[^a-z]+", "_", value.casefold()).strip("_")


class RestrictionsReader:
    name = "restrictions"
    title = "export-restriction inventory (CSV)"
    publisher = "export-restriction inventory (file supplied by the user)"
    reliability = Reliability.C  # a research inventory of measures
    kind = SourceKind.DATASET

    def __init__(self) -> None:
        self.at: dict[str, int] = {}
        self.width = 0
        self.seen: dict[str, int] = {}
        self.sources: set[str] = set()

    def header(self, ctx: FileContext, line: int, text: str) -> bool:
        self.at, self.width = map_header(text, _COLUMNS)
        missing = [f for f in ("country", "hs", "measure") if f not in self.at]
        if missing or not ({"start", "year"} & set(self.at)):
            wanted = [_COLUMNS[f][0] for f in missing] + (
                [] if {"start", "year"} & set(self.at) else ["start_date or year"]
            )
            raise RowError(f"the header lacks required columns ({', '.join(wanted)})")
        return True

    def row(self, ctx: FileContext, line: int, text: str) -> Iterable[Item]:
        fields = csv_fields(text, self.width)

        def col(field: str) -> str:
            index = self.at.get(field)
            return fields[index].strip() if index is not None and index < len(fields) else ""

        def at(field: str) -> int:
            return self.at.get(field, 0) + 1

        country = ctx.lookups.iso3(
            col("country").upper() if len(col("country")) == 3 else col("country")
        )
        if country is None:
            raise RowError(
                f"country {col('country')!r} is not an ISO3 code or a known country", at("country")
            )
        hs = col("hs")
        if not hs.isdigit() or not 4 <= len(hs) <= 10:
            raise RowError(f"HS code {hs!r} is not 4 to 10 digits", at("hs"))
        measure = _MEASURES.get(_word(col("measure")))
        if measure is None:
            raise RowError(
                f"measure type {col('measure')!r} is not export tax, export quota, export ban "
                "or licensing",
                at("measure"),
            )
        start = day(col("start"), at("start"), "start_date", required=False)
        end = day(col("end"), at("end"), "end_date", required=False)
        announced: dt.date | str | None = day(
            col("announced"), at("announced"), "announced", required=False
        )
        if announced is None and start is None:
            year = integer(col("year"), at("year"), "year (no start_date given)")
            announced = str(year)
        announced = announced or start
        when = start.isoformat() if start else str(announced)[:4]
        policy_id = safe_id("policy", country.lower(), measure.value.replace("_", "-"), hs, when)
        if policy_id in self.seen:
            raise RowError(f"the same measure as line {self.seen[policy_id]} ({policy_id})")
        self.seen[policy_id] = line
        items: list[Item] = []
        sources = [ctx.source_id]
        if col("source"):
            row_source = self._source(col("source"))
            sources.append(row_source.id)
            if row_source.id not in self.sources:
                self.sources.add(row_source.id)
                items.append(row_source)
        label = _LABELS[measure]
        product = f" ({col('product')})" if col("product") else ""
        period = f"from {start.isoformat()}" if start else f"in {when}"
        if end:
            period += f" until {end.isoformat()}"
        legal = f" Legal basis: {col('legal')}." if col("legal") else ""
        status = _word(col("status")) or Status.REPORTED.value
        policy = build(
            Policy,
            {"announced": at("start"), "ended": at("end"), "legal_ref": at("legal"),
             "measure_value": at("value"), "measure_unit": at("unit"), "status": at("status")},
            id=policy_id,
            name=f"{country} {label} on HS {hs}{product}"[:300],
            policy_type=measure,
            summary=f"{label.capitalize()} on HS {hs}{product} by {country}, {period}.{legal}",
            legal_ref=col("legal")[:300] or None,
            announced=announced,
            effective=start,
            ended=end,
            sources=sources,
            status=status,
            hs_codes=(hs,),
            measure_value=number(col("value"), at("value"), "value", required=False),
            measure_unit=col("unit") or None,
            destination_scope=col("destination") or None,
        )  # fmt: skip
        items.append(policy)
        ends: list[tuple[RelType, str]] = []
        if country in ctx.lookups.country_by_iso3:
            ends.append((RelType.ISSUED_BY, ctx.lookups.country_by_iso3[country]))
        mineral = hs_mineral(hs)
        if mineral in ctx.lookups.minerals:
            ends.append((RelType.RESTRICTS, mineral))
        for target in _ISO3.findall(col("destination")):
            if target in ctx.lookups.country_by_iso3:
                ends.append((RelType.TARGETS, ctx.lookups.country_by_iso3[target]))
        items.extend(
            Relationship(
                start=policy.id,
                type=rel,
                end=end_id,
                sources=tuple(sources),
                confidence=CONFIDENCE,
                status=policy.status,
                method=Method.IMPORTED,
                valid_from=start,
                valid_to=end,
            )
            for rel, end_id in ends
        )
        return items

    @staticmethod
    def _source(value: str) -> Source:
        digest = hashlib.sha256(value.encode()).hexdigest()[:16]
        parsed = urlparse(value)
        if parsed.scheme in ("http", "https") and parsed.netloc:
            return Source(
                id=f"source:url-{digest}",
                name=value[:300],
                title=value[:300],
                publisher=parsed.netloc,
                origin=parsed.netloc,
                reliability=Reliability.D,  # not yet graded: an inventory's citation
                source_kind=SourceKind.NEWS_REPORT,
                url=value,
            )
        return Source(
            id=f"source:cited-{digest}",
            name=value[:300],
            title=value[:300],
            publisher="as cited in an export-restriction inventory",
            origin="as cited in an export-restriction inventory",
            reliability=Reliability.D,  # not yet graded: an inventory's citation
            source_kind=SourceKind.NEWS_REPORT,
            citation=value[:5000],
        )
