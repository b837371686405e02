"""UN Comtrade CSV → ``TradeFlow`` nodes per reporter, partner, flow, HS code and period.

Columns are found by name (API field names such as ``reporterISO``, ``partnerCode``,
``cmdCode``, ``refYear``, ``flowCode``, ``primaryValue``, ``netWgt``; or the same words
spaced). Reporter and partner may be ISO3 codes or UN M49 numbers (resolved through the
graph's countries); partner ``0``/``W00``/``WLD`` is the World, kept as ``WLD``, the
denominator of import shares. Only HS codes ``schema.HS_MINERALS`` attributes to a mineral
are kept; others are counted on the file's Source node as skipped. A flow's id is
``tradeflow:<reporter>-<partner>-<flow>-<hs>-<period>``; two rows with the same id are an
error (a file with breakdowns by customs procedure or transport mode double counts), and so
is a row with more or fewer fields than the header.
"""

from __future__ import annotations

from collections.abc import Iterable

from loaders.research_data.stream import FileContext, Item, RowError, build
from loaders.research_data.values import csv_fields, integer, map_header, number
from schema import (
    SHARED_HS_CODES,
    WORLD,
    Method,
    Relationship,
    Reliability,
    RelType,
    SourceKind,
    Status,
    TradeFlow,
    hs_mineral,
)

__all__ = ["ComtradeReader"]

_COLUMNS: dict[str, tuple[str, ...]] = {
    "reporter_iso": ("reporteriso", "reporteriso3", "reporter"),
    "reporter_code": ("reportercode", "reporterm49"),
    "partner_iso": ("partneriso", "partneriso3", "partner"),
    "partner_code": ("partnercode", "partnerm49"),
    "hs": ("cmdcode", "commoditycode", "hscode", "hs", "hs6"),
    "year": ("refyear", "year"),
    "period": ("period",),
    "flow": ("flowcode", "flow", "tradeflow", "flowdesc"),
    "value": ("primaryvalue", "tradevalueus", "tradevalueusd", "tradevalue", "valueusd", "value"),
    "net": ("netwgt", "netweightkg", "netweight"),
    "classification": ("classificationcode", "classification"),
}
_WORLD_CODES = {"0", "000", "W00", "WLD", "WORLD"}
_FLOWS = {"M": "M", "IMPORT": "M", "IMPORTS": "M", "X": "X", "EXPORT": "X", "EXPORTS": "X"}
_FLOW_WORDS = {"M": "imports", "X": "exports"}


class ComtradeReader:
    name = "comtrade"
    title = "UN Comtrade trade flows (CSV)"
    publisher = "UN Comtrade (file supplied by the user)"
    reliability = Reliability.A  # official trade statistics reported by customs offices
    kind = SourceKind.DATASET

    def __init__(self) -> None:
        self.at: dict[str, int] = {}
        self.width = 0
        self.seen: dict[str, int] = {}

    def header(self, ctx: FileContext, line: int, text: str) -> bool:
        self.at, self.width = map_header(text, _COLUMNS)
        missing = [
            label
            for label, fields in (
                ("reporterISO or reporterCode", ("reporter_iso", "reporter_code")),
                ("partnerISO or partnerCode", ("partner_iso", "partner_code")),
                ("cmdCode", ("hs",)),
                ("refYear or period", ("year", "period")),
                ("flowCode", ("flow",)),
                ("primaryValue", ("value",)),
            )
            if not any(f in self.at for f in fields)
        ]
        if missing:
            raise RowError(f"the header lacks required columns ({', '.join(missing)})")
        return True

    def _country(self, ctx: FileContext, fields: list[str], role: str) -> str:
        for kind in ("iso", "code"):
            index = self.at.get(f"{role}_{kind}", -1)
            value = fields[index].strip() if 0 <= index < len(fields) else ""
            if not value:
                continue
            if value.upper() in _WORLD_CODES:
                return WORLD
            iso3 = ctx.lookups.iso3(value if kind == "code" else value.upper())
            if iso3 is None:
                raise RowError(
                    f"{role} {value!r} is neither an ISO3 code nor the M49 code of a country "
                    "in the graph",
                    index + 1,
                )
            return iso3
        index = self.at.get(f"{role}_iso", self.at.get(f"{role}_code", 0))
        raise RowError(f"{role} is empty", index + 1)

    def row(self, ctx: FileContext, line: int, text: str) -> Iterable[Item]:
        fields = csv_fields(text, self.width)

        def col(field: str) -> str:
            index = self.at.get(field)
            return fields[index].strip() if index is not None and index < len(fields) else ""

        def at(field: str) -> int:
            return self.at.get(field, 0) + 1

        hs = col("hs")
        mineral = hs_mineral(hs) if hs.isdigit() else None
        if mineral is None:
            why = (
                "rows with HS codes shared by several minerals"
                if hs in SHARED_HS_CODES
                else ("rows with HS codes no mineral is mapped to")
            )
            ctx.skipped[why] += 1
            return []
        reporter = self._country(ctx, fields, "reporter")
        partner = self._country(ctx, fields, "partner")
        flow_text = col("flow").upper()
        flow = _FLOWS.get(flow_text, flow_text)
        period = col("period") or col("year")
        year = integer(period[:4], at("period") if col("period") else at("year"), "year")
        flow_id = f"tradeflow:{reporter}-{partner}-{flow}-{hs}-{period}"
        if flow_id in self.seen:
            raise RowError(
                f"a second row for {reporter} {flow} {hs} {partner} {period} "
                f"(first at line {self.seen[flow_id]}); keep one total row per flow"
            )
        self.seen[flow_id] = line
        columns = {
            "flow": at("flow"),
            "period": at("period") if col("period") else at("year"),
            "year": at("period") if col("period") else at("year"),
            "value_usd": at("value"),
            "net_weight_kg": at("net"),
            "hs_code": at("hs"),
        }
        where = "the World" if partner == WORLD else partner
        node = build(
            TradeFlow,
            columns,
            id=flow_id,
            name=f"{reporter} {_FLOW_WORDS.get(flow, flow)} of HS {hs}, {where}, {period}",
            sources=[ctx.source_id],
            status="confirmed",
            reporter=reporter,
            partner=partner,
            flow=flow,
            hs_code=hs,
            mineral=mineral,
            year=year,
            period=period,
            value_usd=number(col("value"), at("value"), "primaryValue"),
            net_weight_kg=number(col("net"), at("net"), "netWgt", required=False),
            classification=col("classification") or None,
        )
        links: list[Item] = [node]
        for role, code in (("reporter", reporter), ("partner", partner)):
            country = ctx.lookups.country_by_iso3.get(code)
            if country:
                links.append(_link(ctx, node, RelType.INVOLVES, country, role))
        if mineral in ctx.lookups.minerals:
            links.append(_link(ctx, node, RelType.ABOUT, mineral, ""))
        return links


def _link(ctx: FileContext, node: TradeFlow, rel: RelType, end: str, role: str) -> Relationship:
    return Relationship(
        start=node.id,
        type=rel,
        end=end,
        key=role,
        role=role or None,
        year=node.year,
        sources=(ctx.source_id,),
        confidence=1.0,
        status=Status.CONFIRMED,
        method=Method.IMPORTED,
    )
