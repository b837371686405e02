"""The one retry policy: a read that fails on an error the driver calls retryable (a restart,
a lost connection, a cluster member gone, a transient error) is sent again, with the
driver's own backoff, until ``GraphSettings.retry_seconds`` have passed.

Only reads are retried, and that is what makes it safe: a read changes nothing (Neo4j refuses
a write sent in READ mode, tests/test_read_retry.py), so sending it twice cannot do anything
twice. Reads are auto-commit (one round trip; a managed transaction's COMMIT is a second),
which the driver never retries itself, so this is the only policy: the driver's
``execute_read``/``execute_query`` retries are not used.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from neo4j.exceptions import DriverError, Neo4jError

__all__ = ["FIRST_DELAY", "retried"]

T = TypeVar("T")

#: Seconds before the second attempt; each wait doubles, ±20% (the driver's own backoff).
FIRST_DELAY = 1.0
_GROWTH = 2.0
_JITTER = 0.2

logger = logging.getLogger("dyad.graph")


def retried(attempt: Callable[[], T], *, seconds: float, what: str) -> T:
    """``attempt()``, sent again after a retryable error for up to ``seconds`` in all; the
    last error is raised when the time is up or the error is not retryable."""
    started = time.monotonic()
    delay = FIRST_DELAY
    while True:
        try:
            return attempt()
        except (Neo4jError, DriverError) as error:
            wait = delay * random.uniform(1 - _JITTER, 1 + _JITTER)
            if not error.is_retryable() or time.monotonic() - started + wait > seconds:
                raise
            logger.warning("%s failed (%s); it will be retried in %.1f s", what, error, wait)
            time.sleep(wait)
            delay *= _GROWTH
