"""docs/SCHEMA.md is generated from the code and must not drift from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli import main
from graph import GraphClient
from graph.research_catalog import catalog
from graph.research_runner import ResearchSettings, run_canned
from graph.schema_docs import JOIN_QUERIES, SCHEMA_DOC, render_schema_doc
from schema import CAUSAL_TYPES, NODE_MODELS, Label, RelType
from tests.conftest import ROOT

# Slow tier (`make test-fast` leaves it out): generates and runs the documented joins.
pytestmark = pytest.mark.slow


def test_the_committed_schema_doc_matches_the_code() -> None:
    committed = (ROOT / SCHEMA_DOC).read_text(encoding="utf-8")
    assert committed == render_schema_doc(), (
        "docs/SCHEMA.md is out of date: run `.venv/bin/dyad schema-docs` and commit it"
    )


def test_the_doc_covers_labels_properties_types_causality_indexes_and_examples() -> None:
    text = render_schema_doc()
    for label in Label:
        assert f"### :{label.value}" in text
        for field in NODE_MODELS[label].model_fields:
            assert f"| `{field}` |" in text
    for rel in RelType:
        assert f"`{rel.value}`" in text
    for rel, direction in CAUSAL_TYPES.items():
        assert f"| `{rel.value}` | {direction.value} |" in text
    assert "| unique constraint | `entity_id` | `:Entity` |" in text
    assert "```mermaid\nflowchart LR" in text
    assert "Policy -->|RESTRICTS| Mineral" in text
    for query in catalog().values():
        assert query.example in text


def test_schema_docs_check_fails_on_a_stale_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "SCHEMA.md"
    stale.write_text("# old\n")
    assert main(["schema-docs", "--check", "-o", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main(["schema-docs", "-o", str(stale)]) == 0
    assert main(["schema-docs", "--check", "-o", str(stale)]) == 0


def test_the_joins_the_doc_shows_run_on_the_corpus(corpus_client: GraphClient) -> None:
    """The Cypher docs/SCHEMA.md shows for the two joins is the canned queries' own text, and
    it answers on the real server: sources resolve, and causality comes in both spellings."""
    text = render_schema_doc()
    for name in JOIN_QUERIES:
        body = "\n".join(
            line for line in catalog()[name].text.splitlines() if not line.startswith("// ")
        ).strip()
        assert f"```cypher\n{body}\n```" in text
    sources = run_canned(corpus_client, "sources_behind_claim", {}, ResearchSettings())
    assert sources.rows
    assert all(row[sources.columns.index("title")] for row in sources.rows)
    both = run_canned(corpus_client, "causality_both_spellings", {}, ResearchSettings())
    spelled = {row[both.columns.index("spelled")] for row in both.rows}
    assert spelled == {RelType.PROVOKED.value, RelType.RESPONDS_TO.value}
    roles = {row[both.columns.index("role")] for row in both.rows}
    assert roles == {"cause", "effect"}
