"""kcanalysis: evaluation of Vietnam's industrial extension programme (khuyến công).

The public API, listed explicitly. Data flow one way: ingest -> schema ->
indicators/methods -> plots/text -> notebooks -> reporting.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from kcanalysis.aggregate import add_totals, aggregate
from kcanalysis.datasets import deflate, is_synthetic, load_cpi, load_demo, load_published
from kcanalysis.errors import (
    DataError,
    KcAnalysisError,
    ParameterError,
    ReportError,
    UnknownProvinceError,
)
from kcanalysis.ingest import load, load_many
from kcanalysis.periods import vintage_of
from kcanalysis.provinces import (
    normalize_province,
    province_name,
    region_members,
    successor,
)
from kcanalysis.schema import validate_facts, validate_projects
from kcanalysis.units import predecessors, resolve

try:
    __version__ = version("kcanalysis")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"


__all__ = [
    "DataError",
    "KcAnalysisError",
    "ParameterError",
    "ReportError",
    "UnknownProvinceError",
    "__version__",
    "add_totals",
    "aggregate",
    "deflate",
    "is_synthetic",
    "load",
    "load_cpi",
    "load_demo",
    "load_many",
    "load_published",
    "normalize_province",
    "predecessors",
    "province_name",
    "region_members",
    "resolve",
    "successor",
    "validate_facts",
    "validate_projects",
    "vintage_of",
]
