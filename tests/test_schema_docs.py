"""docs/SCHEMA.md is generated from the code and must not drift from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli import main
from graph.research_catalog import catalog
from graph.schema_docs import SCHEMA_DOC, render_schema_doc
from schema import CAUSAL_TYPES, NODE_MODELS, Label, RelType
from tests.conftest import ROOT


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
