"""Validating corpus items with the schema's models, one by one and all together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from loaders.errors import Problem
from loaders.yaml_reader import RawItem
from schema import (
    NODE_MODELS,
    Label,
    Node,
    Relationship,
    Source,
    SourceGrade,
    breaches_of,
    grade_of,
    label_for_id,
)

__all__ = ["KINDS", "RELATIONSHIPS", "Validated", "validate_items"]

#: The list keys of a corpus file and the kind of node each holds.
KINDS: dict[str, Label] = {
    "sources": Label.SOURCE,
    "countries": Label.COUNTRY,
    "places": Label.PLACE,
    "leaders": Label.LEADER,
    "offices": Label.OFFICE,
    "organizations": Label.ORGANIZATION,
    "statements": Label.STATEMENT,
    "policies": Label.POLICY,
    "events": Label.EVENT,
    "minerals": Label.MINERAL,
    "mines": Label.MINE,
    "industries": Label.INDUSTRY,
}
RELATIONSHIPS = "relationships"


@dataclass
class Validated:
    """Everything that validated, with where each id was defined."""

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Facts that break a status rule of ``schema/rules.py`` (also problems: nothing is
    #: written while there are any; ``dyad audit`` lists them apart).
    breaches: list[Problem] = field(default_factory=list)
    defined_at: dict[str, RawItem] = field(default_factory=dict)
    relationship_items: list[RawItem] = field(default_factory=list)


def _describe(item: RawItem) -> str:
    data = item.data
    if item.kind == RELATIONSHIPS:
        return f"{data.get('start', '?')} -[{data.get('type', '?')}]-> {data.get('end', '?')}"
    node_id = data.get("id")
    return str(node_id) if node_id else f"{KINDS[item.kind].value} without id"


def _problems_from(item: RawItem, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = [str(part) for part in detail["loc"]]
        field_name = loc[0] if loc else ""
        where = ".".join(loc)
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = f"unknown field {field_name!r}"
        elif detail["type"] == "missing":
            message = f"missing field {field_name!r}"
        elif where:
            message = f"{where}: {message} (got {_short(detail.get('input'))})"
        problems.append(Problem(item.file, item.line_of(field_name), _describe(item), message))
    return problems


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def validate_items(
    items: Iterable[RawItem],
    known_ids: dict[str, Label] | None = None,
    known_grades: dict[str, SourceGrade] | None = None,
) -> Validated:
    """Validate every item, then what they say together, then the status rules of ``schema``.

    ``known_ids`` are nodes already in the graph that relationships and ``sources`` may name;
    ``known_grades`` are the grades of the sources among them.
    """
    out = Validated()
    known = dict(known_ids or {})
    for item in items:
        try:
            if item.kind == RELATIONSHIPS:
                out.relationships.append(Relationship.model_validate(item.data))
                out.relationship_items.append(item)
                continue
            model = NODE_MODELS[KINDS[item.kind]]
            node = model.model_validate(item.data)
        except ValidationError as exc:
            out.problems.extend(_problems_from(item, exc))
            continue
        first = out.defined_at.get(node.id)
        if first is not None:
            out.problems.append(
                Problem(
                    item.file,
                    item.line_of("id"),
                    node.id,
                    f"duplicate id; first defined at {first.file}:{first.line}",
                )
            )
            continue
        out.defined_at[node.id] = item
        out.nodes.append(node)

    defined = {node.id: node.label for node in out.nodes} | known
    sources = {node_id for node_id, label in defined.items() if label is Label.SOURCE}
    for node in out.nodes:
        item = out.defined_at[node.id]
        for source in node.sources:
            if source not in sources:
                out.problems.append(
                    Problem(
                        item.file, item.line_of("sources"), node.id, f"unknown source {source!r}"
                    )
                )
    seen: dict[tuple[str, str, str, str], RawItem] = {}
    for rel, item in zip(out.relationships, out.relationship_items, strict=True):
        subject = _describe(item)
        for end_field in ("start", "end", "mineral"):
            ref = getattr(rel, end_field)
            if ref is None:
                continue
            if ref not in defined:
                kind = label_for_id(ref)
                what = kind.value.lower() if kind else "node"
                out.problems.append(
                    Problem(item.file, item.line_of(end_field), subject, f"unknown {what} {ref!r}")
                )
        for source in rel.sources:
            if source not in sources:
                out.problems.append(
                    Problem(
                        item.file, item.line_of("sources"), subject, f"unknown source {source!r}"
                    )
                )
        first = seen.get(rel.identity)
        if first is not None:
            out.problems.append(
                Problem(
                    item.file,
                    item.line,
                    subject,
                    f"duplicate relationship (same ends, type and key {rel.key!r}); "
                    f"first at {first.file}:{first.line}; give parallel claims distinct keys",
                )
            )
        seen[rel.identity] = item
    grades = dict(known_grades or {})
    grades.update((node.id, grade_of(node)) for node in out.nodes if isinstance(node, Source))
    facts: list[tuple[Node | Relationship, RawItem]] = [
        (node, out.defined_at[node.id]) for node in out.nodes
    ]
    facts.extend(zip(out.relationships, out.relationship_items, strict=True))
    for fact, item in facts:
        for breach in breaches_of(fact, grades):
            out.breaches.append(
                Problem(item.file, item.line_of("status"), _describe(item), str(breach))
            )
    out.problems.extend(out.breaches)
    return out
