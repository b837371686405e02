"""Reading the seed article against the curated corpus: mentions, roles by date, claims."""

from __future__ import annotations

import datetime as dt

import pytest

from graph import GraphClient
from loaders.article import (
    ArticleOptions,
    ArticleReading,
    article_text_from_bytes,
    read_article,
    read_article_file,
)
from schema import RelType, Status
from tests.conftest import ROOT

SEED = ROOT / "tests" / "data" / "seed_article.txt"
#: November 2025 is the only month in which "earlier this month" reaches the 7 Nov remark;
#: the 28th is late in it, before the first permit-delay report (7 Dec) the article calls
#: "not yet confirmed".
SEED_DATE = dt.date(2025, 11, 28)
REMARK = "statement:takaichi-2025-11-07-diet"
SLOWDOWN = "policy:cn-2025-12-licence-slowdown-japan"


def _read(client: GraphClient, text: str, day: dt.date | None) -> ArticleReading:
    return read_article(
        client, article_text_from_bytes(text.encode(), "test.txt"), ArticleOptions(date=day)
    )


@pytest.fixture
def seed(corpus_client: GraphClient) -> ArticleReading:
    return read_article(corpus_client, read_article_file(SEED), ArticleOptions(date=SEED_DATE))


def _claims(reading: ArticleReading, rel: RelType, start: str, end: str) -> list[Status]:
    return [
        c.certainty.status
        for c in reading.claims.claims
        if c.type is rel and c.start == start and c.end == end
    ]


def test_the_seed_fixture_is_the_shared_seed_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seed" / "article.txt"
    if not shared.exists():
        pytest.skip("shared/seed is not beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()


def test_seed_links_the_states_the_pm_the_mine_the_region_and_rare_earths(
    seed: ArticleReading,
) -> None:
    ids = seed.linking.entity_ids()
    assert {
        "country:CHN",
        "country:JPN",
        "leader:sanae-takaichi",
        "mine:bayan-obo",
        "place:inner-mongolia",
        "mineral:rare-earths",
    } <= ids
    text = seed.article.text
    pm = [m for m in seed.linking.mentions if m.entity_id == "leader:sanae-takaichi"]
    assert [text[m.start : m.end] for m in pm] == ["Japan’s PM", "Japan’s Prime Minister"]
    metonyms = {m.text: m.entity_id for m in seed.linking.mentions if m.text in ("Tokyo",)}
    assert metonyms == {"Tokyo": "country:JPN"}
    assert seed.linking.unlinked == ()


def test_every_mention_offset_points_at_its_text(seed: ArticleReading) -> None:
    for m in seed.linking.mentions:
        assert seed.article.text[m.start : m.end] == m.text


def test_the_remark_provoked_the_permit_delay_hedged(seed: ArticleReading) -> None:
    assert _claims(seed, RelType.PROVOKED, REMARK, SLOWDOWN) == [Status.UNVERIFIED]
    claim = next(c for c in seed.claims.claims if c.type is RelType.PROVOKED)
    assert claim.sentence.text.startswith("Yet, this move appears to be a direct reaction")
    assert "2025-11-01..2025-11-27" in claim.note


def test_the_permit_delay_is_unverified_wherever_the_article_states_it(
    seed: ArticleReading,
) -> None:
    assert _claims(seed, RelType.TARGETS, SLOWDOWN, "country:JPN") == [Status.UNVERIFIED]
    assert _claims(seed, RelType.ISSUED_BY, SLOWDOWN, "country:CHN") == [
        Status.UNVERIFIED,
        Status.UNVERIFIED,
    ]


def test_japan_depends_on_chinese_rare_earths(seed: ArticleReading) -> None:
    dependence = [c for c in seed.claims.claims if c.type is RelType.IMPORTS_FROM]
    assert [(c.start, c.end, c.mineral) for c in dependence] == [
        ("country:JPN", "country:CHN", "mineral:rare-earths")
    ]
    assert dependence[0].certainty.status is Status.REPORTED


def test_an_ambiguous_measure_is_left_for_review_not_guessed(seed: ArticleReading) -> None:
    first = [u for u in seed.claims.unresolved if u.sentence.index == 0]
    assert len(first) == 1
    assert "measures fit (policy:cn-2025-10-no55, policy:cn-2025-10-no56" in first[0].reason
    assert all(c.sentence.index != 0 for c in seed.claims.claims)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 11, 28), "leader:sanae-takaichi"),
        (dt.date(2025, 3, 1), "leader:shigeru-ishiba"),
        (dt.date(2023, 6, 1), "leader:fumio-kishida"),
        (None, "office:jpn-prime-minister"),
    ],
)
def test_the_prime_minister_is_whoever_held_the_office_that_day(
    corpus_client: GraphClient, day: dt.date | None, expected: str
) -> None:
    reading = _read(corpus_client, "Analysts said the prime minister spoke to reporters.", day)
    assert [m.entity_id for m in reading.linking.mentions] == [expected]


def test_a_name_after_a_role_is_the_mention_and_former_holders_are_not_resolved(
    corpus_client: GraphClient,
) -> None:
    reading = _read(
        corpus_client,
        "Prime Minister Sanae Takaichi met former Prime Minister Kishida in Tokyo.",
        SEED_DATE,
    )
    assert [(m.text, m.entity_id) for m in reading.linking.mentions] == [
        ("Sanae Takaichi", "leader:sanae-takaichi"),
        ("Kishida", "leader:fumio-kishida"),
        ("Tokyo", "place:tokyo"),
    ]


def test_spelling_variants_link_and_unknown_names_go_to_review(corpus_client: GraphClient) -> None:
    reading = _read(
        corpus_client,
        "Sanae Takaichy visited the Baiyan Obo site. Tetsuro Homma said lithium and "
        "dysprossium were short, and the commerce ministry in Beijing said nothing.",
        SEED_DATE,
    )
    linked = {m.text: m.entity_id for m in reading.linking.mentions}
    assert linked == {
        "Sanae Takaichy": "leader:sanae-takaichi",
        "Baiyan Obo": "mine:bayan-obo",
        "dysprossium": "mineral:Dy",
        "the commerce ministry": "organization:mofcom",
        "Beijing": "place:beijing",
    }
    assert [u.text for u in reading.linking.unlinked] == ["Tetsuro Homma", "lithium"]
    fuzzy = [m for m in reading.linking.mentions if m.how.startswith("fuzzy")]
    assert len(fuzzy) == 3
    assert all(m.confidence < 0.9 for m in fuzzy)


def test_a_plain_sentence_about_an_official_ban_reads_as_confirmed(
    corpus_client: GraphClient,
) -> None:
    reading = _read(
        corpus_client,
        "China announced a ban on exports of dual-use items to Japan's military users.",
        dt.date(2026, 1, 7),
    )
    targets = _claims(
        reading, RelType.TARGETS, "policy:cn-2026-01-dual-use-ban-japan", "country:JPN"
    )
    assert targets == [Status.CONFIRMED]
