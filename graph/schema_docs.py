"""``docs/SCHEMA.md``, generated from the code: ``dyad schema-docs`` writes it, a test keeps it.

Everything in it comes from ``schema`` (labels, pydantic fields and their Neo4j types,
allowed patterns, causal directions, statuses), ``queries/schema/migrate.cypher``
(constraints and indexes) and the canned-query catalog (examples).
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections import defaultdict
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic.fields import FieldInfo

import queries
from graph.migrate import parse_migration
from graph.research_catalog import catalog
from schema import (
    API_TOKEN_ACTOR,
    BASE_LABEL,
    CAUSAL_TYPES,
    CHANGE_LABEL,
    CONFIDENCE_BANDS,
    LIST_KEYS,
    LISTING_LABEL,
    MEASURE_REACH,
    NODE_MODELS,
    PATTERNS,
    RELIABILITY_MEANING,
    REVIEW_BASE_LABEL,
    REVIEW_PATTERNS,
    CausalDirection,
    ChangeAction,
    FutureDate,
    Label,
    Method,
    Relationship,
    RelType,
    ReviewLabel,
    ReviewState,
    Status,
    id_prefix,
)

__all__ = ["JOIN_QUERIES", "SCHEMA_DOC", "render_schema_doc"]

SCHEMA_DOC = "docs/SCHEMA.md"
_NEO4J_TYPES = {str: "String", int: "Integer", float: "Float", bool: "Boolean", dt.date: "Date"}
_ENDPOINTS = frozenset({"start", "type", "end"})
_ANY_THRESHOLD = 8
_HEADER = re.compile(r"//\s*(title|description|param|example):")
#: The canned queries ``docs/SCHEMA.md`` shows whole, as the joins researchers must make.
JOIN_QUERIES = ("sources_behind_claim", "causality_both_spellings")
_JOIN_INTROS = {
    "sources_behind_claim": (
        "A relationship's `sources` is a list of Source ids, not relationships: join it to the"
        " Source nodes with `UNWIND r.sources AS sid MATCH (s:Source {id: sid})`."
    ),
    "causality_both_spellings": (
        "Causality is stored in two spellings: `PROVOKED` points from cause to effect,"
        " `RESPONDS_TO` from effect to cause. Match both types undirected and normalise the"
        " direction, or you read half of it."
    ),
}


def _type_name(annotation: Any) -> tuple[str, bool]:
    """The Neo4j type of a field's annotation, and whether it may be null."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _type_name(inner[0])[0], True
    if origin is tuple:
        return f"List<{_type_name(get_args(annotation)[0])[0]}>", False
    if get_args(annotation) and hasattr(annotation, "__metadata__"):
        return _type_name(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        values = " \\| ".join(str(member.value) for member in annotation)
        return f"String: {values}", False
    return _NEO4J_TYPES.get(annotation, str(annotation)), False


def _constraints(field: FieldInfo) -> str:
    notes = _notes(field.metadata, "")
    each = "each item " if get_origin(field.annotation) is tuple else ""
    for arg in get_args(field.annotation):
        notes += _notes(getattr(arg, "__metadata__", ()), each)
    return "; ".join(notes)


def _notes(metadata: Any, prefix: str) -> list[str]:
    notes = []
    for item in metadata:
        for attr, text in (
            ("pattern", "matches `{}`"),
            ("ge", "≥ {}"),
            ("le", "≤ {}"),
            ("min_length", "length ≥ {}"),
            ("max_length", "length ≤ {}"),
        ):
            value = getattr(item, attr, None)
            if value is not None:
                notes.append(prefix + text.format(str(value).replace("|", "\\|")))
    return notes


def _field_rows(fields: dict[str, FieldInfo], skip: frozenset[str] = frozenset()) -> list[str]:
    rows = ["| property | type | required | constraints |", "|---|---|---|---|"]
    for name, field in fields.items():
        if name in skip:
            continue
        kind, nullable = _type_name(field.annotation)
        required = "yes" if field.is_required() and not nullable else "no"
        rows.append(f"| `{name}` | {kind} | {required} | {_constraints(field)} |")
    return rows


def _labels_section() -> list[str]:
    lines = ["## Node labels", ""]
    lines.append(
        f"Every node carries `:{BASE_LABEL}` and its own label; `{BASE_LABEL}.id` is unique "
        "across the graph and starts with the label's prefix."
    )
    lines += ["", "| label | id prefix | relationships from it | relationships to it |"]
    lines.append("|---|---|---|---|")
    for label in Label:
        out = sorted({p.type.value for p in PATTERNS if p.start is label})
        into = sorted({p.type.value for p in PATTERNS if p.end is label})
        lines.append(
            f"| `:{label.value}` | `{id_prefix(label)}:` | {', '.join(out) or '—'} "
            f"| {', '.join(into) or '—'} |"
        )
    for label in Label:
        model = NODE_MODELS[label]
        lines += ["", f"### :{label.value}", "", *_field_rows(model.model_fields)]
        lines += [
            f"| `{name}` | Date | no | the last day `{name.removesuffix('_latest')}` covers "
            "(set by the loader) |"
            for name in model.latest_fields()
        ]
    return lines


def _review_section() -> list[str]:
    """The review queue (``schema/review.py``): labels apart from the record's."""
    states = ", ".join(f"`{s.value}`" for s in ReviewState)
    lines = [
        "## The review queue",
        "",
        f"What `dyad ingest` reads but cannot place waits under `:{REVIEW_BASE_LABEL}` and its own",
        f"label, never `:{BASE_LABEL}`: chains, lists, search, exports and analytics do not see",
        f"it. An item's `state` is one of {states}; `created_at`/`created_by` say when and by",
        "which command it was queued, `reviewed_at`/`reviewed_by` who decided it. Nothing is",
        "deleted: a rejected item keeps its `review_reason`.",
        "",
        "| label | id prefix |",
        "|---|---|",
    ]
    lines += [f"| `:{label.value}` | `{label.prefix}:` |" for label in ReviewLabel]
    lines += ["", "| pattern | meaning |", "|---|---|"]
    seen: set[tuple[str, str, str]] = set()
    for p in REVIEW_PATTERNS:
        if p.type.value == "RESOLVED_AS":
            key = (p.start.value, p.type.value, "any")
            end, meaning = f"(any but :{Label.SOURCE.value})", p.meaning
        else:
            key = (p.start.value, p.type.value, p.end.value)
            end, meaning = f"(:{p.end.value})", p.meaning
        if key not in seen:
            seen.add(key)
            lines.append(f"| `(:{p.start.value})-[:{p.type.value}]->{end}` | {meaning} |")
    return lines


def _history_section() -> list[str]:
    """The record's own history (``schema/history.py``): append-only, joined to nothing."""
    actions = ", ".join(f"`{a.value}`" for a in ChangeAction)
    return [
        "## The history",
        "",
        f"Every write records one `:{CHANGE_LABEL}` per node, relationship or queue item it",
        "changed, in the same transaction: `subject` (an id, or a relationship's edge id",
        f"`start|TYPE|end|key`, with `start` and `end`), `action` ({actions}), `before` and",
        "`after` (the properties as JSON text), `at` (knowledge time), `by` (the command, or",
        f"`{API_TOKEN_ACTOR}` for a mutation) and `sources`. A change carries no other label and",
        "no relationship; nothing in it is updated or deleted. `dyad history ID` and GraphQL's",
        "`history(id)` read it.",
    ]


def _derived_section() -> list[str]:
    """What the graph stores for its reads, not as facts (``schema.LIST_KEYS``,
    ``schema.LISTING_LABEL``): rewritten with every write, left out of dumps and exports."""
    keys = ", ".join(f"`{k}`" for k in LIST_KEYS)
    return [
        "## Derived keys and listings",
        "",
        f"Every node also stores its list keys ({keys}): its sort keys for lists and the",
        "timeline, and its countries (linked within two structural hops) with the confidence of",
        f"the best link to each. A curated node has one `:{LISTING_LABEL}` per country (`of`:",
        "its id; `date_key`, `name_key`, `until_key`: the country's id before the node's keys;",
        "`earliest`; `confidence`; for a policy the country issued, `issued_key`), which a list,",
        "count, timeline or `inForce` filtered by a country reads in order from an index.",
        "Both are rewritten with every write; they are not facts, so",
        "dumps, exports and fingerprints leave them out. A listing carries no other label and",
        "no relationship: `MATCH (n:Entity)` never meets one.",
    ]


def _relationships_section() -> list[str]:
    lines = ["## Relationships", "", "### Properties every relationship carries", ""]
    lines += _field_rows(Relationship.model_fields, skip=_ENDPOINTS)
    lines += [
        "",
        "### Allowed patterns",
        "",
        "| start | type | end | meaning |",
        "|---|---|---|---|",
    ]
    grouped: dict[tuple[Label, RelType, str], list[Label]] = defaultdict(list)
    for p in PATTERNS:
        grouped[(p.start, p.type, p.meaning)].append(p.end)
    for (start, rel, meaning), ends in grouped.items():
        ends_text = " \\| ".join(f"`:{e.value}`" for e in ends)
        lines.append(f"| `:{start.value}` | `{rel.value}` | {ends_text} | {meaning} |")
    lines += ["", "### Causal relationships", ""]
    lines.append("Effect flows along these types in the direction given; chains follow them.")
    lines += ["", "| type | direction | effect flows |", "|---|---|---|"]
    for rel, direction in CAUSAL_TYPES.items():
        flow = "start → end" if direction is CausalDirection.FORWARD else "end → start"
        lines.append(f"| `{rel.value}` | {direction.value} | {flow} |")
    r = MEASURE_REACH
    lines += [
        "",
        f"What a `{r.restricts.value}` step ends at is the measure's object, not an effect. The"
        f" next step lands only on a node `{'`/`'.join(t.value for t in r.located)}` a country"
        f" the measure `{r.aims.value}` (a targeted country, or the one a targeted body is"
        f" `{r.home.value}`); a measure aimed at no country reaches every country but its"
        f" issuers' (`{r.issued_by.value}`). Beyond that, effect travels only along stated"
        f" dependence ({', '.join(f'`{t.value}`' for t in r.dependence)}). So a ban on exports"
        " to Japan reaches Japanese industry, and the restricting state's own industry only"
        " through such a link.",
    ]
    lines += ["", "### Status and method", ""]
    lines.append(f"`status`: {', '.join(f'`{s.value}`' for s in Status)}. ")
    lines.append(f"`method`: {', '.join(f'`{m.value}`' for m in Method)}.")
    return lines


def _grades_section() -> list[str]:
    """Source grades and the status rules, from schema/grades.py and schema/rules.py."""
    lines = ["## Source grades and status rules", ""]
    lines.append(
        "Every `:Source` has a `reliability` grade, the `origin` whose reporting it carries, a "
        "`source_kind` and, where known, its `published` date. A fact's status must follow "
        "from its sources (`schema/rules.py`; docs/CORPUS.md explains them for curators)."
    )
    lines += ["", "| grade | covers |", "|---|---|"]
    lines += [f"| `{grade.value}` | {meaning} |" for grade, meaning in RELIABILITY_MEANING.items()]
    lines += ["", "| status | confidence (relationships) |", "|---|---|"]
    lines += [f"| `{s.value}` | {lo:g} to {hi:g} |" for s, (lo, hi) in CONFIDENCE_BANDS.items()]
    lines += [
        "",
        "- `confirmed` needs a grade A source, or two independent origins of grade B or better.",
        "- Nothing rests on grade E sources alone; grade D alone allows at most `reported`.",
        "- A fact dated after every source's `published` date needs `future_date` "
        f"({', '.join(f'`{f.value}`' for f in FutureDate)}).",
        "",
        "A fact's `sources` are Source ids: `UNWIND claim.sources AS sourceId MATCH (source:Source"
        " {id: sourceId})` joins them to the documents, as the example `sources_behind_claim`"
        " below does.",
    ]
    return lines


def _indexes_section() -> list[str]:
    lines = [
        "## Constraints and indexes",
        "",
        "From `queries/schema/migrate.cypher` (`dyad migrate`).",
    ]
    lines += ["", "| kind | name | labels | properties |", "|---|---|---|---|"]
    for statement in queries.statements("schema/migrate"):
        migration = parse_migration(statement)
        if migration is None:
            lines.append(f"| statement | | | `{' '.join(statement.split())}` |")
            continue
        kind = migration.kind
        if migration.analyzer is not None:
            kind += f" (analyzer `{migration.analyzer}`)"
        props = ", ".join(f"`n.{p}`" for p in migration.properties)
        labels_text = ", ".join(f"`:{x}`" for x in migration.labels)
        lines.append(f"| {kind} | `{migration.name}` | {labels_text} | {props} |")
    return lines


def _mermaid() -> list[str]:
    lines = ["## Diagram", "", "```mermaid", "flowchart LR"]
    for label in Label:
        lines.append(f"  {label.value}([{label.value}])")
    lines.append("  Any[[any node but Source]]")
    ends: dict[tuple[Label, RelType], list[Label]] = defaultdict(list)
    for p in PATTERNS:
        ends[(p.start, p.type)].append(p.end)
    for (start, rel), targets in ends.items():
        if len(targets) >= _ANY_THRESHOLD:
            lines.append(f"  {start.value} -->|{rel.value}| Any")
            continue
        for end in targets:
            lines.append(f"  {start.value} -->|{rel.value}| {end.value}")
    lines.append("```")
    return lines


def _without_header(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not _HEADER.match(line)).strip()


def _joins_section() -> list[str]:
    lines = ["## Joins", ""]
    lines.append("Two joins the graph's shape asks of every researcher, as canned queries.")
    queries_by_name = catalog()
    for name in JOIN_QUERIES:
        query = queries_by_name[name]
        lines += [
            "",
            f"### {query.title}",
            "",
            _JOIN_INTROS[name],
            "",
            "```cypher",
            _without_header(query.text),
            "```",
            "",
            "```sh",
            query.example,
            "```",
        ]
    return lines


def _examples_section() -> list[str]:
    lines = ["## Example queries", ""]
    lines.append(
        "The canned queries in `queries/research/` (`dyad query --list`, `GET /queries.json`)."
    )
    for query in catalog().values():
        lines += [
            "",
            f"### {query.title}",
            "",
            query.description,
            "",
            "```sh",
            query.example,
            "```",
        ]
    return lines


def render_schema_doc() -> str:
    """The whole of ``docs/SCHEMA.md``."""
    lines = [
        "# The graph schema",
        "",
        "<!-- Generated by `dyad schema-docs` from schema/, queries/schema/migrate.cypher and",
        "     queries/research/. Do not edit by hand: a test fails when this file drifts. -->",
        "",
        "Node labels, their properties with Neo4j types, the relationship patterns the",
        "vocabulary allows, which relationships are causal and which way effect flows, the",
        "constraints and indexes, and example queries. Dates are Neo4j `Date` values; a date",
        "given only to the month or year keeps its precision in `<field>_precision`, and is a",
        "range: `<field>` holds the first day it covers and `<field>_latest` the last",
        "(`2025-11` → 2025-11-01 and 2025-11-30). Compare ranges, not first days: certainly on",
        "or before `$d` is `s.date_latest <= $d`, possibly is `s.date <= $d`; possibly within N",
        "days after `$d` is `s.date_latest >= $d AND s.date <= $d + duration({days: N})`. In",
        "`dyad cypher`, `--param d=2026-01-01` is sent as a Date (`d:string=…` keeps text).",
        "",
        *_mermaid(),
        "",
        *_labels_section(),
        "",
        *_relationships_section(),
        "",
        *_grades_section(),
        "",
        *_review_section(),
        "",
        *_history_section(),
        "",
        *_derived_section(),
        "",
        *_indexes_section(),
        "",
        *_joins_section(),
        "",
        *_examples_section(),
    ]
    return "\n".join(lines) + "\n"
