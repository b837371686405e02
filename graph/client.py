"""Running named queries against Neo4j: reads in READ mode with a timeout, writes batched."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, LiteralString

from neo4j import (
    Driver,
    GraphDatabase,
    Query,
    Result,
    Session,
    Transaction,
)
from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

import queries
from graph.errors import (
    GraphError,
    Neo4jUnavailableError,
    QueryFailedError,
    QueryTimeoutError,
)
from graph.retry import retried

__all__ = ["GraphClient", "Record", "WriteBatch", "translated_errors"]

Record = dict[str, Any]
_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    # Neo4j 4.4 and earlier sent it as a TransientError; the driver renames it to this.
    "Neo.ClientError.Transaction.LockClientStopped",
)


class WriteBatch:
    """Writes inside one transaction: every ``run`` commits together or not at all."""

    def __init__(self, tx: Transaction, client: GraphClient) -> None:
        self._tx = tx
        self._client = client

    def run(self, name: str, **params: Any) -> list[Record]:
        text = queries.load(name)
        self._client.round_trips += 1
        return [record.data() for record in self._tx.run(text, params)]

    def run_batches(
        self, name: str, rows: Sequence[Mapping[str, Any]], batch_size: int, **params: Any
    ) -> int:
        """Run ``name`` once per slice of ``rows`` (as ``$rows``); returns the rows sent."""
        for offset in range(0, len(rows), batch_size):
            self.run(name, rows=list(rows[offset : offset + batch_size]), **params)
        return len(rows)


class GraphClient:
    """Runs the named queries of ``queries/`` on one database through a driver it is given.

    ``round_trips`` counts the queries sent, so tests can prove a request costs one.
    """

    def __init__(
        self,
        driver: Driver,
        *,
        database: str = "neo4j",
        timeout: float = 30.0,
        retry_seconds: float = 5.0,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        #: How long a read is sent again after a retryable error (graph/retry.py).
        self.retry_seconds = retry_seconds
        self.round_trips = 0
        #: Every session shares it, so a read sees what this process wrote before it, also
        #: on a cluster whose secondaries lag the leader (causal consistency).
        self.bookmarks = GraphDatabase.bookmark_manager()

    def session(self, *, read: bool, warnings: bool = False) -> Session:
        """A session on the client's database: READ (routed to secondaries) or WRITE.

        ``warnings`` asks Neo4j for its warnings (an unknown label, a deprecation), which the
        driver otherwise turns off: for researchers' own Cypher."""
        shown: dict[str, Any] = {"notifications_min_severity": "WARNING"} if warnings else {}
        return self.driver.session(
            database=self.database,
            default_access_mode="READ" if read else "WRITE",
            bookmark_manager=self.bookmarks,
            **shown,
        )

    def read(self, name: str, /, **params: Any) -> list[Record]:
        """Run a named read query in READ mode with the client's timeout."""
        return self.read_text(queries.load(name), params, name=name)

    def read_text(
        self,
        text: LiteralString,
        params: Mapping[str, Any],
        *,
        name: str = "query",
        convert: bool = True,
    ) -> list[Record]:
        """Run Cypher text as one auto-commit read with the client's time limit: routed to a
        secondary on a cluster, after this client's own writes (bookmarks), and sent again
        after a retryable error for ``retry_seconds`` (``graph.retry``, the one policy).
        Auto-commit costs one round trip where a managed transaction's COMMIT adds a second.

        ``convert`` turns nodes, relationships, paths and temporal values into plain
        Python values (``Record.data()``); without it, rows hold the values exactly as the
        driver decoded them, which costs nothing more.
        """
        self.round_trips += 1
        query = Query(text, timeout=self.timeout)
        transform = _as_data if convert else _as_decoded

        def attempt() -> list[Record]:
            with self.session(read=True) as session:
                return transform(session.run(query, dict(params)))

        with translated_errors(name):
            return retried(attempt, seconds=self.retry_seconds, what=name)

    def write(self, name: str, /, **params: Any) -> list[Record]:
        """Run one named write query in its own transaction."""
        with self.transaction(name) as batch:
            return batch.run(name, **params)

    @contextmanager
    def transaction(self, name: str = "write") -> Iterator[WriteBatch]:
        """One write transaction: commits when the block ends, rolls back on any error."""
        with translated_errors(name), self.session(read=False) as session:
            tx = session.begin_transaction()
            try:
                yield WriteBatch(tx, self)
            except BaseException:
                if not tx.closed():
                    tx.rollback()
                raise
            tx.commit()

    def autocommit(self, name: str, /, **params: Any) -> None:
        """Run a named query in an auto-commit transaction (``CALL … IN TRANSACTIONS``)."""
        with translated_errors(name), self.session(read=False) as session:
            self.round_trips += 1
            session.run(queries.load(name), params).consume()

    def execute_statements(self, statements: Iterable[LiteralString], name: str) -> None:
        """Run schema statements (constraints, indexes), each in its own auto-commit transaction."""
        with translated_errors(name), self.session(read=False) as session:
            for text in statements:
                self.round_trips += 1
                session.run(text).consume()

    def ping(self) -> None:
        """Raise ``Neo4jUnavailableError`` unless the database answers ``RETURN 1``.

        One attempt, no retries: a health check must answer fast when Neo4j is down.
        """
        self.round_trips += 1
        with (
            translated_errors("health/ping"),
            self.session(read=True) as session,
        ):
            session.run(queries.load("health/ping")).consume()


def _as_data(result: Result) -> list[Record]:
    return [record.data() for record in result]


def _as_decoded(result: Result) -> list[Record]:
    keys = result.keys()
    return [dict(zip(keys, record, strict=True)) for record in result]


@contextmanager
def translated_errors(name: str) -> Iterator[None]:
    """Driver errors raised inside the block, as this package's own (graph.errors)."""
    try:
        yield
    except GraphError:
        raise
    except (ServiceUnavailable, SessionExpired) as exc:
        raise Neo4jUnavailableError(f"Neo4j is unavailable: {exc}") from exc
    except Neo4jError as exc:
        code = exc.code or ""
        message = exc.message or str(exc)
        if code in _TIMEOUT_CODES or "timed out" in message.lower():
            raise QueryTimeoutError(
                f"{name}: stopped after the time limit ({message})", query=name, code=code
            ) from exc
        kind = "refused" if isinstance(exc, ClientError) else "failed"
        raise QueryFailedError(
            f"{name}: Neo4j {kind} the query: {message}", query=name, code=code
        ) from exc
    except DriverError as exc:
        raise Neo4jUnavailableError(f"Neo4j driver error: {exc}") from exc
    except OSError as exc:
        raise Neo4jUnavailableError(f"Neo4j is unavailable: {exc}") from exc
