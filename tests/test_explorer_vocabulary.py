"""The explorer draws every kind of node the vocabulary has (no browser needed)."""

from __future__ import annotations

import re

from schema import Label
from tests.conftest import ROOT

STYLES = ROOT / "api" / "static" / "explorer" / "styles.js"


def test_the_legend_has_a_style_for_every_kind_of_node() -> None:
    text = STYLES.read_text()
    block = text[text.index("export const KINDS = {") : text.index("};")]
    styled = set(re.findall(r"^\s+([A-Z_]+): \[", block, re.M))
    assert styled == {label.name for label in Label}
