"""Linked-entity precision and recall on labelled public news passages (tests/data/articles).

The gold labels were written from the passages and the corpus before the linker was run on
them; ``labels.yaml`` states the rule. Scored kinds: countries, places, people, bodies,
mines, minerals and industries (acts are claims, not mentions).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from graph import GraphClient
from loaders.article import ArticleOptions, read_article, read_article_file
from schema import Label, label_for_id
from tests.conftest import ROOT

# Slow tier (`make test-fast` leaves it out): reads the whole evaluation set.
pytestmark = pytest.mark.slow

ARTICLES = ROOT / "tests" / "data" / "articles"
SCORED = {
    Label.COUNTRY,
    Label.PLACE,
    Label.LEADER,
    Label.ORGANIZATION,
    Label.MINE,
    Label.MINERAL,
    Label.INDUSTRY,
}


def _passages() -> list[dict[str, Any]]:
    data = yaml.safe_load((ARTICLES / "labels.yaml").read_text(encoding="utf-8"))
    passages: list[dict[str, Any]] = data["passages"]
    return passages


def _predicted(client: GraphClient, passage: dict[str, Any]) -> set[str]:
    date = passage["date"]
    assert isinstance(date, dt.date)
    reading = read_article(
        client, read_article_file(ARTICLES / passage["file"]), ArticleOptions(date=date)
    )
    return {i for i in reading.linking.entity_ids() if label_for_id(i) in SCORED}


def test_the_labelled_set_is_at_least_five_sourced_passages() -> None:
    passages = _passages()
    assert len(passages) >= 5
    for p in passages:
        assert (ARTICLES / p["file"]).read_text(encoding="utf-8").strip()
        assert p["url"].startswith(("http://", "https://"))
        assert p["entities"], p["file"]
        assert all(label_for_id(i) in SCORED for i in p["entities"]), p["file"]


def test_gold_labels_name_entities_of_the_corpus(corpus_client: GraphClient) -> None:
    wanted = sorted({i for p in _passages() for i in p["entities"]})
    rows = corpus_client.read("load/existing_ids_read", ids=wanted)
    assert sorted(r["id"] for r in rows) == wanted


def test_linking_precision_and_recall(
    corpus_client: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    true_pos = false_pos = false_neg = 0
    misses: list[str] = []
    for passage in _passages():
        gold = set(passage["entities"])
        predicted = _predicted(corpus_client, passage)
        true_pos += len(gold & predicted)
        false_pos += len(predicted - gold)
        false_neg += len(gold - predicted)
        misses += [f"{passage['file']}: extra {i}" for i in sorted(predicted - gold)]
        misses += [f"{passage['file']}: missed {i}" for i in sorted(gold - predicted)]
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    with capsys.disabled():
        print(
            f"\narticle linking: precision {precision:.3f}, recall {recall:.3f} "
            f"(tp {true_pos}, fp {false_pos}, fn {false_neg}); " + "; ".join(misses)
        )
    assert precision >= 0.85, misses
    assert recall >= 0.70, misses
