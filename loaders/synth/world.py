"""A deterministic synthetic world, block by block, for benchmarks at any scale.

Real bilateral data grows unevenly: there are only so many states, minerals and industries,
while statements, measures, events, trade rows and the texts that report them keep coming.
The synthetic world grows the same way. Scale ``N`` is ``N`` blocks; each block adds about
1,000 nodes and 3,000 relationships of the "activity" kinds (statements, policies, events,
trade flows, sources, organizations, leaders), while the "reference" kinds grow slowly and
stop (countries at 250, minerals at 30, industries at 1,000). Activity links to states
follow a Zipf law, so a few states become hubs with hundreds of thousands of relationships,
as China and Japan do in GDELT.

Each block draws from its own random generator, seeded by ``(seed, block)``, and links only
to nodes of its own or earlier blocks: the world at scale 10 contains the world at scale 1
unchanged, so a benchmark can grow one database instead of rebuilding it.

Every node and relationship cites a synthetic ``Source`` of its block, whose citation says
it is synthetic; ids read ``<kind>:synth-…`` so they can never be taken for the corpus.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Iterator
from typing import Any

from schema import (
    CONFIDENCE_BANDS,
    Country,
    Event,
    Industry,
    Leader,
    Mine,
    Mineral,
    MineralGroup,
    Node,
    Office,
    Organization,
    OrgType,
    Place,
    Policy,
    PolicyType,
    Relationship,
    Reliability,
    RelType,
    Source,
    SourceKind,
    Stance,
    Statement,
    Status,
    TradeFlow,
)

__all__ = ["BLOCK", "Anchors", "expected_size", "synthetic_world"]

Item = Node | Relationship
R = RelType

#: What one block adds of each activity kind.
BLOCK = {
    "source": 200,
    "organization": 40,
    "leader": 30,
    "office": 10,
    "place": 5,
    "mine": 5,
    "statement": 80,
    "policy": 40,
    "event": 450,
    "tradeflow": 120,
}
MAX_COUNTRIES = 250
MINERALS = 30
RARE_EARTHS = 17
FIRST_COUNTRIES = 17
FIRST_INDUSTRIES = 23
MAX_INDUSTRIES = 1_000
EPOCH = dt.date(2015, 1, 1)
DAYS = 4_000

_SYLLABLES = (
    "ka", "ri", "to", "na", "mo", "se", "lu", "vi", "an", "dor", "el", "is",
    "ul", "ta", "ke", "ro", "ba", "sa", "mi", "no", "ha", "ze", "pe",
)  # fmt: skip
_TOPICS = (
    "rare earth export controls",
    "dual-use items licensing",
    "magnet supply security",
    "gallium and germanium exports",
    "critical minerals stockpile",
    "semiconductor equipment",
    "maritime boundary",
    "trade remedy on steel",
)


class Anchors:
    """Ids that exist at every scale: what benchmarks ask about.

    Block 0 always holds a chain: ``statement`` PROVOKED the first policy, issued by ``hub``
    and aimed at ``home``, which RESTRICTS mineral 1; the first three industries are in
    ``home`` and DEPEND_ON mineral 1 (and other industries are SUPPLIED by them).
    """

    statement = "statement:synth-0-0"
    #: The policy ``statement`` PROVOKED, and an office of block 0 (held by leaders).
    policy = "policy:synth-0-0"
    office = "office:synth-0-0"
    home = "country:synth-1"
    hub = "country:synth-0"
    policy_kind = "Policy"


def expected_size(scale: int) -> tuple[int, int]:
    """Roughly how many nodes and relationships ``scale`` yields (for progress bars)."""
    per_block_nodes = sum(BLOCK.values()) + 3  # + a country, an industry, a few offices
    return (scale * per_block_nodes + 120, scale * 3_050 + 400)


def _name(rng: random.Random, words: int = 2) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return " ".join(word() for _ in range(words))


def _iso3(index: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "X" + letters[index // 26 % 26] + letters[index % 26]


def _day(rng: random.Random) -> str:
    return (EPOCH + dt.timedelta(days=rng.randrange(DAYS))).isoformat()


class _Zipf:
    """Draws indexes 0..n-1 with weight 1/(i+1): a few very popular, a long tail."""

    def __init__(self, n: int) -> None:
        self.cumulative = list(itertools.accumulate(1.0 / (i + 1) for i in range(n)))

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])


def _group(mineral: int) -> MineralGroup:
    if mineral >= RARE_EARTHS:
        return MineralGroup.OTHER
    return MineralGroup.LIGHT if mineral < 7 else MineralGroup.HEAVY


def _countries_at(block: int) -> int:
    return min(MAX_COUNTRIES, FIRST_COUNTRIES + block)


def _industries_at(block: int) -> int:
    return min(MAX_INDUSTRIES, FIRST_INDUSTRIES + block)


class _Block:
    """One block's draws. ``emit`` yields its nodes first, then its relationships."""

    def __init__(self, seed: int, block: int) -> None:
        self.rng = random.Random(f"{seed}:{block}")
        self.block = block
        self.countries = _Zipf(_countries_at(block))
        self.sources = [f"source:synth-{block}-{i}" for i in range(BLOCK["source"])]
        self.rels: list[Relationship] = []

    # -- helpers ---------------------------------------------------------------------------
    def local(self, kind: str, index: int) -> str:
        return f"{kind}:synth-{self.block}-{index}"

    def some(self, kind: str) -> str:
        """A node of ``kind`` from this block (nine times in ten) or an earlier one."""
        rng = self.rng
        block = self.block if self.block == 0 or rng.random() < 0.9 else rng.randrange(self.block)
        return f"{kind}:synth-{block}-{rng.randrange(BLOCK[kind])}"

    def country(self) -> str:
        return f"country:synth-{self.countries.draw(self.rng)}"

    def mineral(self) -> str:
        rng = self.rng
        pick = rng.randrange(RARE_EARTHS) if rng.random() < 0.7 else rng.randrange(MINERALS)
        return f"mineral:synth-{pick}"

    def industry(self) -> str:
        return f"industry:synth-{self.rng.randrange(_industries_at(self.block))}"

    def cite(self) -> tuple[str, ...]:
        rng = self.rng
        return tuple(rng.sample(self.sources, 2 if rng.random() < 0.3 else 1))

    def link(self, start: str, rel: RelType, end: str, **measures: Any) -> None:
        rng = self.rng
        roll = rng.random()
        status = (
            Status.CONFIRMED
            if roll < 0.85
            else Status.REPORTED
            if roll < 0.95
            else Status.UNVERIFIED
            if roll < 0.98
            else Status.ALLEGED
        )
        self.rels.append(
            Relationship(
                start=start,
                type=rel,
                end=end,
                sources=self.cite(),
                confidence=round(rng.uniform(*CONFIDENCE_BANDS[status]), 2),
                status=status,
                method="imported",
                **measures,
            )
        )

    # -- the block -------------------------------------------------------------------------
    def emit(self) -> Iterator[Item]:
        yield from self.sources_()
        if self.block == 0:
            yield from self.reference()
        yield from self.growth()
        yield from self.actors()
        yield from self.deeds()
        yield from self.events()
        yield from self.trade()
        yield from self.mentions()
        yield from self.rels

    def sources_(self) -> Iterator[Node]:
        for i, source_id in enumerate(self.sources):
            yield Source(
                id=source_id,
                name=f"Synthetic report {self.block}-{i}",
                title=f"Synthetic report {self.block}-{i}",
                publisher="dyad synth",
                origin=f"dyad synth {self.block}-{i}",
                reliability=Reliability.A,  # synthetic: every status is allowed
                source_kind=SourceKind.PRIMARY_DOCUMENT,
                citation=f"Synthetic text {self.block}-{i} generated by dyad synth (not a fact).",
                published=_day(self.rng),
            )

    def reference(self) -> Iterator[Node]:
        """Block 0: the first states, all the minerals, the first industries."""
        for i in range(FIRST_COUNTRIES):
            yield self.new_country(i)
        rng = self.rng
        for i in range(MINERALS):
            rare = i < RARE_EARTHS
            yield Mineral(
                id=f"mineral:synth-{i}",
                name=f"{_name(rng, 1)}ium",
                sources=self.cite(),
                group=_group(i),
                rare_earth=rare,
            )
        for i in range(1, RARE_EARTHS):
            self.link(f"mineral:synth-{i}", R.PART_OF, "mineral:synth-0")
        for i in range(FIRST_INDUSTRIES):
            yield from self.new_industry(i)

    def growth(self) -> Iterator[Node]:
        """Later blocks: one more state and one more industry while below their caps."""
        if self.block and FIRST_COUNTRIES + self.block <= MAX_COUNTRIES:
            yield self.new_country(FIRST_COUNTRIES + self.block - 1)
        if self.block and FIRST_INDUSTRIES + self.block <= MAX_INDUSTRIES:
            yield from self.new_industry(FIRST_INDUSTRIES + self.block - 1)

    def new_country(self, i: int) -> Node:
        country_id = f"country:synth-{i}"
        if i and self.rng.random() < 0.5:
            self.link(country_id, R.IMPORTS_FROM, "country:synth-0", key=str(2020 + i % 6),
                      share=round(self.rng.uniform(0.2, 0.9), 2), year=2020 + i % 6)  # fmt: skip
        return Country(
            id=country_id, name=f"{_name(self.rng, 1)}ia", iso3=_iso3(i), sources=self.cite()
        )

    def new_industry(self, i: int) -> Iterator[Node]:
        rng = self.rng
        industry_id = f"industry:synth-{i}"
        yield Industry(
            id=industry_id,
            name=f"{_name(rng, 1)} {rng.choice(['magnets', 'motors', 'batteries', 'optics'])}",
            sector=rng.choice(["automotive", "electronics", "defence", "energy", "medical"]),
            sources=self.cite(),
        )
        # The anchor chain (see ``Anchors``): the first three industries are the home
        # state's and need mineral 1, which the first policy restricts.
        home = i < 3
        where = 1 if home else rng.randrange(1 + min(i, 16))
        self.link(industry_id, R.LOCATED_IN, f"country:synth-{where}")
        minerals = {self.mineral() for _ in range(2)} | ({"mineral:synth-1"} if home else set())
        for mineral in sorted(minerals):
            self.link(industry_id, R.DEPENDS_ON, mineral, intensity=round(rng.random(), 2))
        if i:
            self.link(industry_id, R.SUPPLIES, f"industry:synth-{rng.randrange(i)}")

    def actors(self) -> Iterator[Node]:
        rng = self.rng
        for i in range(BLOCK["organization"]):
            org_id = self.local("organization", i)
            yield Organization(
                id=org_id,
                name=f"{_name(rng)} {rng.choice(['Corporation', 'Ministry', 'Institute'])}",
                org_type=rng.choice([OrgType.COMPANY, OrgType.GOVERNMENT, OrgType.RESEARCH]),
                sources=self.cite(),
            )
            self.link(org_id, R.BASED_IN, self.country())
            self.link(org_id, R.OPERATES_IN, self.industry())
            if i and rng.random() < 0.3:
                self.link(org_id, R.PART_OF, self.local("organization", rng.randrange(i)))
            if rng.random() < 0.2:
                self.link(org_id, R.SUPPLIES, self.industry())
        for i in range(BLOCK["office"]):
            office_id = self.local("office", i)
            yield Office(
                id=office_id, name=f"Minister of {_name(rng, 1)}", title="Minister",
                sources=self.cite(),
            )  # fmt: skip
            self.link(office_id, R.OFFICE_OF, self.country())
        for i in range(BLOCK["leader"]):
            leader_id = self.local("leader", i)
            yield Leader(id=leader_id, name=_name(rng), sources=self.cite())
            self.link(leader_id, R.HOLDS_OFFICE, self.local("office", i % BLOCK["office"]),
                      key=str(i // BLOCK["office"]))  # fmt: skip
            self.link(leader_id, R.MEMBER_OF, self.local("organization", rng.randrange(40)))
            self.link(leader_id, R.BASED_IN, self.country())
        for i in range(BLOCK["place"]):
            place_id = self.local("place", i)
            yield Place(id=place_id, name=_name(rng), place_type="province", sources=self.cite())
            self.link(place_id, R.LOCATED_IN, self.country())
        for i in range(BLOCK["mine"]):
            mine_id = self.local("mine", i)
            yield Mine(id=mine_id, name=f"{_name(rng, 1)} mine", site_type="mine",
                       sources=self.cite())  # fmt: skip
            self.link(mine_id, R.LOCATED_IN, self.local("place", i))
            for mineral in sorted({self.mineral() for _ in range(2)}):
                self.link(mine_id, R.PRODUCES, mineral)
            self.link(self.local("organization", rng.randrange(40)), R.OPERATES, mine_id)

    def deeds(self) -> Iterator[Node]:
        rng = self.rng
        for i in range(BLOCK["statement"]):
            statement_id = self.local("statement", i)
            topic = rng.choice(_TOPICS)
            yield Statement(
                id=statement_id,
                name=f"{_name(rng, 1)} remarks on {topic}",
                date=_day(rng),
                summary=f"A synthetic statement on {topic}.",
                stance=rng.choice(list(Stance)),
                sources=self.cite(),
            )
            self.link(statement_id, R.MADE_BY, self.local("leader", rng.randrange(30)))
            self.link(statement_id, R.ABOUT, self.country())
            if i < 24:  # a third of the statements provoke a measure
                self.link(statement_id, R.PROVOKED, self.local("policy", i))
            if rng.random() < 0.3:
                self.link(statement_id, R.TARGETS, self.country())
        for i in range(BLOCK["policy"]):
            policy_id = self.local("policy", i)
            topic = rng.choice(_TOPICS)
            yield Policy(
                id=policy_id,
                name=f"{_name(rng, 1)} measure on {topic}",
                policy_type=rng.choice(list(PolicyType)),
                summary=f"A synthetic measure on {topic}.",
                announced=_day(rng),
                sources=self.cite(),
            )
            anchor = self.block == 0 and i == 0
            self.link(policy_id, R.ISSUED_BY, Anchors.hub if anchor else self.country())
            self.link(policy_id, R.TARGETS, Anchors.home if anchor else self.country())
            minerals = {self.mineral() for _ in range(rng.choice([1, 1, 2]))}
            for mineral in sorted(minerals | ({"mineral:synth-1"} if anchor else set())):
                self.link(policy_id, R.RESTRICTS, mineral)
            if rng.random() < 0.8:
                self.link(policy_id, R.AFFECTS, self.industry())
            if i and rng.random() < 0.5:
                self.link(policy_id, R.RESPONDS_TO, self.local("policy", rng.randrange(i)))
            if i and rng.random() < 0.1:
                self.link(policy_id, R.AMENDS, self.local("policy", rng.randrange(i)))
            if rng.random() < 0.5:
                self.link(policy_id, R.ABOUT, self.mineral())

    def events(self) -> Iterator[Node]:
        rng = self.rng
        for i in range(BLOCK["event"]):
            event_id = self.local("event", i)
            actor, recipient = self.country(), self.country()
            yield Event(
                id=event_id,
                name=f"{_name(rng, 1)} event",
                event_type="synthetic",
                date=_day(rng),
                dataset="synth",
                dataset_id=f"{self.block}-{i}",
                cameo_code=f"{rng.randrange(1, 21):02d}",
                goldstein=round(rng.uniform(-10, 10), 1),
                num_mentions=rng.randrange(1, 50),
                sources=self.cite(),
            )
            self.link(event_id, R.INVOLVES, actor, role="actor")
            if recipient != actor:
                self.link(event_id, R.INVOLVES, recipient, role="recipient")
            if rng.random() < 0.5:
                self.link(event_id, R.LOCATED_IN, self.country())
            if rng.random() < 0.2:
                self.link(event_id, R.ABOUT, self.some("policy"))

    def trade(self) -> Iterator[Node]:
        rng = self.rng
        for i in range(BLOCK["tradeflow"]):
            flow_id = self.local("tradeflow", i)
            reporter, partner = self.country(), self.country()
            mineral = self.mineral()
            year = 2015 + rng.randrange(11)
            yield TradeFlow(
                id=flow_id,
                name=f"Trade row {self.block}-{i}",
                reporter=_iso3(int(reporter.rsplit("-", 1)[1])),
                partner=_iso3(int(partner.rsplit("-", 1)[1])),
                flow=rng.choice(["M", "X"]),
                hs_code="280530",
                mineral=mineral,
                year=year,
                period=str(year),
                value_usd=round(rng.uniform(1e3, 1e8), 2),
                sources=self.cite(),
            )
            self.link(flow_id, R.INVOLVES, reporter, role="reporter")
            if partner != reporter:
                self.link(flow_id, R.INVOLVES, partner, role="partner")
            self.link(flow_id, R.ABOUT, mineral)

    def mentions(self) -> Iterator[Node]:
        rng = self.rng
        kinds = ("statement", "policy", "organization", "leader", "event")
        for source_id in self.sources:
            for n in range(4):
                kind = rng.choice(kinds)
                target = self.local(kind, rng.randrange(BLOCK[kind]))
                self.link(source_id, R.MENTIONS, target, key=str(n),
                          start_char=n * 40, end_char=n * 40 + 12)  # fmt: skip
        return iter(())


def synthetic_world(scale: int, seed: int = 1, *, first_block: int = 0) -> Iterator[Item]:
    """Nodes and relationships of blocks ``first_block``..``scale - 1``, in an order the
    loader can write batch by batch (every relationship after both of its ends)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    for block in range(first_block, scale):
        yield from _Block(seed, block).emit()
