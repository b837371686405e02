"""``dyad series``, ``dyad dependence``, ``dyad exposure``, ``dyad what-if``: research answers.

Each prints a table (or ``--json``) computed by ``graph.analytics`` from one named query.
Bad arguments exit 2 with the argument named; unknown ids exit 2 too.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from typing import Any

from rich.table import Table

from api.cli_support import EXIT_BAD_INPUT, CliSettings, open_client, out
from graph import NodeNotFoundError
from graph.analytics import ExposureAnswer, dyad_series, exposure, import_dependence
from graph.analytics.errors import AnalyticsInputError

__all__ = ["register"]


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, default=str) + "\n")


def _fmt(value: float | None, digits: int = 4) -> str:
    return "–" if value is None else f"{value:.{digits}g}"


def _guarded(args: argparse.Namespace, settings: CliSettings) -> int:
    try:
        code: int = args.analytic(args, settings)
        return code
    except AnalyticsInputError as exc:
        print(f"dyad: --{exc.argument.replace('_', '-')}: {exc}", file=sys.stderr)
    except NodeNotFoundError as exc:
        print(f"dyad: {exc}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _series(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        points = dyad_series(
            client,
            args.actors.split(","),
            date_from=args.date_from,
            date_to=args.date_to,
            dataset=args.dataset,
        )
    if args.json:
        _print_json([dataclasses.asdict(p) for p in points])
        return 0
    table = Table(title=f"Dyad series {args.actors}")
    for column in ("month", "direction", "N", "Q1", "Q2", "Q3", "Q4", "ΣGoldstein",
                   "mean", "conflict", "tone (art.-weighted)"):  # fmt: skip
        table.add_column(column, justify="left" if column in ("month", "direction") else "right")
    for p in points:
        table.add_row(
            p.month, p.direction, str(p.events), *(str(q) for q in p.quad_counts),
            f"{p.goldstein_sum:.2f}", _fmt(p.goldstein_mean), _fmt(p.conflict_share),
            _fmt(p.weighted_tone),
        )  # fmt: skip
    out.print(table)
    return 0


def _dependence(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        answer = import_dependence(
            client, args.importer, args.exporter, args.mineral,
            year_from=args.from_year, year_to=args.to_year,
        )  # fmt: skip
    if args.json:
        _print_json(dataclasses.asdict(answer))
        return 0
    table = Table(title=f"{answer.importer} imports of {answer.mineral} from {answer.exporter}")
    for column in ("year", "share", "from exporter (USD)", "total (USD)", "denominator",
                   "HHI", "band", "suppliers"):  # fmt: skip
        table.add_column(column)
    for y in answer.years:
        suppliers = ", ".join(f"{s.partner} {s.share:.3f}" for s in y.suppliers)
        table.add_row(
            str(y.year), _fmt(y.share), f"{y.from_exporter_usd:,.0f}", f"{y.total_usd:,.0f}",
            y.denominator, f"{y.hhi:,.0f}", y.band, suppliers,
        )  # fmt: skip
    out.print(table)
    if not answer.years:
        out.print(
            "No trade flows for this importer and mineral (load some with --format comtrade)."
        )
    return 0


def _print_exposure(answer: ExposureAnswer) -> None:
    what = answer.policy_name or answer.policy or "the restriction"
    out.print(f"[bold]Exposure to {what}[/bold] (restricting: {', '.join(answer.exporters)})")
    out.print(answer.formula)
    if not answer.industries:
        out.print("No industry depends on the restricted minerals.")
    for rank, industry in enumerate(answer.industries, 1):
        out.print(
            f"\n{rank}. [bold]{industry.name}[/bold] ({industry.industry}) "
            f"exposure = {industry.exposure:.4g}"
        )
        table = Table()
        for column in ("mineral", "intensity", "share", "share basis", "year", "term", "adds"):
            table.add_column(column)
        for t in industry.terms:
            basis = "assumed 1" if t.share_assumed else f"{t.share_basis} ({t.share_mineral})"
            table.add_row(
                t.mineral, _fmt(t.intensity), _fmt(t.share), basis,
                str(t.share_year or "–"), _fmt(t.value),
                _fmt(t.contribution) if t.counted else f"– ({t.family})",
            )  # fmt: skip
        out.print(table)
        for t in industry.terms:
            out.print(f"  {t.mineral}: {t.explanation}")
            for link in t.chain:
                ends = f"{link.start_name or link.start} -[{link.relation}]-> "
                ends += link.end_name or link.end
                extra = [
                    f"{name} {value}"
                    for name, value in (
                        ("intensity", link.intensity), ("share", link.share),
                        ("year", link.year), ("confidence", link.confidence),
                    )
                    if value is not None
                ]  # fmt: skip
                if link.hypothetical:
                    extra.append("what-if")
                if link.sources:
                    extra.append("sources " + ", ".join(link.sources))
                out.print(f"      {ends}  ({'; '.join(extra)})")


def _minerals(text: str | None) -> list[str] | None:
    return [m.strip() for m in text.split(",") if m.strip()] if text else None


def _exposure(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        answer = exposure(
            client,
            industry=args.industry,
            policy=args.policy,
            restricter=args.restricter,
            minerals=_minerals(args.minerals),
        )
    return _show_exposure(answer, as_json=args.json)


def _what_if(args: argparse.Namespace, settings: CliSettings) -> int:
    with open_client(settings) as client:
        answer = exposure(
            client,
            target=args.target,
            restricter=args.restricter,
            minerals=_minerals(args.minerals),
        )
    return _show_exposure(answer, as_json=args.json)


def _show_exposure(answer: ExposureAnswer, *, as_json: bool) -> int:
    if as_json:
        _print_json(dataclasses.asdict(answer))
    else:
        _print_exposure(answer)
    return 0


def register(commands: Any) -> None:
    series = commands.add_parser("series", help="the dyad's monthly event series, by direction")
    series.add_argument(
        "--actors", default="CHN,JPN", help="country ids or ISO3 codes (default CHN,JPN)"
    )
    series.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, default=None)
    series.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, default=None)
    series.add_argument("--dataset", choices=("gdelt", "polecat"), default=None)
    series.add_argument("--json", action="store_true", help="print JSON")
    series.set_defaults(func=_guarded, analytic=_series)

    dep = commands.add_parser("dependence", help="import share and supplier HHI, per year")
    dep.add_argument("--importer", required=True, help="a country id or ISO3 (country:JPN, JPN)")
    dep.add_argument("--exporter", required=True, help="a country id or ISO3 (country:CHN, CHN)")
    dep.add_argument("--mineral", required=True, help="a mineral id, e.g. mineral:rare-earths")
    dep.add_argument("--from-year", type=int, default=None)
    dep.add_argument("--to-year", type=int, default=None)
    dep.add_argument("--json", action="store_true", help="print JSON")
    dep.set_defaults(func=_guarded, analytic=_dependence)

    exp = commands.add_parser("exposure", help="an industry's exposure to a policy, term by term")
    exp.add_argument("--industry", required=True, help="an industry id")
    exp.add_argument("--policy", default=None, help="a policy id")
    exp.add_argument("--restricter", default=None, help="what-if: a country id or ISO3")
    exp.add_argument("--minerals", default=None, help="what-if: mineral ids, comma-separated")
    exp.add_argument("--json", action="store_true", help="print JSON")
    exp.set_defaults(func=_guarded, analytic=_exposure)

    what_if = commands.add_parser(
        "what-if", help="if RESTRICTER restricts MINERALS to TARGET: industries ranked"
    )
    what_if.add_argument("--restricter", required=True, help="a country id or ISO3 (CHN)")
    what_if.add_argument("--target", required=True, help="a country id or ISO3 (JPN)")
    what_if.add_argument("--minerals", required=True, help="mineral ids, comma-separated")
    what_if.add_argument("--json", action="store_true", help="print JSON")
    what_if.set_defaults(func=_guarded, analytic=_what_if)
