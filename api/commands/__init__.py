"""``dyad`` commands beyond the core ones, one module per area.

Each module has ``register(subparsers)``, which adds its commands; a command's function
takes ``(args, settings: CliSettings)`` and returns an exit code. Add a module to
``COMMAND_MODULES`` to make its commands appear.
"""

from __future__ import annotations

from types import ModuleType

from api.commands import analytics, article, audit, history, ingest, research, review, synth

__all__ = ["COMMAND_MODULES"]

COMMAND_MODULES: list[ModuleType] = [
    article,
    ingest,
    review,
    history,
    audit,
    research,
    analytics,
    synth,
]
