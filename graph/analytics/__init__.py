"""Research answers from the graph: the dyad series, import dependence, industry exposure.

Each analytic runs one named query from ``queries/analytics/`` and does its arithmetic here,
in typed Python, so that every figure can be shown with the terms it is made of. The exposure
score is defined once, in ``graph.analytics.formula``. The answers are frozen dataclasses
whose fields say what they hold (``graph.analytics.shapes``), so that the API makes its types
from them.
"""

from graph.analytics.dependence import (
    Dependence,
    DependenceYear,
    Supplier,
    hhi_band,
    import_dependence,
)
from graph.analytics.exposure import (
    ExposureAnswer,
    IndustryExposure,
    Link,
    Term,
    exposure,
    exposure_answer,
)
from graph.analytics.formula import FORMULA
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
    "exposure_answer",
    "hhi_band",
    "import_dependence",
]
