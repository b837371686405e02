"""docker-compose, the Dockerfile, the Makefile and CI agree with what the project runs."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml

from api.cli import _parser
from tests.conftest import ROOT


def _compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())  # type: ignore[no-any-return]


def _dyad_commands(command: list[str] | str) -> list[list[str]]:
    text = command if isinstance(command, str) else " ".join(shlex.quote(c) for c in command)
    words = shlex.split(text)
    if words[:2] == ["sh", "-c"]:
        words = shlex.split(words[2])
    commands: list[list[str]] = []
    current: list[str] = []
    for word in [*words, "&&"]:
        if word == "&&":
            if current and current[0] == "dyad":
                commands.append(current[1:])
            current = []
        else:
            current.append(word)
    return commands


def test_compose_runs_the_official_neo4j_with_a_healthcheck_and_a_volume() -> None:
    services = _compose()["services"]
    assert set(services) == {"neo4j", "loader", "api"}
    neo4j = services["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "127.0.0.1:7687:7687" in neo4j["ports"]
    assert "healthcheck" in neo4j
    assert any(v.startswith("neo4j-data:") for v in neo4j["volumes"])
    assert "neo4j-data" in _compose()["volumes"]


def test_compose_commands_are_commands_dyad_has() -> None:
    services = _compose()["services"]
    parser = _parser()
    seen = []
    for name in ("loader", "api"):
        service = services[name]
        assert service["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
        assert service["depends_on"]["neo4j"]["condition"] == "service_healthy"
        for argv in _dyad_commands(service["command"]):
            parser.parse_args(argv)  # exits the test run on an unknown command
            seen.append(argv[0])
    assert seen == ["migrate", "load", "serve"]
    assert services["api"]["ports"] == ["127.0.0.1:8000:8000"]
    assert services["loader"]["restart"] == "no"


def test_dockerfile_serves_what_compose_expects() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["dyad", "serve"]' in dockerfile
    assert "EXPOSE 8000" in dockerfile
    for package in ("schema", "queries", "graph", "loaders", "api"):
        assert f"COPY {package} ./{package}" in dockerfile


def test_ci_and_readme_use_the_two_commands() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme
    assert "make test" in readme
    makefile = (ROOT / "Makefile").read_text()
    assert "dyad up" in makefile


def test_the_server_project_pins_neo4j_526() -> None:
    pom = Path(ROOT / "graph" / "server" / "pom.xml").read_text()
    assert "<neo4j.version>5.26." in pom
