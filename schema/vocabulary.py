"""The graph's vocabulary: node labels, relationship types, allowed patterns, causality.

Everything that may appear as a label or a relationship type in Neo4j is declared here and
nowhere else. Loaders validate against it, Cypher files are checked against it by a test, and
the GraphQL schema and ``docs/SCHEMA.md`` are generated from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "BASE_LABEL",
    "CAUSAL_TYPES",
    "CODED_EVENT_LINK",
    "CODED_EVENT_LINK_STARTS",
    "COUNTRY_LINKS",
    "DEEDS",
    "LISTING_LABEL",
    "LIST_KEYS",
    "MEASURE_REACH",
    "PATTERNS",
    "CausalDirection",
    "Label",
    "MeasureReach",
    "Pattern",
    "RelType",
    "causal_direction",
    "id_prefix",
    "is_allowed",
    "label_for_id",
    "without_list_keys",
]

#: Every node carries this label as well as its own; ``Entity.id`` is unique across the graph.
BASE_LABEL = "Entity"

#: The sort keys lists and the timeline read in order from a range index (#24), stored on every
#: node by ``graph/list_keys.py`` whenever it or a node within 4 causal steps is written. Each
#: is one string, ``Label␁dataset␁key␁id`` (␁ is U+0001, below any character of a key): a
#: prefix per kind and tier (curated: an empty dataset; coded events: their dataset), then the
#: key (``list_date``: the timeline's date order, narrowed by causality; ``list_name``: the
#: lower-cased name), then the id that breaks ties. They are derived, never facts: loads,
#: exports, dumps and fingerprints leave them out.
#: ``list_countries`` and ``list_country_confidence`` are the node's countries (schema
#: ``COUNTRY_LINKS``), sorted by id, and for each the confidence of its best link, so that a
#: list or the timeline filtered by country reads one property instead of walking two hops.
LIST_KEYS = ("list_date", "list_name", "list_countries", "list_country_confidence")

#: The label of a listing: a node's entry under one of its countries, so that a list, its
#: ``totalCount`` or the timeline filtered by a country reads one range of a range index, in
#: order, instead of every node of the kind. A curated node (no ``dataset``) has one per entry
#: of ``list_countries``, rewritten with its list keys (coded event data has none: its lists by
#: country read the kind's range). Its properties: ``of`` (the node's id); ``date_key`` and
#: ``name_key``, the country's id, ␁ and the node's ``list_date`` / ``list_name``;
#: ``until_key``, ``country␁Label␁␁`` then the last day the node covers (ISO, '' when undated),
#: ␁ and its id, so "on or after a day" is one range; ``earliest`` (its first day),
#: ``confidence`` (its best link to the country) and, for a policy the country issued
#: (``ISSUED_BY`` it or a body ``BASED_IN`` it), ``issued_key``: ``country␁`` then the day it
#: took effect (or was announced), ␁ and its id, which ``inForce`` reads in order. Like the
#: list keys, derived, never a fact: it carries no ``Entity`` label and is joined to nothing,
#: and dumps, exports and fingerprints leave it out.
LISTING_LABEL = "Listing"


def without_list_keys(properties: dict[str, object]) -> dict[str, object]:
    """A node's stored properties without its derived list keys."""
    return {k: v for k, v in properties.items() if k not in LIST_KEYS}


class Label(StrEnum):
    """The kinds of node. A node's ``id`` starts with the kind's prefix: ``country:JPN``."""

    COUNTRY = "Country"
    PLACE = "Place"
    LEADER = "Leader"
    OFFICE = "Office"
    ORGANIZATION = "Organization"
    STATEMENT = "Statement"
    POLICY = "Policy"
    EVENT = "Event"
    MINERAL = "Mineral"
    MINE = "Mine"
    INDUSTRY = "Industry"
    SOURCE = "Source"
    TRADE_FLOW = "TradeFlow"


class RelType(StrEnum):
    """The kinds of relationship."""

    # who and where
    HOLDS_OFFICE = "HOLDS_OFFICE"
    OFFICE_OF = "OFFICE_OF"
    MEMBER_OF = "MEMBER_OF"
    NATIONAL_OF = "NATIONAL_OF"
    BASED_IN = "BASED_IN"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    OPERATES = "OPERATES"
    OPERATES_IN = "OPERATES_IN"
    PRODUCES = "PRODUCES"
    IMPORTS_FROM = "IMPORTS_FROM"
    # what was said and done
    MADE_BY = "MADE_BY"
    ISSUED_BY = "ISSUED_BY"
    INVOLVES = "INVOLVES"
    ABOUT = "ABOUT"
    SUSPENDS = "SUSPENDS"
    AMENDS = "AMENDS"
    # causal
    PROVOKED = "PROVOKED"
    RESPONDS_TO = "RESPONDS_TO"
    RESTRICTS = "RESTRICTS"
    TARGETS = "TARGETS"
    AFFECTS = "AFFECTS"
    DEPENDS_ON = "DEPENDS_ON"
    SUPPLIES = "SUPPLIES"
    # text
    MENTIONS = "MENTIONS"


class CausalDirection(StrEnum):
    """Which way effect flows along a causal relationship.

    ``FORWARD``: from the start node to the end node (a remark PROVOKED a policy).
    ``BACKWARD``: from the end node to the start node (an industry DEPENDS_ON a mineral, so a
    restriction on the mineral reaches the industry).
    """

    FORWARD = "forward"
    BACKWARD = "backward"


CAUSAL_TYPES: dict[RelType, CausalDirection] = {
    RelType.PROVOKED: CausalDirection.FORWARD,
    RelType.RESPONDS_TO: CausalDirection.BACKWARD,
    RelType.RESTRICTS: CausalDirection.FORWARD,
    RelType.TARGETS: CausalDirection.FORWARD,
    RelType.AFFECTS: CausalDirection.FORWARD,
    RelType.DEPENDS_ON: CausalDirection.BACKWARD,
    RelType.SUPPLIES: CausalDirection.FORWARD,
}


@dataclass(frozen=True, slots=True)
class MeasureReach:
    """Where a measure's effect goes, the rule every chain, ``impact`` and research query follows.

    What a measure ``restricts`` (a mineral, a technology) is its object, not an effect. The
    step from the object to what needs it reaches only a node ``located`` in a country the
    measure ``aims`` at: a targeted country, or the one a targeted body is ``home`` in. A
    measure aimed at no country reaches every country but its issuers' (``issued_by``, or the
    one an issuing body is ``home`` in). Anything else, the restricting state's own industry
    included, is reached only along a stated ``dependence`` from a node within reach: China's
    ban on exports to Japan reaches the Japanese industries that depend on the restricted
    minerals, and the Chinese refining industry only if a stated link carries it there.

    A country's ``IMPORTS_FROM`` is a dependence of another kind: it weighs an exposure
    (``impact``), but does not widen the reach. A state that imports from the issuer is not
    aimed at by a measure aimed at someone else.
    """

    restricts: RelType
    aims: RelType
    issued_by: RelType
    home: RelType
    located: tuple[RelType, ...]
    dependence: tuple[RelType, ...]

    def reaches(
        self, located_in: Iterable[str], targets: Iterable[str], issuers: Iterable[str]
    ) -> bool:
        """Whether a node located in ``located_in`` (country ids) is within the reach of a
        measure aimed at ``targets`` and issued from ``issuers``."""
        homes, aimed = set(located_in), set(targets)
        if aimed:
            return bool(homes & aimed)
        return bool(homes - set(issuers))


MEASURE_REACH = MeasureReach(
    restricts=RelType.RESTRICTS,
    aims=RelType.TARGETS,
    issued_by=RelType.ISSUED_BY,
    home=RelType.BASED_IN,
    located=(RelType.LOCATED_IN, RelType.BASED_IN),
    dependence=(RelType.DEPENDS_ON, RelType.SUPPLIES),
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One allowed ``(start)-[:TYPE]->(end)`` combination, with what it means."""

    start: Label
    type: RelType
    end: Label
    meaning: str


def _patterns(
    starts: tuple[Label, ...], rel: RelType, ends: tuple[Label, ...], meaning: str
) -> list[Pattern]:
    return [Pattern(s, rel, e, meaning) for s in starts for e in ends]


L = Label
R = RelType
_ACTORS = (L.COUNTRY, L.LEADER, L.ORGANIZATION)
#: What was said and done, the dated kinds: what the timeline lists and chains are traced from.
DEEDS: tuple[Label, ...] = (L.STATEMENT, L.POLICY, L.EVENT)
_ANYTHING_BUT_SOURCE = tuple(label for label in Label if label is not L.SOURCE)

PATTERNS: tuple[Pattern, ...] = tuple(
    _patterns(
        (L.LEADER,), R.HOLDS_OFFICE, (L.OFFICE,), "a person held an office (valid_from..valid_to)"
    )
    + _patterns(
        (L.OFFICE,),
        R.OFFICE_OF,
        (L.COUNTRY, L.ORGANIZATION),
        "the office belongs to a state or body",
    )
    + _patterns((L.LEADER,), R.MEMBER_OF, (L.ORGANIZATION,), "a person belongs to an organization")
    + _patterns(
        (L.LEADER,),
        R.NATIONAL_OF,
        (L.COUNTRY,),
        "the state a person belongs to: a national of it, or holding its office "
        "(a Chinese consul in Osaka is NATIONAL_OF China and BASED_IN Osaka)",
    )
    + _patterns(
        (L.LEADER, L.ORGANIZATION),
        R.BASED_IN,
        (L.COUNTRY, L.PLACE),
        "where a person or body is based",
    )
    + _patterns(
        (L.MINE, L.PLACE, L.INDUSTRY, L.EVENT),
        R.LOCATED_IN,
        (L.COUNTRY, L.PLACE),
        "where a thing is",
    )
    + _patterns((L.ORGANIZATION,), R.PART_OF, (L.ORGANIZATION,), "a unit or subsidiary of a body")
    + _patterns((L.COUNTRY,), R.PART_OF, (L.COUNTRY,), "a territory claimed as part of a state")
    + _patterns(
        (L.MINERAL,), R.PART_OF, (L.MINERAL,), "an element belongs to a group (the rare earths)"
    )
    + _patterns((L.ORGANIZATION,), R.OPERATES, (L.MINE,), "who runs a mine or plant")
    + _patterns((L.ORGANIZATION,), R.OPERATES_IN, (L.INDUSTRY,), "a company works in an industry")
    + _patterns(
        (L.MINE, L.COUNTRY, L.ORGANIZATION),
        R.PRODUCES,
        (L.MINERAL,),
        "output of a mineral (share where sourced)",
    )
    + _patterns(
        (L.COUNTRY,), R.IMPORTS_FROM, (L.COUNTRY,), "import dependence (share, year, mineral group)"
    )
    + _patterns((L.STATEMENT,), R.MADE_BY, _ACTORS, "who made a statement")
    + _patterns((L.POLICY,), R.ISSUED_BY, _ACTORS, "who issued a policy")
    + _patterns((L.EVENT,), R.INVOLVES, (*_ACTORS, L.MINE), "who or what took part in an event")
    + _patterns(
        (L.TRADE_FLOW,), R.INVOLVES, (L.COUNTRY,), "the reporter and partner of a trade flow (role)"
    )
    + _patterns((L.TRADE_FLOW,), R.ABOUT, (L.MINERAL,), "the mineral a traded HS code stands for")
    + _patterns(DEEDS, R.ABOUT, _ANYTHING_BUT_SOURCE, "what a statement, policy or event concerns")
    + _patterns((L.POLICY,), R.SUSPENDS, (L.POLICY,), "one measure suspends another")
    + _patterns((L.POLICY,), R.AMENDS, (L.POLICY,), "one measure extends or revises another")
    + _patterns(DEEDS, R.PROVOKED, DEEDS, "cause → effect: one act provoked another")
    + _patterns(
        (L.STATEMENT, L.POLICY), R.RESPONDS_TO, DEEDS, "effect → cause: an act answers another"
    )
    + _patterns(
        (L.POLICY,),
        R.RESTRICTS,
        (L.MINERAL, L.INDUSTRY),
        "a measure restricts a mineral or a technology",
    )
    + _patterns(
        (L.POLICY, L.STATEMENT),
        R.TARGETS,
        (L.COUNTRY, L.ORGANIZATION),
        "a measure is aimed at a state or body",
    )
    + _patterns(
        DEEDS,
        R.AFFECTS,
        (L.INDUSTRY, L.ORGANIZATION, L.COUNTRY, L.MINE),
        "an act hit an industry, firm, state or site",
    )
    + _patterns(
        (L.INDUSTRY,),
        R.DEPENDS_ON,
        (L.MINERAL, L.INDUSTRY),
        "an industry needs a mineral or an input (intensity)",
    )
    + _patterns(
        (L.INDUSTRY, L.MINE, L.ORGANIZATION),
        R.SUPPLIES,
        (L.INDUSTRY,),
        "one link of a supply chain feeds the next",
    )
    + _patterns(
        (L.SOURCE,), R.MENTIONS, _ANYTHING_BUT_SOURCE, "a text names an entity (character offsets)"
    )
)

_ALLOWED = frozenset((p.start, p.type, p.end) for p in PATTERNS)

#: What ties a node to a country (a list's ``country`` filter, the timeline's ``countries``):
#: a link of one of these types to the country, or to a node that is neither a Country, a
#: Mineral nor coded event data and has such a link to it (a policy issued by a ministry based
#: in China is China's; a mineral several states restrict ties no state to another; a GDELT
#: event about a policy makes it no state's: curated knowledge first). A Country is always the
#: end of these links (schema PATTERNS; a test holds queries/fragments/_list_keys.cypher to
#: that).
COUNTRY_LINKS: tuple[RelType, ...] = (
    R.MADE_BY,
    R.ISSUED_BY,
    R.TARGETS,
    R.ABOUT,
    R.INVOLVES,
    R.BASED_IN,
    R.LOCATED_IN,
    R.OFFICE_OF,
    R.HOLDS_OFFICE,
    R.MEMBER_OF,
    R.AFFECTS,
)
#: The one relationship type coded event data (GDELT, POLECAT: loaders/research_data) ties its
#: events by, to their countries and to the leaders and organizations a row names. A country
#: beside 100,000 coded events holds 100,000 of it, so a read that must not walk them takes a
#: country's curated links of this type from its listings (queries/api/_neighbours_of.cypher).
CODED_EVENT_LINK: RelType = R.INVOLVES
#: The kinds a CODED_EVENT_LINK may start from (PATTERNS): a country's curated links of that
#: type are read from its listings of these kinds.
CODED_EVENT_LINK_STARTS: tuple[Label, ...] = tuple(
    dict.fromkeys(p.start for p in PATTERNS if p.type is CODED_EVENT_LINK)
)
_PREFIXES: dict[Label, str] = {label: label.value.lower() for label in Label}
_BY_PREFIX: dict[str, Label] = {prefix: label for label, prefix in _PREFIXES.items()}


def is_allowed(start: Label, rel: RelType, end: Label) -> bool:
    """Whether ``(start)-[:rel]->(end)`` is an allowed pattern."""
    return (start, rel, end) in _ALLOWED


def causal_direction(rel: RelType) -> CausalDirection | None:
    """The direction effect flows along ``rel``, or ``None`` when it is not causal."""
    return CAUSAL_TYPES.get(rel)


def id_prefix(label: Label) -> str:
    """The prefix every id of this kind starts with, without the colon: ``country``."""
    return _PREFIXES[label]


def label_for_id(node_id: str) -> Label | None:
    """The kind an id names by its prefix, or ``None`` when the prefix is unknown."""
    prefix, sep, rest = node_id.partition(":")
    if not sep or not rest:
        return None
    return _BY_PREFIX.get(prefix)
