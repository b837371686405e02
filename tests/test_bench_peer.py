"""The benchmark beside its peer (bench/peer.py) times only questions both servers answer alike:
its check compares the node ids two answers name, whatever their shapes, and stops at errors;
and on the corpus, Dyad and @neo4j/graphql name the same ids for every question it times."""

from __future__ import annotations

from typing import Any

import pytest

from bench.lean_http import KeptAlive
from bench.peer import PEER_CASES, PEER_DIR, disagreement, ids_in, served_peer
from graph import GraphClient, GraphSettings
from tests.conftest import free_port
from tests.http import dyad_serve

DYAD = {
    "data": {
        "node": {
            "id": "country:JPN",
            "relations": [
                {"other": {"id": "policy:a", "relations": [{"other": {"id": "mineral:Dy"}}]}},
                {"other": {"id": "statement:b"}},
            ],
        }
    }
}
PEER = {
    "data": {
        "countries": [
            {
                "id": "country:JPN",
                "targetedBy": [
                    {"id": "statement:b"},
                    {"id": "policy:a", "restricts": [{"id": "mineral:Dy"}]},
                ],
            }
        ]
    }
}


def test_answers_of_different_shapes_agree_when_they_name_the_same_ids() -> None:
    assert ids_in(DYAD) == {"country:JPN", "policy:a", "statement:b", "mineral:Dy"}
    assert disagreement(DYAD, PEER) is None


def test_a_missing_or_extra_id_is_named_and_an_error_is_never_agreement() -> None:
    fewer = {"data": {"countries": [{"id": "country:JPN", "targetedBy": [{"id": "policy:a"}]}]}}
    why = disagreement(DYAD, fewer)
    assert why is not None
    assert "only Dyad names ['mineral:Dy', 'statement:b']" in why
    assert "only the peer names []" in why
    failed = {"data": None, "errors": [{"message": "the query ran past its time limit"}]}
    assert "Dyad answered with errors" in (disagreement(failed, PEER) or "")
    assert "the peer answered with errors" in (disagreement(DYAD, {"data": {}}) or "")


@pytest.mark.slow  # `dyad serve` and the peer (Node.js) in processes of their own
def test_dyad_and_the_peer_name_the_same_ids_for_every_question_on_the_corpus(
    corpus_client: GraphClient, graph_settings: GraphSettings
) -> None:
    if not (PEER_DIR / "node_modules").is_dir():
        pytest.fail("the peer is not installed: run `make install` (npm ci --prefix bench/peer)")
    uri = graph_settings.effective_uri()
    with dyad_serve(uri) as dyad_url, served_peer(uri, free_port()) as peer_url:
        dyad, peer = KeptAlive(f"{dyad_url}/graphql"), KeptAlive(peer_url)
        try:
            answers = [
                (case.name, _warm(dyad, case.dyad), _warm(peer, case.peer)) for case in PEER_CASES
            ]
        finally:
            dyad.close()
            peer.close()
    for name, ours, theirs in answers:
        assert disagreement(ours, theirs) is None, name
        assert len(ids_in(ours)) > 1, name  # a question with an answer, not two empty ones


def _warm(server: KeptAlive, query: str) -> dict[str, Any]:
    """The answer to ``query`` once warm: a cold plan on a machine shared with other runs can
    pass Dyad's 30 s time limit the first time (the benchmark warms before it compares too)."""
    answer = server.post({"query": query})
    return server.post({"query": query}) if answer.get("errors") else answer
