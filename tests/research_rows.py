"""Synthetic rows in the exact research formats, for tests (nothing here is real data)."""

from __future__ import annotations

import random
from pathlib import Path

GDELT_COLUMNS = 61
_AT = {"id": 0, "date": 1, "a1code": 5, "a1name": 6, "a1country": 7, "a2code": 15,
       "a2name": 16, "a2country": 17, "root": 25, "code": 26, "base": 27, "rootcode": 28,
       "quad": 29, "goldstein": 30, "mentions": 31, "sources": 32, "articles": 33,
       "tone": 34, "added": 59, "url": 60}  # fmt: skip


def gdelt_row(
    event_id: int,
    date: str,
    actor: str,
    recipient: str,
    code: str,
    quad: int,
    goldstein: float,
    tone: float,
    articles: int,
    *,
    actor_name: str = "",
    recipient_name: str = "",
) -> str:
    """One tab-separated GDELT 2.0 events row (61 columns) with the given values."""
    fields = [""] * GDELT_COLUMNS
    values = {
        "id": str(event_id), "date": date, "a1code": actor, "a1name": actor_name or actor,
        "a1country": actor, "a2code": recipient, "a2name": recipient_name or recipient,
        "a2country": recipient, "root": "1", "code": code, "base": code[:3],
        "rootcode": code[:2], "quad": str(quad), "goldstein": str(goldstein),
        "mentions": str(articles * 2), "sources": "1", "articles": str(articles),
        "tone": str(tone), "added": date + "120000",
        "url": f"https://example.org/synthetic/{event_id}",
    }  # fmt: skip
    fields[2], fields[3], fields[4] = date[:6], date[:4], f"{date[:4]}.5"
    for name, value in values.items():
        fields[_AT[name]] = value
    return "\t".join(fields)


def write_synthetic_gdelt(path: Path, rows: int, seed: int = 6) -> None:
    """``rows`` CHN↔JPN events over 2025, from a seeded generator."""
    rng = random.Random(seed)
    codes = [("010", 1, 0.0), ("046", 1, 7.0), ("061", 2, 6.4), ("112", 3, -2.0),
             ("1312", 3, -5.8), ("163", 4, -8.0)]  # fmt: skip
    with path.open("w", encoding="utf-8") as out:
        for n in range(rows):
            actor, recipient = ("CHN", "JPN") if n % 2 else ("JPN", "CHN")
            code, quad, goldstein = rng.choice(codes)
            date = f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            tone = round(rng.uniform(-10, 5), 2)
            out.write(
                gdelt_row(1_000_000 + n, date, actor, recipient, code, quad, goldstein, tone,
                          rng.randint(1, 20)) + "\n"
            )  # fmt: skip
