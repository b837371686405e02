"""timeline(...): curated statements, policies and events in date order; coded events apart.

Dates are ranges (a month-only date covers its month): filters keep what overlaps
``[from, to]``, and the order never puts a reaction before its cause because of a made-up
day (``queries/api/timeline.cypher`` states the rule).
"""

from __future__ import annotations

import strawberry

from api.graphql.nodes import Node, build_node
from api.graphql.pagination import TOTAL_COUNT_CAP
from api.graphql.subgraph import Subgraph

__all__ = ["CODED_EVENTS_CAP", "CODED_EVENT_FIELDS", "Timeline", "build_timeline"]

#: Coded events are counted exactly up to this many (#24): beyond, `codedEventsIsExact` says so.
CODED_EVENTS_CAP = 1_000
#: The fields that need the count; without them it is not made.
CODED_EVENT_FIELDS = {"codedEvents", "codedEventsIsExact"}


@strawberry.type(
    description=(
        "Dated items in order: by the last day each date covers, narrowed by causality (a "
        "cause never after its effect), then day before month before year, then id. Coded "
        "events (GDELT, POLECAT) appear only for the `datasets` asked for."
    )
)
class Timeline:
    items: list[Node] = strawberry.field(description="At most `first` items, in date order.")
    total_count: int = strawberry.field(
        description="How many items matched (curated, plus coded events of the datasets asked "
        f"for), counted only when asked for: at most {TOTAL_COUNT_CAP:,} (see "
        "`totalCountIsExact`)."
    )
    total_count_is_exact: bool = strawberry.field(
        description=f"False when more than {TOTAL_COUNT_CAP:,} items matched: `totalCount` "
        "then gives that cap."
    )
    capped: bool = strawberry.field(
        description="True when more items matched than `first` allowed: `items` is cut short."
    )
    coded_events: int = strawberry.field(
        description="Coded events (nodes with a `dataset`) that match the other filters, "
        f"counted apart whether or not their dataset was asked for: at most {CODED_EVENTS_CAP:,} "
        "(see `codedEventsIsExact`)."
    )
    coded_events_is_exact: bool = strawberry.field(
        description=f"False when more than {CODED_EVENTS_CAP:,} coded events match: "
        "`codedEvents` then gives that cap."
    )


def build_timeline(
    graph: Subgraph, cap: int | None, first: int | None = None, hidden: int = 0
) -> Timeline:
    """The timeline of an answer: its first ``first`` roots (all when None). Its total was
    counted up to ``cap`` + 1 (not at all when None: the answer says 0, and it was not asked
    for). ``hidden`` items matched but are left out of the answer (not yet recorded at
    ``knownAt``) and of its total."""
    counted = None if cap is None else int(graph.extra["total"])
    total = 0 if counted is None else max(counted - hidden, 0)
    items = [build_node(graph, node_id) for node_id in graph.roots[:first]]
    coded = int(graph.extra["codedEvents"])
    return Timeline(
        items=items,
        total_count=total if cap is None else min(total, cap),
        # More than the cap were counted: whatever knownAt hid, the count stopped short.
        total_count_is_exact=counted is None or cap is None or counted <= cap,
        capped=bool(graph.extra["more"]) or len(graph.roots) > len(items),
        coded_events=min(coded, CODED_EVENTS_CAP),
        coded_events_is_exact=coded <= CODED_EVENTS_CAP,
    )
