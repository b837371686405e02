"""Vendored GraphiQL files are the exact npm files strawberry's page pins by hash."""

from __future__ import annotations

import base64
import hashlib
import re

from strawberry.http.ides import get_graphql_ide_html

from api.graphql.graphiql import CDN_PREFIX
from tests.conftest import ROOT

VENDOR = ROOT / "api" / "static" / "vendor"


def test_every_cdn_file_is_vendored_with_its_integrity_hash() -> None:
    html = get_graphql_ide_html("graphiql")
    pinned = re.findall(
        r'(?:src|href)="' + re.escape(CDN_PREFIX) + r'([^"]+)"\s+integrity="(sha\d+)-([^"]+)"', html
    )
    assert len(pinned) == 7
    for path, algorithm, expected in pinned:
        data = (VENDOR / path).read_bytes()
        digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
        assert digest == expected, path
