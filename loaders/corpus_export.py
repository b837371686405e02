"""``dyad export --format corpus``: the curated record written back as corpus YAML.

The inverse of :func:`loaders.load_corpus`: every node of a corpus kind (``KINDS``) and every
relationship among them, as the loader's own format, so that ``dyad load`` reads the files
back to the same graph (``dyad fingerprint``). What accepted review items created is part of
the record and is written like the rest; the queue itself (pending, rejected, decided items)
is not knowledge and stays out, as do coded event data (nodes with a ``dataset``) and the
other imported datasets, which have loaders of their own. A dated field is written at its
precision (``2025-11``), as curators write it; its derived ``<field>_latest`` is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from graph.graph_form import GraphData, json_safe
from loaders.validate import KINDS, RELATIONSHIPS
from schema import DatePrecision

__all__ = ["CORPUS_FILE", "CORPUS_FORMAT", "corpus_document", "write_corpus"]

#: The format's name for ``dyad export --format``.
CORPUS_FORMAT = "corpus"
#: The file ``write_corpus`` writes in its folder.
CORPUS_FILE = "corpus.yaml"

_KIND_OF_LABEL = {label.value: kind for kind, label in KINDS.items()}
#: Every coded event has ``dataset`` set; curated nodes never do.
_CODED = "dataset"
_LATEST = "_latest"


def _at_precision(props: Mapping[str, Any]) -> dict[str, Any]:
    """JSON-safe properties, each dated field as text at its precision (``2025``,
    ``2025-11``, ``2025-11-07``) and without its derived last day."""
    out = json_safe(dict(props))
    for latest in [k for k in out if k.endswith(_LATEST)]:
        field = latest.removesuffix(_LATEST)
        del out[latest]
        precision = out.pop(f"{field}_precision", DatePrecision.DAY.value)
        if isinstance(out.get(field), str):
            keep = {DatePrecision.YEAR.value: 4, DatePrecision.MONTH.value: 7}.get(precision)
            out[field] = out[field][:keep] if keep else out[field]
    return dict(out)


def corpus_document(graph: GraphData) -> dict[str, list[dict[str, Any]]]:
    """The record in ``graph`` as one corpus document: a list per kind, by id, and the
    relationships among the nodes written, by ends, type and key."""
    lists: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    written: set[str] = set()
    for node in sorted(graph.nodes, key=lambda n: n.id):
        kinds = [_KIND_OF_LABEL[label] for label in node.labels if label in _KIND_OF_LABEL]
        if len(kinds) != 1 or node.properties.get(_CODED) is not None:
            continue
        lists[kinds[0]].append(_at_precision(node.properties))
        written.add(node.id)
    rels = []
    for edge in graph.edges:
        props = edge.properties
        if edge.start not in written or edge.end not in written:
            continue
        if props.get("mineral") is not None and props["mineral"] not in written:
            continue
        rels.append({"start": edge.start, "type": edge.type, "end": edge.end, **props})
    rels.sort(key=lambda r: (r["start"], r["type"], r["end"], r.get("key", "")))
    lists[RELATIONSHIPS] = [_at_precision(r) for r in rels]
    return {kind: items for kind, items in lists.items() if items}


def write_corpus(graph: GraphData, target: Path) -> tuple[Path, int, int]:
    """Write the record in ``graph`` into folder ``target`` (created if need be) as
    ``corpus.yaml``; returns the file, and how many nodes and relationships it holds.

    Raises ``OSError`` when the folder cannot be made or written (a file in the way, no
    permission)."""
    document = corpus_document(graph)
    target.mkdir(parents=True, exist_ok=True)
    path = target / CORPUS_FILE
    header = (
        "# The curated record as `dyad export --format corpus` wrote it; `dyad load` reads it\n"
        "# back to the same graph (`dyad fingerprint`). The review queue and coded data are\n"
        "# not in it.\n"
    )
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")
    nodes = sum(len(items) for kind, items in document.items() if kind != RELATIONSHIPS)
    return path, nodes, len(document.get(RELATIONSHIPS, []))
