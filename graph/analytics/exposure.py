"""Industry exposure to a restriction, term by term, and the what-if ranking built on it.

    exposure(X) = Σ over restricted minerals M of  Π intensity(DEPENDS_ON links X → … → M)
                                                  × share(A ← B, M)

A is the country of the industry that depends on M directly (the importer), B the country
that restricts (the policy's issuers, or the what-if's restricter). M counts when it is
restricted itself or is PART_OF a restricted group; per (industry, mineral) the path with the
largest value counts. As in ``impact`` (api/graphql/impact.py), a missing intensity or share
counts as 1 and is flagged as assumed.

share(A ← B, M) is taken, in this order, from: TradeFlow rows for M (latest year; B's value
over A's imports from the World, or from all partners listed); curated IMPORTS_FROM claims
for M (latest dated year, then highest confidence, then key); then the same two for each
group M is PART_OF. The chosen evidence is part of every term.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.analytics.errors import AnalyticsInputError
from graph.client import GraphClient
from graph.errors import NodeNotFoundError
from schema import WORLD

__all__ = ["FORMULA", "ExposureAnswer", "IndustryExposure", "Link", "Term", "exposure"]

FORMULA = (
    "exposure(industry) = Σ over restricted minerals M of Π intensity(DEPENDS_ON links from the "
    "industry to M) × share(importer ← restricter, M); per mineral the largest path counts; a "
    "missing intensity or share counts as 1 and is flagged as assumed"
)


@dataclass(frozen=True)
class Link:
    """One link of a term's chain, with its evidence."""

    start: str
    start_name: str | None
    relation: str
    end: str
    end_name: str | None
    intensity: float | None = None
    share: float | None = None
    year: int | None = None
    confidence: float | None = None
    status: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None
    hypothetical: bool = False


@dataclass(frozen=True)
class Term:
    mineral: str
    mineral_name: str | None
    restricted: str
    intensity: float
    intensity_assumed: bool
    share: float
    share_year: int | None
    share_basis: str | None  # "trade flows", "curated import share", or None when assumed
    share_mineral: str | None
    share_assumed: bool
    value: float
    chain: tuple[Link, ...]
    explanation: str


@dataclass(frozen=True)
class IndustryExposure:
    industry: str
    name: str | None
    importer: str | None
    exposure: float
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class ExposureAnswer:
    policy: str | None
    policy_name: str | None
    exporters: tuple[str, ...]
    restricted: tuple[str, ...]
    formula: str
    industries: tuple[IndustryExposure, ...]


def _claim_order(claim: dict[str, Any]) -> tuple[int, int, float, str]:
    year = claim.get("year")
    return (0 if year is not None else 1, -(year or 0), -claim["confidence"], claim["key"] or "")


_Share = tuple[float | None, Link | None, str | None, str | None]


def _share(raw: dict[str, Any], scopes: list[str]) -> _Share:
    """The share and its evidence: trade flows first, then curated claims, mineral then groups."""
    importer, importer_iso = raw["importer"], raw["importerIso"]
    for scope in scopes:
        years: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in raw["trade"]:
            if row["scope"] == scope:
                years[int(row["year"])].append(row)
        if years:
            year = max(years)
            rows = years[year]
            world = sum(r["value"] for r in rows if r["partner"] == WORLD)
            partners = sum(r["value"] for r in rows if r["partner"] != WORLD)
            from_b = sum(r["value"] for r in rows if r["exporter"])
            total = world or partners
            if total:
                exporters = sorted({r["partner"] for r in rows if r["exporter"]})
                basis = "World" if world else "all partners listed"
                link = Link(
                    start=importer,
                    start_name=importer_iso,
                    relation="TRADE_FLOWS",
                    end=",".join(exporters) or "(restricter)",
                    end_name=None,
                    share=from_b / total,
                    year=year,
                    sources=tuple(sorted({s for r in rows for s in r["sources"]})),
                    note=(
                        f"imports of {scope} in {year}: {from_b:,.0f} USD from the restricter "
                        f"of {total:,.0f} USD from the {basis}"
                    ),
                )
                return from_b / total, link, "trade flows", scope
        claims = sorted((c for c in raw["claims"] if c["mineral"] == scope), key=_claim_order)
        if claims:
            c = claims[0]
            link = Link(
                start=c["start"],
                start_name=importer_iso,
                relation="IMPORTS_FROM",
                end=c["end"],
                end_name=None,
                share=c["share"],
                year=c.get("year"),
                confidence=c["confidence"],
                status=c["status"],
                sources=tuple(c["sources"]),
                note=f"claim {c['key']!r} on {scope}" + (f": {c['note']}" if c.get("note") else ""),
            )
            return float(c["share"]), link, "curated import share", scope
    return None, None, None, None


def _term(raw: dict[str, Any], restriction: Link) -> Term:
    links = [
        Link(
            start=link["start"],
            start_name=link["startName"],
            relation="DEPENDS_ON",
            end=link["end"],
            end_name=link["endName"],
            intensity=link.get("intensity"),
            confidence=link.get("confidence"),
            status=link.get("status"),
            sources=tuple(link.get("sources") or ()),
            note=link.get("note"),
        )
        for link in raw["links"]
    ]
    intensities = [link.intensity for link in links]
    intensity = math.prod(1.0 if i is None else i for i in intensities)
    groups = {c["mineral"] for c in raw["claims"]} | {t["scope"] for t in raw["trade"]}
    scopes = [raw["mineral"], *sorted(groups - {raw["mineral"]})]
    share, evidence, basis, share_scope = _share(raw, scopes)
    value = intensity * (1.0 if share is None else share)
    chain = [restriction]
    if raw.get("partOf"):
        part = raw["partOf"]
        chain.append(
            Link(
                start=part["start"],
                start_name=raw["mineralName"],
                relation="PART_OF",
                end=part["end"],
                end_name=raw["restrictedName"],
                confidence=part.get("confidence"),
                status=part.get("status"),
                sources=tuple(part.get("sources") or ()),
            )
        )
    chain.extend(links)
    if evidence is not None:
        chain.append(evidence)
    factors = " × ".join(
        f"intensity({link.start_name or link.start} → {link.end_name or link.end}) "
        + ("1 (assumed)" if link.intensity is None else f"{link.intensity:g}")
        for link in reversed(links)
    )
    share_text = (
        "share 1 (assumed: no import share found)"
        if share is None or evidence is None
        else f"share({raw['importerIso']} ← restricter, {raw['mineralName'] or raw['mineral']}"
        f", {evidence.year or 'undated'}, {basis}) {share:.4g}"
    )
    return Term(
        mineral=raw["mineral"],
        mineral_name=raw["mineralName"],
        restricted=raw["restricted"],
        intensity=intensity,
        intensity_assumed=any(i is None for i in intensities),
        share=1.0 if share is None else share,
        share_year=evidence.year if evidence else None,
        share_basis=basis,
        share_mineral=share_scope,
        share_assumed=share is None,
        value=value,
        chain=tuple(chain),
        explanation=f"{factors} × {share_text} = {value:.4g}",
    )


def _country_id(value: str | None) -> str | None:
    """``CHN`` → ``country:CHN``; ids pass through."""
    if value is not None and len(value) == 3 and value.isalpha() and value.isupper():
        return f"country:{value}"
    return value


def exposure(
    client: GraphClient,
    *,
    industry: str | None = None,
    target: str | None = None,
    policy: str | None = None,
    restricter: str | None = None,
    minerals: list[str] | None = None,
) -> ExposureAnswer:
    """Exposure of one industry, or the ranking of a country's industries, to a restriction.

    Give ``policy``, or ``restricter`` (a country id) and ``minerals`` (mineral ids) for a
    what-if; give ``industry`` for one industry or ``target`` (a country id) for a ranking.
    """
    restricter, target = _country_id(restricter), _country_id(target)
    if policy is None and (restricter is None or not minerals):
        raise AnalyticsInputError("policy", "give a policy, or a restricter and minerals")
    answer = client.read(
        "analytics/exposure_terms",
        industry=industry,
        target=target,
        policy=policy,
        restricter=restricter,
        minerals=minerals,
    )[0]
    for wanted, found in (
        (policy, answer["policyFound"]),
        (industry, answer["industryFound"]),
        (target, answer["targetFound"]),
        (restricter, bool(answer["exporterIsos"])),
    ):
        if wanted is not None and not found:
            raise NodeNotFoundError(wanted)
    for mineral in set(minerals or ()) - set(answer["knownMinerals"]):
        raise NodeNotFoundError(mineral)
    restricts = {r["mineral"]: r for r in answer["restricts"]}
    best: dict[tuple[str, str], tuple[Term, dict[str, Any]]] = {}
    for raw in answer["terms"]:
        ev = restricts.get(raw["restricted"]) if minerals is None else None
        restriction = Link(
            start=policy if ev is not None and policy else (restricter or "(restricter)"),
            start_name=answer["policyName"] if ev is not None else None,
            relation="RESTRICTS",
            end=raw["restricted"],
            end_name=raw["restrictedName"],
            confidence=ev.get("confidence") if ev else None,
            status=ev.get("status") if ev else None,
            sources=tuple(ev.get("sources") or ()) if ev else (),
            hypothetical=ev is None,
        )
        term = _term(raw, restriction)
        key = (raw["industry"], raw["mineral"])
        if key not in best or term.value > best[key][0].value:
            best[key] = (term, raw)
    per_industry: dict[str, list[tuple[Term, dict[str, Any]]]] = defaultdict(list)
    for (industry_id, _), pair in best.items():
        per_industry[industry_id].append(pair)
    industries = [
        IndustryExposure(
            industry=industry_id,
            name=pairs[0][1]["industryName"],
            importer=pairs[0][1]["importer"],
            exposure=round(sum(t.value for t, _ in pairs), 6),
            terms=tuple(sorted((t for t, _ in pairs), key=lambda t: (-t.value, t.mineral))),
        )
        for industry_id, pairs in per_industry.items()
    ]
    industries.sort(key=lambda i: (-i.exposure, i.industry))
    return ExposureAnswer(
        policy=policy,
        policy_name=answer["policyName"],
        exporters=tuple(answer["exporters"]),
        restricted=tuple(answer["restrictedIds"]),
        formula=FORMULA,
        industries=tuple(industries),
    )
