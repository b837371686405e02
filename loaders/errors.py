"""The exceptions ``loaders`` raises.

LoaderError
├── InvalidInputError    the input is wrong; ``problems`` lists each place (file, line, field)
├── LoadFailedError      the input was valid but writing it failed (nothing was written)
└── RefusedError         the target graph is not one this load may write to
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["InvalidInputError", "LoadFailedError", "LoaderError", "Problem", "RefusedError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, and where: ``policies.yaml:42: policy:x: field: message``."""

    file: str
    line: int
    subject: str
    message: str
    column: int | None = None

    def __str__(self) -> str:
        place = f"{Path(self.file).name}:{self.line}"
        if self.column is not None:
            place += f":{self.column}"
        subject = f" {self.subject}:" if self.subject else ""
        return f"{place}:{subject} {self.message}"


class LoaderError(Exception):
    """Base of every error ``loaders`` raises."""


class InvalidInputError(LoaderError):
    """The input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        shown = "\n".join(str(p) for p in self.problems[:50])
        more = len(self.problems) - 50
        suffix = f"\n… and {more} more" if more > 0 else ""
        count = len(self.problems)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''}; nothing was written\n{shown}{suffix}"
        )


class LoadFailedError(LoaderError):
    """Writing failed (Neo4j down, a constraint); the transaction was rolled back."""


class RefusedError(LoaderError):
    """The graph holds data this load must not mix with (nothing was written)."""
