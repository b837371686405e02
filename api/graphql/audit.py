"""``audit``: the record's health as GraphQL, the same report as ``dyad audit --graph``."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.types import Info

from api.graphql.analytics import run_analysis
from api.graphql.context import RequestContext
from api.graphql.enums import RELIABILITIES, STATUSES, NodeKind, Reliability, Status
from loaders.audit import AuditReport, Finding, audit_graph

__all__ = ["AuditFields", "RecordAudit"]


@strawberry.type(description="A fact or source the audit names, and why.")
class AuditFinding:
    subject: str = strawberry.field(description="A node id, or `start -[TYPE]-> end (key)`.")
    message: str


@strawberry.type(description="How many facts (nodes and relationships) have one status.")
class StatusCount:
    status: Status
    count: int


@strawberry.type(description="How many sources have one grade.")
class GradeCount:
    grade: Reliability
    count: int


@strawberry.type(description="The newest curated fact of one kind.")
class NewestFact:
    kind: NodeKind
    date: dt.date
    id: strawberry.ID


@strawberry.type(
    description="The record's health by the rules of docs/CORPUS.md; healthy when no fact "
    "breaks a rule."
)
class RecordAudit:
    healthy: bool
    facts_by_status: list[StatusCount]
    sources_by_grade: list[GradeCount]
    breaches: list[AuditFinding]
    unused_sources: list[AuditFinding]
    sources_without_url: list[AuditFinding]
    newest: list[NewestFact]
    seed_only: list[AuditFinding] = strawberry.field(
        description="Facts whose only source is the seed article."
    )


def _findings(findings: list[Finding]) -> list[AuditFinding]:
    return [AuditFinding(subject=f.subject, message=f.message) for f in findings]


def build_audit(report: AuditReport) -> RecordAudit:
    return RecordAudit(
        healthy=report.healthy,
        facts_by_status=[
            StatusCount(status=STATUSES[s], count=n) for s, n in report.facts_by_status.items()
        ],
        sources_by_grade=[
            GradeCount(grade=RELIABILITIES[g], count=n) for g, n in report.sources_by_grade.items()
        ],
        breaches=_findings(report.breaches),
        unused_sources=_findings(report.unused_sources),
        sources_without_url=_findings(report.sources_without_url),
        newest=[
            NewestFact(kind=NodeKind(n.kind), date=n.date, id=strawberry.ID(n.id))
            for n in report.newest
        ],
        seed_only=_findings(report.seed_only),
    )


@strawberry.type(description="The record's audit; the root `Query` inherits it.")
class AuditFields:
    @strawberry.field(
        description="The record's health: facts by status, sources by grade, every fact that "
        "breaks a status rule, unused and URL-less sources, the newest fact of each kind."
    )
    async def audit(self, info: Info[RequestContext, None]) -> RecordAudit:
        report = await run_analysis(lambda: audit_graph(info.context.client))
        return build_audit(report)
