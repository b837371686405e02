"""Dyad over HTTP (GraphQL, the explorer, health) and the ``dyad`` command line.

Only this package imports strawberry or starlette.
"""

from api.app import create_app
from api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
