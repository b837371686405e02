"""``dyad audit``: the record's health, from the corpus files or from the graph.

It counts facts by status and sources by grade, lists every fact that breaks a status rule of
``schema/rules.py`` (with file:line when read from files), the sources nothing cites, the
sources without a URL, the newest dated fact of each kind, and the facts whose only support is
the seed article. A record is healthy when it has no breach.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph import GraphClient
from graph.exports import read_graph
from graph.graph_form import json_safe
from loaders.corpus import collect_files, read_items
from loaders.errors import InvalidInputError
from loaders.validate import validate_items
from schema import (
    NODE_MODELS,
    Label,
    Node,
    Relationship,
    RelType,
    Source,
    breaches_of,
    grade_of,
)

__all__ = ["SEED_SOURCE", "AuditReport", "Finding", "Newest", "audit_files", "audit_graph"]

#: The article the project started from: unattributed (grade E), kept with its hedges.
SEED_SOURCE = "source:seed-article"

Fact = Node | Relationship


@dataclass(frozen=True)
class Finding:
    """One fact or source the audit names, and where it is written when that is known."""

    subject: str
    message: str = ""
    place: str | None = None

    def __str__(self) -> str:
        where = f"{self.place}: " if self.place else ""
        return f"{where}{self.subject}" + (f": {self.message}" if self.message else "")


@dataclass(frozen=True)
class Newest:
    """The newest dated fact of one kind."""

    kind: str
    date: dt.date
    id: str


@dataclass
class AuditReport:
    """What ``dyad audit`` reports; ``healthy`` when no fact breaks a rule."""

    facts_by_status: dict[str, int] = field(default_factory=dict)
    sources_by_grade: dict[str, int] = field(default_factory=dict)
    breaches: list[Finding] = field(default_factory=list)
    unused_sources: list[Finding] = field(default_factory=list)
    sources_without_url: list[Finding] = field(default_factory=list)
    newest: list[Newest] = field(default_factory=list)
    seed_only: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.breaches

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["newest"] = [{**item, "date": item["date"].isoformat()} for item in out["newest"]]
        out["healthy"] = self.healthy
        return out


def audit_files(paths: Iterable[Path]) -> AuditReport:
    """Audit corpus files; breaches name file:line. Raises ``InvalidInputError`` when the
    files do not validate for another reason than a status rule."""
    items = read_items(collect_files(paths))
    validated = validate_items(items)
    breaches = set(validated.breaches)
    structural = [p for p in validated.problems if p not in breaches]
    if structural:
        raise InvalidInputError(structural)
    facts: list[tuple[Fact, str | None]] = []
    for node in validated.nodes:
        item = validated.defined_at[node.id]
        facts.append((node, f"{Path(item.file).name}:{item.line}"))
    for rel, item in zip(validated.relationships, validated.relationship_items, strict=True):
        facts.append((rel, f"{Path(item.file).name}:{item.line}"))
    findings = [
        Finding(p.subject, p.message, f"{Path(p.file).name}:{p.line}") for p in validated.breaches
    ]
    return _report(facts, findings)


def audit_graph(client: GraphClient) -> AuditReport:
    """Audit the facts as the graph holds them, by the same rules (places are ids)."""
    data = read_graph(client)
    facts: list[tuple[Fact, str | None]] = []
    unreadable: list[Finding] = []
    for node in data.nodes:
        label = next((Label(x) for x in node.labels if x in Label._value2member_map_), None)
        if label is None:
            continue
        properties = json_safe(node.properties)
        try:
            facts.append((NODE_MODELS[label].model_validate(properties), None))
        except ValidationError as exc:
            unreadable.append(Finding(node.id, f"stored node does not validate: {_first(exc)}"))
    for edge in data.edges:
        record = {
            **json_safe(edge.properties),
            "start": edge.start,
            "type": edge.type,
            "end": edge.end,
        }
        try:
            facts.append((Relationship.model_validate(record), None))
        except ValidationError as exc:
            subject = f"{edge.start} -[{edge.type}]-> {edge.end}"
            unreadable.append(
                Finding(subject, f"stored relationship does not validate: {_first(exc)}")
            )
    grades = {fact.id: grade_of(fact) for fact, _ in facts if isinstance(fact, Source)}
    breaches = unreadable + [
        Finding(_subject(fact), str(breach))
        for fact, _ in facts
        for breach in breaches_of(fact, grades)
    ]
    return _report(facts, breaches)


def _report(facts: list[tuple[Fact, str | None]], breaches: list[Finding]) -> AuditReport:
    report = AuditReport(breaches=sorted(breaches, key=str))
    claims = [(f, place) for f, place in facts if _is_claim(f)]
    sources = [(f, place) for f, place in facts if isinstance(f, Source)]
    report.facts_by_status = dict(sorted(Counter(f.status.value for f, _ in claims).items()))
    grades = Counter(s.reliability.value for s, _ in sources)
    report.sources_by_grade = {grade: grades.get(grade, 0) for grade in "ABCDE"}
    cited = {source for f, _ in claims for source in f.sources}
    for source, place in sources:
        if source.id not in cited:
            report.unused_sources.append(Finding(source.id, source.title, place))
        if not source.url:
            report.sources_without_url.append(Finding(source.id, source.citation or "", place))
    newest: dict[str, Newest] = {}
    for fact, _ in claims:
        if isinstance(fact, Node) and _is_curated(fact):
            day = _primary_date(fact)
            if day is not None:
                kind = fact.label.value
                if kind not in newest or (day, fact.id) > (newest[kind].date, newest[kind].id):
                    newest[kind] = Newest(kind, day, fact.id)
    report.newest = [newest[kind] for kind in sorted(newest)]
    report.seed_only = [
        Finding(_subject(f), "", place) for f, place in claims if set(f.sources) == {SEED_SOURCE}
    ]
    return report


def _is_claim(fact: Fact) -> bool:
    """A fact about the world: not a source, nor what a source mentions."""
    if isinstance(fact, Relationship):
        return fact.type is not RelType.MENTIONS
    return not isinstance(fact, Source)


def _is_curated(node: Node) -> bool:
    """Curated knowledge, not a row of coded event data or trade statistics."""
    return node.label is not Label.TRADE_FLOW and getattr(node, "dataset", None) is None


def _primary_date(node: Node) -> dt.date | None:
    """The date a fact is known by: a statement's or event's date, a policy's announcement."""
    return getattr(node, node.dated_fields[0]) if node.dated_fields else None


def _subject(fact: Fact) -> str:
    if isinstance(fact, Relationship):
        key = f" ({fact.key})" if fact.key else ""
        return f"{fact.start} -[{fact.type.value}]-> {fact.end}{key}"
    return fact.id


def _first(exc: ValidationError) -> str:
    detail = exc.errors(include_url=False)[0]
    return f"{'.'.join(str(p) for p in detail['loc'])}: {detail['msg']}"
