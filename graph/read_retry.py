"""Retries for reads sent as one auto-commit query.

A read sent as one auto-commit query costs one round trip to Neo4j (for answers of up to
the driver's fetch size, 1,000 rows); the driver's managed transactions (``execute_query``,
``execute_read``) cost two or three, because their COMMIT waits for its own answer.
The driver retries managed transactions; an auto-commit query it
sends again only once, at once, when the server rejected the RUN and flagged it safe to
repeat, because an auto-commit *write* may have committed before its connection broke.
A read changes nothing, so running it again is safe, and this module retries reads the
way the driver retries its transactions: on the errors the driver calls retryable
(transient errors, lost connections, a cluster member gone), after growing, jittered
delays, starting new attempts until ``max_seconds`` after the first failure.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass

from neo4j.exceptions import DriverError, Neo4jError

__all__ = ["READ_RETRIES", "Attempts", "RetryPolicy"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How long and how often to retry a read: the driver's own defaults for its
    transactions, apart from ``max_seconds`` (the driver's is 30 s)."""

    max_seconds: float = 5.0
    first_delay: float = 1.0
    multiplier: float = 2.0
    jitter: float = 0.2

    def attempts(self) -> Attempts:
        """A fresh count of attempts for one read."""
        return Attempts(self)


#: The policy of every read, and the driver's ``max_transaction_retry_time`` (graph/driver.py).
READ_RETRIES = RetryPolicy()


class Attempts:
    """The attempts of one read: after each failure, ``wait_after`` says how long to wait
    before the next attempt, or raises the error when it must not be retried."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy
        self.failures = 0
        self.first_failure_at: float | None = None

    def wait_after(self, error: Exception) -> float:
        """Seconds to wait before trying again after ``error``; raises ``error`` itself when it
        is not retryable or the policy's time is spent (counted from the first failure, as
        the driver counts)."""
        if not isinstance(error, DriverError | Neo4jError) or not error.is_retryable():
            raise error
        now = time.monotonic()
        if self.first_failure_at is None:
            self.first_failure_at = now
        elif now - self.first_failure_at > self.policy.max_seconds:
            raise error
        delay = self.policy.first_delay * self.policy.multiplier**self.failures
        self.failures += 1
        spread = self.policy.jitter * delay
        delay += random.uniform(-spread, spread)
        _log.warning("A read failed and will be retried in %.2f s: %s", delay, error)
        return delay
