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
from kcanalysis.provinces import (
    normalize_province,
    province_name,
    region_members,
    successor,
)
from kcanalysis.schema import validate_facts, validate_projects

try:
    __version__ = version("kcanalysis")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"


def load(path, province=None, year=None, period=None, sheet=None):
    """Read a CSV or XLSX file into validated `facts`.

    Uses `kcanalysis.ingest.load` (Vietnamese layouts) where it is available, else the
    canonical reader `kcanalysis.canonical_io.load_canonical`.
    """
    try:
        from kcanalysis.ingest import load as _load
    except ImportError:
        from kcanalysis.canonical_io import load_canonical

        return load_canonical(path, sheet=sheet)
    return _load(path, province=province, year=year, period=period, sheet=sheet)


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
    "load_published",
    "normalize_province",
    "province_name",
    "region_members",
    "successor",
    "validate_facts",
    "validate_projects",
]
