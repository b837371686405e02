"""What rows are matched against: the graph's countries, leaders, organizations and minerals."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graph import GraphClient

__all__ = ["Lookups"]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass
class Lookups:
    """Countries by ISO3, M49 and name; leaders and organizations by exact name or alias.

    Names match after case folding and whitespace collapsing only; a name two nodes share
    matches neither.
    """

    country_by_iso3: dict[str, str] = field(default_factory=dict)
    iso3_by_m49: dict[str, str] = field(default_factory=dict)
    iso3_by_name: dict[str, str] = field(default_factory=dict)
    actor_by_name: dict[str, str] = field(default_factory=dict)
    minerals: frozenset[str] = frozenset()

    @classmethod
    def read(cls, client: GraphClient) -> Lookups:
        row = client.read("research_data/lookups")[0]
        lookups = cls(minerals=frozenset(row["minerals"]))
        names: dict[str, set[str]] = defaultdict(set)
        for country in row["countries"]:
            iso3 = country.get("iso3")
            if not iso3:
                continue
            lookups.country_by_iso3[iso3] = country["id"]
            if country.get("m49"):
                lookups.iso3_by_m49[str(int(country["m49"]))] = iso3
            for name in [country.get("name"), *(country.get("aliases") or [])]:
                if name:
                    names[_fold(name)].add(iso3)
        lookups.iso3_by_name = {n: next(iter(v)) for n, v in names.items() if len(v) == 1}
        actors: dict[str, set[str]] = defaultdict(set)
        for actor in row["actors"]:
            for name in [actor.get("name"), *(actor.get("aliases") or [])]:
                if name:
                    actors[_fold(name)].add(actor["id"])
        lookups.actor_by_name = {n: next(iter(v)) for n, v in actors.items() if len(v) == 1}
        return lookups

    def actor(self, name: str) -> str | None:
        """The leader or organization with exactly this name or alias (any case)."""
        return self.actor_by_name.get(_fold(name)) if name else None

    def iso3(self, value: str) -> str | None:
        """An ISO3 code from an ISO3 code, an M49 number or a country name in the graph."""
        text = value.strip()
        if len(text) == 3 and text.isalpha() and text.isupper():
            return text
        if text.isdigit():
            return self.iso3_by_m49.get(str(int(text)))
        return self.iso3_by_name.get(_fold(text)) if text else None
