"""What claim extraction looks up in the graph: statements, policies and office terms.

Read once per article (three named queries) and searched in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graph import GraphClient
from loaders.article.roles import OfficeTerm, read_office_terms

__all__ = ["Catalogue", "PolicyInfo", "StatementInfo"]

#: How far from the article's date a measure it describes may lie when no date is given:
#: a year back, and a month ahead (an informal measure's date is its first report, which
#: an article may precede).
_BEFORE = dt.timedelta(days=365)
_AFTER = dt.timedelta(days=31)
#: Statements a "remark" may refer to when the text gives no date: the last four months.
_REMARK_WINDOW = dt.timedelta(days=122)


@dataclass(frozen=True)
class StatementInfo:
    id: str
    date: dt.date | None
    speakers: frozenset[str]
    provoked: int


@dataclass(frozen=True)
class PolicyInfo:
    id: str
    policy_type: str
    announced: dt.date | None
    issuers: frozenset[str]
    targets: frozenset[str]


@dataclass
class Catalogue:
    statements: list[StatementInfo] = field(default_factory=list)
    policies: list[PolicyInfo] = field(default_factory=list)
    office_terms: list[OfficeTerm] = field(default_factory=list)

    @classmethod
    def from_graph(cls, client: GraphClient) -> Catalogue:
        statements = [
            StatementInfo(r["id"], _date(r["date"]), frozenset(r["speakers"]), int(r["provoked"]))
            for r in client.read("article/statements")
        ]
        policies = [
            PolicyInfo(
                r["id"],
                str(r["policy_type"]),
                _date(r["announced"]),
                frozenset(r["issuers"]),
                frozenset(r["targets"]),
            )
            for r in client.read("article/policies")
        ]
        return cls(statements, policies, read_office_terms(client))

    def remark_by(
        self, speaker: str, day: dt.date | None, window: tuple[dt.date, dt.date] | None
    ) -> StatementInfo | None:
        """The statement by ``speaker`` a reference to their "remarks" most likely means.

        Within the text's own date span if it gives one, else the months before the article.
        Statements the graph already knows as provocations come first (they are what news
        calls "the remarks"), then the earliest.
        """
        if window is None:
            if day is None:
                return None
            window = (day - _REMARK_WINDOW, day)
        first, last = window
        found = [
            s
            for s in self.statements
            if speaker in s.speakers and s.date is not None and first <= s.date <= last
        ]
        if not found:
            return None
        return min(found, key=lambda s: (-s.provoked, s.date or dt.date.max, s.id))

    def measures(
        self,
        policy_type: str,
        actor: str | None,
        target: str | None,
        day: dt.date | None,
        window: tuple[dt.date, dt.date] | None,
    ) -> list[PolicyInfo]:
        """Policies of a type by an actor in a date span; those aimed at ``target`` first.

        Returns every candidate: a caller uses one only when it is the only one.
        """
        if window is None and day is not None:
            window = (day - _BEFORE, day + _AFTER)
        found = [
            p
            for p in self.policies
            if p.policy_type == policy_type
            and (actor is None or actor in p.issuers)
            and (
                window is None
                or (p.announced is not None and window[0] <= p.announced <= window[1])
            )
        ]
        if target is not None and any(target in p.targets for p in found):
            found = [p for p in found if target in p.targets]
        return found


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None
