"""Import dependence from trade flows: A's share of mineral M from B, and the HHI of A's suppliers.

For each year: the denominator is A's reported imports of M from the World (partner WLD)
when the data has that row, otherwise the sum over the partners present. share(B) =
imports(A ← B) / denominator. HHI = Σ over partners j of (100 · s_j)², on the 0..10,000
scale, with the DOJ/FTC 2010 bands: below 1,500 unconcentrated, 1,500–2,500 moderately,
above 2,500 highly concentrated. When a World row exists and the partners do not add up to
it, the HHI covers the partners named only (``partner_coverage`` says how much).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from graph.analytics.errors import check_iso3
from graph.analytics.shapes import Doc, NodeId
from graph.client import GraphClient
from graph.errors import NodeNotFoundError
from schema import WORLD

__all__ = ["Dependence", "DependenceYear", "Supplier", "hhi_band", "import_dependence"]


@dataclass(frozen=True)
class Supplier:
    """One supplier of the importer, with its share of the total."""

    partner: str
    value_usd: float
    share: float


@dataclass(frozen=True)
class DependenceYear:
    """One year of import dependence."""

    year: int
    denominator: Annotated[str, Doc("`world` or `sum of partners`.")]
    total_usd: float
    from_exporter_usd: float
    share: float | None
    hhi: Annotated[float, Doc("Σ (100 · share)² over the partners, 0..10,000.")]
    band: str
    partner_coverage: float | None
    suppliers: tuple[Supplier, ...]
    sources: tuple[NodeId, ...]


@dataclass(frozen=True)
class Dependence:
    """Importer's dependence on the exporter for a mineral, from trade flows."""

    importer: str
    exporter: str
    mineral: NodeId
    minerals_counted: tuple[NodeId, ...]
    years: tuple[DependenceYear, ...]


def hhi_band(hhi: float) -> str:
    if hhi < 1500:
        return "unconcentrated"
    if hhi <= 2500:
        return "moderately concentrated"
    return "highly concentrated"


def import_dependence(
    client: GraphClient,
    importer: str,
    exporter: str,
    mineral: str,
    *,
    year_from: int | None = None,
    year_to: int | None = None,
) -> Dependence:
    """``importer`` and ``exporter`` are country ids (or ISO3 codes); ``mineral`` a mineral id."""
    importer = check_iso3("importer", importer)
    exporter = check_iso3("exporter", exporter)
    answer = client.read(
        "analytics/import_flows",
        importer=importer,
        mineral=mineral,
        **{"from": year_from, "to": year_to},
    )[0]
    if not answer["found"]:
        raise NodeNotFoundError(mineral)
    by_year: dict[int, list[dict[str, object]]] = {}
    for row in answer["rows"]:
        by_year.setdefault(int(row["year"]), []).append(row)
    years = []
    for year, rows in sorted(by_year.items()):
        values = {str(r["partner"]): float(r["value"]) for r in rows}  # type: ignore[arg-type]
        world = values.pop(WORLD, None)
        partners_total = sum(values.values())
        total = world if world is not None else partners_total
        shares = {p: (v / total if total else 0.0) for p, v in values.items()}
        hhi = sum((100 * s) ** 2 for s in shares.values())
        sources = sorted({s for r in rows for s in r["sources"]})  # type: ignore[attr-defined]
        years.append(
            DependenceYear(
                year=year,
                denominator="world" if world is not None else "sum of partners",
                total_usd=total,
                from_exporter_usd=values.get(exporter, 0.0),
                share=shares.get(exporter, 0.0) if total else None,
                hhi=round(hhi, 6),
                band=hhi_band(hhi),
                partner_coverage=partners_total / world if world else None,
                suppliers=tuple(
                    Supplier(p, v, shares[p])
                    for p, v in sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
                sources=tuple(sources),
            )
        )
    return Dependence(
        importer=importer,
        exporter=exporter,
        mineral=mineral,
        minerals_counted=tuple(answer["minerals"]),
        years=tuple(years),
    )
