"""Surfaces the corpus lacks that articles use, kept here until the corpus carries them.

Each entry is a way news text names an entity of the corpus; each has its reason. The corpus
belongs to its curators: these are proposed there as aliases (see the issue note), and an
entry may go once the corpus has it. Role phrases ("Japan's PM") are in ``roles``.
"""

from __future__ import annotations

__all__ = ["EXTRA_ALIASES", "IGNORED_ALIASES"]

EXTRA_ALIASES: dict[str, str] = {
    # The state as actor: news says "the Chinese government" where the corpus says "Beijing".
    "Chinese government": "country:CHN",
    "Chinese authorities": "country:CHN",
    "Chinese side": "country:CHN",
    "Japanese authorities": "country:JPN",
    "Japanese side": "country:JPN",
    # "rare-earth magnets", "rare earth-rich mud": the group used as a modifier.
    "rare earth": "mineral:rare-earths",
    "rare earth materials": "mineral:rare-earths",
    # Bodies as the wires name them.
    "China's Ministry of Commerce": "organization:mofcom",
    "Constitutional Democratic Party": "organization:cdp",
}

#: Corpus aliases too ambiguous in running text ("MP" is also a member of parliament).
IGNORED_ALIASES: frozenset[str] = frozenset({"MP"})
