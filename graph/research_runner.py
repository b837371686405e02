"""The one sanctioned door for Cypher that researchers write, and the canned queries' runner.

Everything here runs in a READ transaction with a time limit and a row cap
(``ResearchSettings``: ``DYAD_RESEARCH_TIMEOUT``, ``DYAD_RESEARCH_MAX_ROWS``), the way
Datasette caps SQL. Ad-hoc text is typed ``ResearcherCypher``: it is not a ``LiteralString``,
and this module is the only place that passes such text to the driver, after
``check_read_only`` has read it. Neo4j itself refuses writes in a READ transaction, so a
query that slips past the static check still writes nothing.

``date_params`` turns a researcher's untyped parameters of the form ``YYYY-MM-DD`` (a real
day) into Dates, since stored dates are Dates and text never compares equal or ordered with
them; other text stays text (``dyad cypher`` applies it to untyped ``--param`` values).
Neo4j's notifications (an unknown label, a cartesian product, a deprecation) come back with
the answer (``QueryResult.notifications``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString, NewType, cast

from neo4j import GqlStatusObject, Transaction
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

import queries
from graph.client import GraphClient
from graph.cypher_guard import check_read_only
from graph.errors import GraphError, Neo4jUnavailableError, QueryFailedError, QueryTimeoutError
from graph.graph_form import GraphData, RowGraph, elements
from graph.research_catalog import canned
from graph.research_errors import CypherRefusedError
from graph.retry import retried

__all__ = [
    "Notification",
    "QueryResult",
    "ResearchSettings",
    "ResearcherCypher",
    "date_params",
    "run_canned",
    "run_cypher",
]

#: Cypher text a researcher typed. Never a ``LiteralString``; only ``run_cypher`` accepts it.
ResearcherCypher = NewType("ResearcherCypher", str)

_ENDS_QUERY = "export/nodes_by_element_id"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WRITE_REFUSED = (
    "Neo.ClientError.Statement.AccessMode",
    "Neo.ClientError.Security.Forbidden",
)


class ResearchSettings(BaseSettings):
    """Caps on researchers' queries, read once at the edge (CLI, app)."""

    model_config = SettingsConfigDict(env_prefix="DYAD_RESEARCH_", extra="ignore", frozen=True)

    #: Seconds a researcher's query may run before Neo4j stops it.
    timeout: float = Field(default=10.0, gt=0, le=3600)
    #: Rows returned at most; more are cut off and the answer says ``truncated``.
    max_rows: int = Field(default=1000, ge=1, le=1_000_000)


@dataclass(frozen=True)
class Notification:
    """Something Neo4j noticed about a query that still ran: a warning or information."""

    #: The GQL status code (``01N50``: the label does not exist).
    status: str
    #: ``WARNING`` or ``INFORMATION``.
    severity: str
    description: str
    #: Where in the query text (1-based), when Neo4j says.
    line: int | None = None
    column: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "severity": self.severity,
            "description": self.description,
            "line": self.line,
            "column": self.column,
        }

    def __str__(self) -> str:
        where = f" (line {self.line}, column {self.column})" if self.line else ""
        return f"{self.severity.lower()} {self.status}: {self.description}{where}"


@dataclass(frozen=True)
class QueryResult:
    """Columns and rows as Neo4j returned them, the graph they hold, whether rows were cut,
    and what Neo4j noticed about the query."""

    name: str
    columns: list[str]
    rows: list[list[Any]]
    graph: GraphData
    truncated: bool
    row_graph: RowGraph
    notifications: list[Notification] = field(default_factory=list)

    def json_rows(self) -> list[list[Any]]:
        return [[self.row_graph.jsonable(value) for value in row] for row in self.rows]

    def text_rows(self) -> list[list[str]]:
        return [[self.row_graph.text(value) for value in row] for row in self.rows]

    def as_json(self) -> dict[str, Any]:
        """The answer as ``dyad cypher --format json`` and ``/queries/{name}.json`` give it."""
        return {
            "name": self.name,
            "columns": self.columns,
            "rows": self.json_rows(),
            "graph": elements(self.graph),
            "truncated": self.truncated,
            "notifications": [note.as_dict() for note in self.notifications],
        }


def run_canned(
    client: GraphClient, name: str, params: Mapping[str, Any], settings: ResearchSettings
) -> QueryResult:
    """Run the canned query ``name`` with ``params`` (text or JSON values, coerced)."""
    query = canned(name)
    return _run(client, query.text, query.bind(params), settings, name=name)


def run_cypher(
    client: GraphClient,
    text: ResearcherCypher,
    params: Mapping[str, Any],
    settings: ResearchSettings,
) -> QueryResult:
    """Run a researcher's Cypher: refused unless it only reads, then read-only and capped."""
    check_read_only(text)
    # The sanctioned cast: researcher text, checked above, sent in a READ transaction.
    return _run(client, cast(LiteralString, text), dict(params), settings, name="cypher")


def date_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with every ``YYYY-MM-DD`` text that is a real day (also inside lists) as a
    date; other values as given. Pass a ``dt.date`` or any other text as it should go."""
    return {name: _dated(value) for name, value in params.items()}


def _dated(value: Any) -> Any:
    if isinstance(value, list):
        return [_dated(item) for item in value]
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _notifications(statuses: Sequence[GqlStatusObject]) -> list[Notification]:
    found = []
    for status in statuses:
        if not status.is_notification:
            continue
        position = status.position
        found.append(
            Notification(
                status=status.gql_status,
                severity=str(status.raw_severity or status.severity),
                description=status.status_description,
                line=position.line if position else None,
                column=position.column if position else None,
            )
        )
    return found


def _run(
    client: GraphClient,
    text: LiteralString,
    params: dict[str, Any],
    settings: ResearchSettings,
    *,
    name: str,
) -> QueryResult:
    cap = settings.max_rows

    def work(tx: Transaction) -> _Read:
        result = tx.run(text, params)
        columns = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= cap:
                truncated = True
                break
            rows.append(list(record.values()))
        notes = _notifications(result.consume().gql_status_objects)
        found = RowGraph()
        for row in rows:
            found.add(row)
        missing = found.missing_ends()
        if missing:
            for record in tx.run(queries.load(_ENDS_QUERY), {"ids": missing}):
                found.add(record["n"])
        return columns, rows, truncated, found, notes

    client.round_trips += 1
    try:
        columns, rows, truncated, found, notes = retried(
            lambda: _in_read_transaction(client, settings.timeout, work),
            seconds=client.retry_seconds,
            what=name,
        )
    except (ServiceUnavailable, OSError) as exc:
        raise Neo4jUnavailableError(f"Neo4j is unavailable: {exc}") from exc
    except Neo4jError as exc:
        raise _translated(exc, name, settings) from exc
    except DriverError as exc:
        raise Neo4jUnavailableError(f"Neo4j driver error: {exc}") from exc
    return QueryResult(name, columns, rows, found.graph(), truncated, found, notes)


#: What one research read gives: columns, rows, truncated, the graph of the rows, notes.
_Read = tuple[list[str], list[list[Any]], bool, RowGraph, list[Notification]]


def _in_read_transaction(
    client: GraphClient, timeout: float, work: Callable[[Transaction], _Read]
) -> _Read:
    """``work`` in one READ transaction of ``timeout`` seconds, rolled back when it ends
    (a read has nothing to commit)."""
    with client.session(read=True, warnings=True) as session:
        tx = session.begin_transaction(timeout=timeout)
        try:
            return work(tx)
        finally:
            tx.close()


def _translated(exc: Neo4jError, name: str, settings: ResearchSettings) -> GraphError:
    code = exc.code or ""
    message = exc.message or str(exc)
    if "TimedOut" in code or "timed out" in message.lower():
        return QueryTimeoutError(
            f"{name}: stopped after the {settings.timeout:g} s limit "
            "(DYAD_RESEARCH_TIMEOUT); narrow the query down",
            query=name,
            code=code,
        )
    if code in _WRITE_REFUSED or "read access mode" in message.lower():
        return CypherRefusedError(
            f"refused by Neo4j: this query would write or administer, and researcher "
            f"queries only read. Nothing was written. ({message})"
        )
    kind = "refused" if isinstance(exc, ClientError) else "failed"
    return QueryFailedError(f"{name}: Neo4j {kind} the query: {message}", query=name, code=code)
