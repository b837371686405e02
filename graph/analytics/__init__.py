"""Research answers from the graph: the dyad series, import dependence, industry exposure.

Each analytic runs one named query from ``queries/analytics/`` and does its arithmetic here,
in typed Python, so that every figure can be shown with the terms it is made of.
"""

from graph.analytics.dependence import (
    Dependence,
    DependenceYear,
    Supplier,
    hhi_band,
    import_dependence,
)
from graph.analytics.exposure import FORMULA, ExposureAnswer, IndustryExposure, Link, Term, exposure
from graph.analytics.series import SeriesPoint, dyad_series

__all__ = [
    "FORMULA",
    "Dependence",
    "DependenceYear",
    "ExposureAnswer",
    "IndustryExposure",
    "Link",
    "SeriesPoint",
    "Supplier",
    "Term",
    "dyad_series",
    "exposure",
    "hhi_band",
    "import_dependence",
]
