"""The stored list keys (``schema.LIST_KEYS``, #24): lists and the timeline read them in order
from a range index instead of sorting every node of a kind.

A node's date key is narrowed by the nodes within 4 causal steps of it, so every write path
calls ``store_list_keys`` with the ids it wrote (nodes, and both ends of each relationship it
created, changed or removed), in its own transaction; ``dyad migrate`` backfills the nodes that
have none (a database written before the keys, or imported from CSV). The same writes keep
each curated node's listings (``schema.LISTING_LABEL``): its entries under its countries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.client import GraphClient, Record

__all__ = ["KEY_BATCH", "backfill_list_keys", "listings_out_of_step", "store_list_keys"]

#: Ids per ``load/list_keys`` call, and nodes per transaction of the backfill.
KEY_BATCH = 10_000

#: A transaction's ``run`` or a client's ``write``: a named query with its parameters.
_Run = Callable[..., list[Record]]


def store_list_keys(run: _Run, ids: Iterable[str]) -> int:
    """Store the list keys of ``ids`` and of the nodes within 4 causal steps, with ``run``
    (a transaction's ``run`` or a client's ``write``); returns how many nodes were keyed."""
    unique = list(dict.fromkeys(ids))
    keyed = 0
    for offset in range(0, len(unique), KEY_BATCH):
        rows = run("load/list_keys", ids=unique[offset : offset + KEY_BATCH], sort="date")
        keyed += int(rows[0]["keyed"]) if rows else 0
    return keyed


def backfill_list_keys(client: GraphClient) -> None:
    """Store the list keys of every node that has none, in transactions of ``KEY_BATCH``;
    nothing at all (not even planning the backfill) when every node has them."""
    if client.read("graph/unkeyed"):
        client.autocommit("load/list_keys_missing", sort="date", batch=KEY_BATCH)


def listings_out_of_step(client: GraphClient) -> list[str]:
    """The ids of nodes whose listings (``schema.LISTING_LABEL``) are missing, extra or stale,
    or whose listings outlived them: empty when every write kept them in step."""
    return [str(row["id"]) for row in client.read("graph/listings_out_of_step")]
