"""A read run with ``PROFILE``: its rows, its plan and the plan's db hits, for the checks and
benchmarks that keep reads bounded (tests/test_bounded_reads.py, ``make plans``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.client import GraphClient, Record

__all__ = ["Profiled", "db_hits", "profiled"]


def db_hits(plan: Mapping[str, Any]) -> int:
    """The db hits of a profiled plan, its operators' summed."""
    return int(plan.get("dbHits", 0)) + sum(db_hits(child) for child in plan.get("children", []))


@dataclass(frozen=True)
class Profiled:
    rows: list[Record]
    #: The plan as the driver gives it: operatorType, rows, dbHits, args, children.
    plan: Mapping[str, Any]

    @property
    def db_hits(self) -> int:
        return db_hits(self.plan)


def profiled(client: GraphClient, text: LiteralString, params: dict[str, Any]) -> Profiled:
    """Run the read ``text`` with ``PROFILE`` (all its rows read) in a READ transaction."""
    with client.session(read=True) as session:
        result = session.run("PROFILE " + text, params)
        rows = [record.data() for record in result]
        plan = result.consume().profile
    return Profiled(rows, plan or {})
