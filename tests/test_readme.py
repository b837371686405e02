"""The README's examples run: its GraphQL answers on the corpus, its commands exist."""

from __future__ import annotations

import re
import shlex

import pytest

from api import ApiSettings, create_app
from api.cli import _parser
from graph import GraphClient, GraphSettings
from tests.conftest import ROOT
from tests.http import in_process

README = (ROOT / "README.md").read_text()

# In-process apps read GraphQL through their own async driver, to NEO4J_URI: the test server.
# Slow tier (`make test-fast` leaves it out): runs every example the README shows.
pytestmark = [pytest.mark.usefixtures("graph_settings_env"), pytest.mark.slow]


@pytest.mark.anyio
async def test_every_graphql_example_answers_on_the_corpus(corpus_client: GraphClient) -> None:
    examples = re.findall(r"```graphql\n(.*?)```", README, re.S)
    assert examples
    app = create_app(ApiSettings(), GraphSettings(), client=corpus_client)
    async with in_process(app) as http:
        for example in examples:
            response = await http.post("/graphql", json={"query": example})
            body = response.json()
            assert response.status_code == 200
            assert "errors" not in body, body
            assert any(body["data"].values())


def test_every_dyad_command_in_the_readme_exists() -> None:
    parser = _parser()
    commands = re.findall(r"^\.venv/bin/dyad ([^#\n]+?)\s*(?:#.*)?$", README, re.M)
    assert len(commands) >= 6
    for command in commands:
        words = shlex.split(command.replace("|", " "))
        first = [w for w in words if not w.startswith("[")][:1]
        assert first, command
        assert first[0] in parser._subparsers._group_actions[0].choices, command  # type: ignore[union-attr]
