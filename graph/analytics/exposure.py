"""Industry exposure to a restriction, term by term, and the what-if ranking built on it.

The score is graph/analytics/formula.py's; this module gathers its evidence. The terms come
from the fragment queries/analytics/_exposure_answer.cypher, which GraphQL ``impact`` runs
too, and ``exposure_answer`` turns that answer into the shapes below for every caller.

share(A ← B, M), A the importer (the country of the industry that depends on M directly), B
the restricter (the policy's issuers, or the what-if's restricter), is taken, in this order,
from: TradeFlow rows for M (latest year; B's value over A's imports from the World, or from
all partners listed); curated IMPORTS_FROM claims for M (latest dated year, then highest
confidence, then key); then the same two for each group M is PART_OF. The chosen evidence
is part of every term.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Annotated, Any

from graph.analytics.errors import AnalyticsInputError
from graph.analytics.formula import FORMULA, family, link_weight, score, shown, term_value
from graph.analytics.shapes import Doc, NodeId
from graph.client import GraphClient
from graph.errors import NodeNotFoundError
from schema import MEASURE_REACH, WORLD, Status

__all__ = ["ExposureAnswer", "IndustryExposure", "Link", "Term", "exposure", "exposure_answer"]


@dataclass(frozen=True)
class Link:
    """One link of a term's chain, with its evidence."""

    start: NodeId
    start_name: str | None
    relation: Annotated[
        str, Doc("The relationship type, or TRADE_FLOWS for a share read from trade flows.")
    ]
    end: NodeId
    end_name: str | None
    key: Annotated[str | None, Doc("Tells parallel claims between the same nodes apart.")] = None
    intensity: float | None = None
    weight: Annotated[
        float | None,
        Doc(
            "This link's factor in the term: its intensity, or its confidence when it states "
            "none; null for links that are not factors."
        ),
    ] = None
    share: float | None = None
    year: int | None = None
    confidence: float | None = None
    status: Status | None = None
    sources: tuple[NodeId, ...] = ()
    note: str | None = None
    hypothetical: Annotated[bool, Doc("True for a what-if's assumed restriction.")] = False


@dataclass(frozen=True)
class Term:
    """One restricted mineral's term: the path's intensity × the import share, and why."""

    mineral: NodeId
    mineral_name: str | None
    restricted: Annotated[
        NodeId, Doc("What the restriction names: the mineral itself or its group.")
    ]
    family: Annotated[
        NodeId, Doc("The mineral's family: its group, or itself. One term per family counts.")
    ]
    intensity: Annotated[
        float, Doc("Π of the path's link weights (intensities, or confidences standing in).")
    ]
    intensity_assumed: Annotated[bool, Doc("Some link states no intensity.")]
    share: Annotated[
        float, Doc("The importer's share of this mineral from the restricter (1 when unknown).")
    ]
    share_year: int | None
    share_basis: Annotated[
        str | None, Doc("`trade flows`, `curated import share`, or null when assumed.")
    ]
    share_mineral: Annotated[NodeId | None, Doc("The mineral or group the share is about.")]
    share_assumed: bool
    value: Annotated[float, Doc("intensity × share, rounded.")]
    counted: Annotated[bool, Doc("Whether it is its family's largest term, the one that counts.")]
    contribution: Annotated[
        float,
        Doc("What it adds to the score, largest terms first (0 when not counted); they sum to it."),
    ]
    explanation: str
    chain: tuple[Link, ...]
    share_evidence: Annotated[
        Link | None, Doc("Where the share comes from: a curated claim or trade flows.")
    ]


@dataclass(frozen=True)
class IndustryExposure:
    """An industry's exposure: its terms combined by the formula."""

    industry: NodeId
    name: str | None
    importer: NodeId | None
    exposure: Annotated[float, Doc("The score, 0..1, rounded for display.")]
    exposure_raw: Annotated[float, Doc("The score at full precision.")]
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class ExposureAnswer:
    """Exposure to a restriction. See `formula`."""

    policy: NodeId | None
    policy_name: str | None
    exporters: tuple[NodeId, ...]
    restricted: tuple[NodeId, ...]
    formula: str
    industries: tuple[IndustryExposure, ...]


def _claim_order(claim: dict[str, Any]) -> tuple[int, int, float, str]:
    year = claim.get("year")
    return (0 if year is not None else 1, -(year or 0), -claim["confidence"], claim["key"] or "")


_Share = tuple[float | None, Link | None, str | None, str | None]


def _share(raw: dict[str, Any], scopes: list[str]) -> _Share:
    """The share and its evidence: trade flows first, then curated claims, mineral then groups."""
    importer, importer_iso = raw["importer"], raw["importerIso"]
    # the trade rows: one entry per scope with rows, of its latest year (the query reads no other)
    trade = {entry["scope"]: entry for entry in raw["trade"]}
    for scope in scopes:
        if scope in trade:
            year, rows = int(trade[scope]["year"]), trade[scope]["partners"]
            world = sum(r["value"] for r in rows if r["partner"] == WORLD)
            partners = sum(r["value"] for r in rows if r["partner"] != WORLD)
            from_b = sum(r["value"] for r in rows if r["exporter"])
            total = world or partners
            if total:
                exporters = sorted({r["partner"] for r in rows if r["exporter"]})
                basis = "World" if world else "all partners listed"
                return (
                    min(1.0, from_b / total),
                    Link(
                        start=importer,
                        start_name=importer_iso,
                        relation="TRADE_FLOWS",
                        end=",".join(exporters) or "(restricter)",
                        end_name=None,
                        share=shown(from_b / total),
                        year=year,
                        sources=tuple(sorted(trade[scope]["sources"])),
                        note=(
                            f"imports of {scope} in {year}: {from_b:,.0f} USD from the "
                            f"restricter of {total:,.0f} USD from the {basis}"
                        ),
                    ),
                    "trade flows",
                    scope,
                )
        claims = sorted((c for c in raw["claims"] if c["mineral"] == scope), key=_claim_order)
        if claims:
            c = claims[0]
            link = Link(
                start=c["start"],
                start_name=importer_iso,
                relation="IMPORTS_FROM",
                end=c["end"],
                end_name=None,
                key=c["key"],
                share=c["share"],
                year=c.get("year"),
                confidence=c["confidence"],
                status=c["status"],
                sources=tuple(c["sources"]),
                note=f"claim {c['key']!r} on {scope}" + (f": {c['note']}" if c.get("note") else ""),
            )
            return float(c["share"]), link, "curated import share", scope
    return None, None, None, None


@dataclass(frozen=True)
class _Candidate:
    """A term before the industry's score is known."""

    raw: dict[str, Any]
    links: tuple[Link, ...]  # the dependence path, from the mineral's industry to the industry
    weight: float
    weight_assumed: bool
    share: float | None
    evidence: Link | None
    basis: str | None
    share_scope: str | None
    value: float
    restriction: Link

    @property
    def family(self) -> str:
        return family(self.raw["mineral"], self.raw["groups"])

    @property
    def rank(self) -> tuple[float, bool, int, tuple[tuple[str, str, str, str], ...]]:
        """Larger value first; then a direct restriction before one through a group; then
        the shorter path; then the path's links in order of their ends, type and key, so the
        answer does not depend on the order the graph yields the paths in."""
        path = tuple((link.start, link.relation, link.end, link.key or "") for link in self.links)
        return (-self.value, self.raw["restricted"] != self.raw["mineral"], len(self.links), path)


def _candidate(raw: dict[str, Any], restriction: Link) -> _Candidate:
    weights = [link_weight(link.get("intensity"), link.get("confidence")) for link in raw["links"]]
    links = tuple(
        Link(
            start=link["start"],
            start_name=link["startName"],
            relation=link["relation"],
            end=link["end"],
            end_name=link["endName"],
            key=link.get("key"),
            intensity=link.get("intensity"),
            weight=shown(weight),
            confidence=link.get("confidence"),
            status=link.get("status"),
            sources=tuple(link.get("sources") or ()),
            note=link.get("note"),
        )
        for link, (weight, _) in zip(raw["links"], weights, strict=True)
    )
    share, evidence, basis, share_scope = _share(raw, [raw["mineral"], *sorted(raw["groups"])])
    return _Candidate(
        raw=raw,
        links=links,
        weight=term_value((w for w, _ in weights), None),
        weight_assumed=any(assumed for _, assumed in weights),
        share=share,
        evidence=evidence,
        basis=basis,
        share_scope=share_scope,
        value=term_value((w for w, _ in weights), share),
        restriction=restriction,
    )


def _explain(c: _Candidate, contribution: float | None, counted_mineral: str) -> str:
    raw = c.raw
    factors = " × ".join(
        f"intensity({link.start_name or link.start} → {link.end_name or link.end}) "
        f"{link.intensity:g}"
        if link.intensity is not None
        else f"confidence({link.start_name or link.start} → {link.end_name or link.end}) "
        f"{link.weight:g} (no intensity)"
        for link in reversed(c.links)
    )
    share_text = (
        "share 1 (assumed: no import share found)"
        if c.share is None or c.evidence is None
        else f"share({raw['importerIso']} ← restricter, {raw['mineralName'] or raw['mineral']}"
        f", {c.evidence.year or 'undated'}, {c.basis}) {shown(c.share):g}"
    )
    text = f"{factors} × {share_text} = {shown(c.value):g}"
    if contribution is None:
        return f"{text}; not counted: {counted_mineral} counts for the family {c.family}"
    return f"{text}; adds {shown(contribution):g}"


def _term(c: _Candidate, contribution: float | None, counted_mineral: str) -> Term:
    raw = c.raw
    chain = [c.restriction]
    if raw.get("partOf"):
        part = raw["partOf"]
        chain.append(
            Link(
                start=part["start"],
                start_name=raw["mineralName"],
                relation="PART_OF",
                end=part["end"],
                end_name=raw["restrictedName"],
                key=part.get("key"),
                confidence=part.get("confidence"),
                status=part.get("status"),
                sources=tuple(part.get("sources") or ()),
            )
        )
    chain.extend(c.links)
    return Term(
        mineral=raw["mineral"],
        mineral_name=raw["mineralName"],
        restricted=raw["restricted"],
        family=c.family,
        intensity=shown(c.weight),
        intensity_assumed=c.weight_assumed,
        share=shown(1.0 if c.share is None else c.share),
        share_year=c.evidence.year if c.evidence else None,
        share_basis=c.basis,
        share_mineral=c.share_scope,
        share_assumed=c.share is None,
        value=shown(c.value),
        counted=contribution is not None,
        contribution=shown(contribution or 0.0),
        explanation=_explain(c, contribution, counted_mineral),
        chain=tuple(chain),
        share_evidence=c.evidence,
    )


def _restriction(answer: dict[str, Any], raw: dict[str, Any], policy: str | None,
                 restricter: str | None, hypothetical: bool) -> Link:  # fmt: skip
    """The RESTRICTS link of a term: the policy's strongest claim on what it restricts, or the
    what-if's assumed one."""
    claims = [r for r in answer["restricts"] if r["mineral"] == raw["restricted"]]
    ev = None if hypothetical or not claims else max(
        claims, key=lambda r: (r.get("confidence") or 0.0, r.get("key") or "")
    )  # fmt: skip
    return Link(
        start=policy if ev is not None and policy else (restricter or "(restricter)"),
        start_name=answer["policyName"] if ev is not None else None,
        relation="RESTRICTS",
        end=raw["restricted"],
        end_name=raw["restrictedName"],
        key=ev.get("key") if ev else None,
        confidence=ev.get("confidence") if ev else None,
        status=ev.get("status") if ev else None,
        sources=tuple(ev.get("sources") or ()) if ev else (),
        hypothetical=ev is None,
    )


def _industry(industry_id: str, candidates: list[_Candidate]) -> IndustryExposure:
    scored = score([(c.family, c.raw["mineral"], c.value) for c in candidates])
    counted = {
        c.family: c.raw["mineralName"] or c.raw["mineral"]
        for c, part in zip(candidates, scored.contributions, strict=True)
        if part is not None
    }
    terms = [
        _term(c, part, counted[c.family])
        for c, part in zip(candidates, scored.contributions, strict=True)
    ]
    terms.sort(key=lambda t: (not t.counted, -t.value, t.mineral))
    first = candidates[0].raw
    return IndustryExposure(
        industry=industry_id,
        name=first["industryName"],
        importer=first["importer"],
        exposure=shown(scored.score),
        exposure_raw=scored.score,
        terms=tuple(terms),
    )


def exposure_answer(
    answer: dict[str, Any],
    *,
    policy: str | None,
    restricter: str | None = None,
    minerals: list[str] | None = None,
    target: str | None = None,
) -> ExposureAnswer:
    """The exposure answer from what the fragment analytics/_exposure_answer gathered.

    Per (industry, mineral) the largest term counts. Without a policy (a what-if), terms are
    kept where the assumed measure reaches (schema.MEASURE_REACH: aimed at ``target``, or at
    no one); a policy's reach is applied in the query.
    """
    hypothetical = minerals is not None
    best: dict[tuple[str, str], _Candidate] = {}
    # The trade rows are sent once per importer and mineral scopes, beside the terms.
    trades = {(t["iso"], frozenset(t["scopes"])): t["trade"] for t in answer["trades"]}
    for term in answer["terms"]:
        scopes = frozenset([term["mineral"], *term["groups"]])
        raw = term | {"trade": trades.get((term["importerIso"], scopes), [])}
        if policy is None and not MEASURE_REACH.reaches(
            [raw["importer"]] if raw["importer"] else [],
            [target] if target else [],
            answer["exporters"],
        ):
            continue
        restriction = _restriction(answer, raw, policy, restricter, hypothetical)
        candidate = _candidate(raw, restriction)
        key = (raw["industry"], raw["mineral"])
        if key not in best or candidate.rank < best[key].rank:
            best[key] = candidate
    per_industry: dict[str, list[_Candidate]] = defaultdict(list)
    for (industry_id, _), candidate in sorted(best.items()):
        per_industry[industry_id].append(candidate)
    industries = sorted(
        (_industry(i, candidates) for i, candidates in per_industry.items()),
        key=lambda i: (-i.exposure_raw, i.industry),
    )
    return ExposureAnswer(
        policy=policy,
        policy_name=answer["policyName"],
        exporters=tuple(answer["exporters"]),
        restricted=tuple(answer["restrictedIds"]),
        formula=FORMULA,
        industries=tuple(industries),
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
    )[0]["answer"]
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
    return exposure_answer(
        answer, policy=policy, restricter=restricter, minerals=minerals or None, target=target
    )
