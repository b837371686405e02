"""The vocabulary is the one source of labels and types: Cypher, constraints and models agree."""

from __future__ import annotations

import re

import pytest

import queries
from graph import GraphClient
from schema import (
    BASE_LABEL,
    CAUSAL_TYPES,
    CHANGE_LABEL,
    LISTING_LABEL,
    NODE_MODELS,
    PATTERNS,
    REVIEW_BASE_LABEL,
    CausalDirection,
    Label,
    RelType,
    ReviewLabel,
    ReviewRelType,
    is_allowed,
    label_for_id,
)
from tests.conftest import ROOT

# Labels in node patterns: `(n:Country`, `(:Policy|Statement` ; types in `[r:PROVOKED|RESPONDS_TO`
_NODE_LABELS = re.compile(
    r"\(\s*\w*\s*((?::\s*`?[A-Za-z_]\w*`?\s*(?:[|&]\s*`?[A-Za-z_]\w*`?\s*)*)+)"
)
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*([A-Z_|\s]+?)(?:\s*[*{\]])")
_FOR_LABELS = re.compile(r"FOR\s*\(\s*\w+\s*:\s*([\w|]+)\s*\)")


def _labels_in(text: str) -> set[str]:
    found: set[str] = set()
    for group in _NODE_LABELS.findall(text):
        found.update(part.strip(" `") for part in re.split(r"[:|&]", group) if part.strip(" `"))
    for group in _FOR_LABELS.findall(text):
        found.update(group.split("|"))
    return found


def _types_in(text: str) -> set[str]:
    found: set[str] = set()
    for group in _REL_TYPES.findall(text):
        found.update(part.strip() for part in group.split("|") if part.strip())
    return found


def _without_comments(text: str) -> str:
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", text)


ALL_QUERIES = queries.all_names()
#: The review queue's labels and types (schema/review.py) are vocabulary too.
KNOWN_LABELS = {label.value for label in (*Label, *ReviewLabel)} | {
    BASE_LABEL,
    REVIEW_BASE_LABEL,
    CHANGE_LABEL,
    LISTING_LABEL,
}
KNOWN_TYPES = {rel.value for rel in (*RelType, *ReviewRelType)}


def test_the_label_scanner_sees_labels_and_types() -> None:
    text = "MATCH (s:Statement)-[r:PROVOKED|RESPONDS_TO*1..3]->(:Policy|Event) RETURN s"
    assert _labels_in(text) == {"Statement", "Policy", "Event"}
    assert _types_in(text) == {"PROVOKED", "RESPONDS_TO"}


@pytest.mark.parametrize("name", ALL_QUERIES)
def test_every_label_and_type_in_cypher_is_in_the_vocabulary(name: str) -> None:
    text = _without_comments(queries.load(name))
    assert _labels_in(text) <= KNOWN_LABELS, f"{name}: unknown labels"
    assert _types_in(text) <= KNOWN_TYPES, f"{name}: unknown relationship types"


@pytest.mark.slow  # plans every query: seconds of Neo4j CPU each
@pytest.mark.parametrize(
    "name", [n for n in queries.all_names(fragments=False) if not n.startswith("schema/")]
)
def test_every_query_passes_explain(graph_client: GraphClient, name: str) -> None:
    """API queries are checked with the shared tail they always run with."""
    text = queries.api_query(name[4:]) if name.startswith("api/") else queries.load(name)
    graph_client.execute_statements(["EXPLAIN " + text], name=name)


def test_every_label_has_a_uniqueness_constraint(graph_client: GraphClient) -> None:
    rows = graph_client.read_text(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *", {}
    )
    unique = {
        row["labelsOrTypes"][0]
        for row in rows
        if row["type"] == "UNIQUENESS" and row["properties"] == ["id"]
    }
    # A listing has no id: it is found by its keys (schema LISTING_LABEL).
    assert unique >= KNOWN_LABELS - {LISTING_LABEL}


def test_full_text_index_covers_every_label(graph_client: GraphClient) -> None:
    rows = graph_client.read_text(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, state RETURN *", {}
    )
    index = {row["name"]: row for row in rows}["entity_text"]
    assert set(index["labelsOrTypes"]) == {label.value for label in Label}


def test_every_label_has_a_model_and_an_id_prefix() -> None:
    assert set(NODE_MODELS) == set(Label)
    for label in Label:
        assert label_for_id(f"{label.value.lower()}:x") is label


def test_the_causal_chain_of_the_story_is_allowed() -> None:
    """remark → export control → mineral ← industry → industry, as the vocabulary allows it."""
    assert is_allowed(Label.STATEMENT, RelType.PROVOKED, Label.POLICY)
    assert is_allowed(Label.POLICY, RelType.RESTRICTS, Label.MINERAL)
    assert is_allowed(Label.INDUSTRY, RelType.DEPENDS_ON, Label.MINERAL)
    assert is_allowed(Label.INDUSTRY, RelType.SUPPLIES, Label.INDUSTRY)
    assert CAUSAL_TYPES[RelType.DEPENDS_ON] is CausalDirection.BACKWARD
    assert CAUSAL_TYPES[RelType.PROVOKED] is CausalDirection.FORWARD
    assert not is_allowed(Label.MINERAL, RelType.PROVOKED, Label.POLICY)


def test_every_type_has_a_pattern() -> None:
    assert {p.type for p in PATTERNS} == set(RelType)


def test_causal_chains_step_only_in_the_causal_direction() -> None:
    """queries/api/causal_chains.cypher grows paths by two patterns: out along the forward
    causal types, in along the backward ones. Both lists must be the vocabulary's."""
    text = (ROOT / "queries" / "api" / "causal_chains.cypher").read_text()
    outward = re.findall(r"\(a\)-\[r:([A-Z_|]+)\]->\(b\)", text)
    inward = re.findall(r"\(a\)<-\[r:([A-Z_|]+)\]-\(b\)", text)
    assert len(outward) == 1
    assert len(inward) == 1
    assert set(outward[0].split("|")) == {
        t.value for t, d in CAUSAL_TYPES.items() if d is CausalDirection.FORWARD
    }
    assert set(inward[0].split("|")) == {
        t.value for t, d in CAUSAL_TYPES.items() if d is CausalDirection.BACKWARD
    }
