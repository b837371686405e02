"""GraphQL Code Generator over the committed SDL, as a front end runs it.

The client operations in tests/data/client/operations.graphql and every operation the
explorer's modules export are validated against api/schema.graphql with graphql-js; the
typescript-operations plugin makes their types; tests/data/client/usage.ts, a front end's use of
those types, compiles with them under `tsc --strict`. Reads files only: no Neo4j, no network
(test_graphql_api checks that the committed SDL is the code's).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

# Slow tier (`make test-fast` leaves it out): runs GraphQL Code Generator and tsc (Node).
pytestmark = pytest.mark.slow

AUDIT = ROOT / "tests" / "http_audit"
CLIENT = ROOT / "tests" / "data" / "client"
EXPLORER = ROOT / "api" / "static" / "explorer"
SDL = ROOT / "api" / "schema.graphql"
TSC_FLAGS = ["--strict", "--noEmit", "--target", "es2022", "--module", "esnext"]
TSC_FLAGS += ["--moduleResolution", "bundler", "--noUnusedLocals", "--noUnusedParameters"]


def _node() -> str:
    node = shutil.which("node")
    assert node, "Node.js runs GraphQL Code Generator"
    assert (AUDIT / "node_modules" / "@graphql-codegen" / "core").is_dir(), (
        "run `make install` (npm ci)"
    )
    return node


def _codegen(out: Path, *operations: Path) -> subprocess.CompletedProcess[str]:
    command = [_node(), str(AUDIT / "codegen.mjs"), str(SDL), str(out)]
    command += [str(path) for path in operations] + ["--explorer", str(EXPLORER)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)


def _tsc(directory: Path) -> subprocess.CompletedProcess[str]:
    tsc = AUDIT / "node_modules" / "typescript" / "bin" / "tsc"
    command = [_node(), str(tsc), *TSC_FLAGS, "types.ts", "usage.ts"]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=directory)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """types.ts generated from the committed SDL, and the operations it was generated for."""
    out = tmp_path_factory.mktemp("codegen")
    result = _codegen(out, CLIENT / "operations.graphql")
    assert result.returncode == 0, result.stderr
    summary: dict[str, Any] = json.loads(result.stdout)
    return out / "types.ts", summary["operations"]


def _compile(types: Path, directory: Path, usage: str) -> subprocess.CompletedProcess[str]:
    shutil.copy(types, directory / "types.ts")
    (directory / "usage.ts").write_text(usage)
    return _tsc(directory)


def test_client_and_explorer_operations_validate_against_the_committed_sdl(
    generated: tuple[Path, dict[str, Any]],
) -> None:
    _, operations = generated
    written = re.findall(r"^query (\w+)", (CLIENT / "operations.graphql").read_text(), re.M)
    assert operations[str(CLIENT / "operations.graphql")] == written
    assert len(written) >= 9
    explorer = {
        Path(f).name: names for f, names in operations.items() if Path(f).parent == EXPLORER
    }
    # Every module that writes a query is read (codegen.mjs fails on one it cannot read).
    assert {"api.js", "record.js"} <= explorer.keys()
    assert {"Node", "Search", "Timeline", "Chains", "Hood"} <= set(explorer["api.js"])


def test_a_front_ends_use_of_the_generated_types_compiles_under_tsc_strict(
    generated: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    types, _ = generated
    result = _compile(types, tmp_path, (CLIENT / "usage.ts").read_text())
    assert result.returncode == 0, result.stdout + result.stderr


def test_strict_compilation_catches_a_missed_kind_and_an_unchecked_cursor(
    generated: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """The check above has teeth: what a careless client does fails to compile."""
    types, _ = generated
    usage = (CLIENT / "usage.ts").read_text()
    careless = usage.replace('    case "TRADE_FLOW":\n      return "Trade flow";\n', "").replace(
        "const start: string | null = policies.pageInfo.startCursor;",
        "const start: string = policies.pageInfo.startCursor;",
    )
    assert careless != usage
    result = _compile(types, tmp_path, careless)
    assert result.returncode != 0
    assert """Argument of type '"TRADE_FLOW"' is not assignable""" in result.stdout
    assert "Type 'string | null' is not assignable to type 'string'" in result.stdout


def test_an_operation_the_api_cannot_answer_is_named_with_its_place(tmp_path: Path) -> None:
    stale = tmp_path / "stale.graphql"
    stale.write_text(
        'query Stale {\n  node(id: "country:JPN") { id announced }\n'
        "  policies(sort: SIDEWAYS) { nodes { id } }\n}\n"
    )
    result = _codegen(tmp_path, stale)
    assert result.returncode == 1
    assert f'{stale}:2:32: Cannot query field "announced" on type "Node".' in result.stderr
    assert f'{stale}:3:18: Value "SIDEWAYS" does not exist in "SortField" enum.' in result.stderr
    assert not (tmp_path / "types.ts").exists()
