"""Getting data into the graph: read → validate with ``schema`` → batch → write with ``graph``.

``load_corpus`` loads the curated YAML corpus (``loaders/corpus/``) or any files in its format.
"""

from loaders.corpus import (
    CORPUS_DIR,
    collect_files,
    load_corpus,
    read_and_validate,
    validate_records,
)
from loaders.errors import InvalidInputError, LoaderError, LoadFailedError, Problem, RefusedError
from loaders.write import Counts, LoadSummary, plan_and_write

__all__ = [
    "CORPUS_DIR",
    "Counts",
    "InvalidInputError",
    "LoadFailedError",
    "LoadSummary",
    "LoaderError",
    "Problem",
    "RefusedError",
    "collect_files",
    "load_corpus",
    "plan_and_write",
    "read_and_validate",
    "validate_records",
]
