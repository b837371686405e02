"""Bad arguments to an analytic. Unknown ids raise ``graph.NodeNotFoundError``.

GraphError
└── AnalyticsInputError   an argument is malformed or a combination is missing
"""

from __future__ import annotations

import re

from graph.errors import GraphError

__all__ = ["AnalyticsInputError", "check_iso3"]

_ISO3 = re.compile(r"^[A-Z]{3}$")


class AnalyticsInputError(GraphError):
    """An analytic's argument is wrong; ``argument`` names it."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(f"{argument}: {message}")
        self.argument = argument


def check_iso3(argument: str, value: str) -> str:
    """A country's ISO3 code from its id (``country:JPN``), the convention of every argument.

    A bare code (``JPN``) is read too, as the command line has always taken it.
    """
    code = value.strip().removeprefix("country:").upper()
    if not _ISO3.match(code):
        raise AnalyticsInputError(
            argument, f"expected a country id like country:JPN, not {value!r}"
        )
    return code
