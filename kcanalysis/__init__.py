"""kcanalysis: evaluation of Vietnam's industrial extension programme (khuyến công).

The public API, listed explicitly. Data flow one way: ingest -> schema ->
indicators/methods -> plots/text -> notebooks -> reporting.

For analysis in Python (``import kcanalysis as kc``):

- data: `load` (a provincial file), `load_many`, `load_demo` (the synthetic panel),
  each returning a `Dataset` (``facts, projects = ...``; ``.reports``); `load_published`,
  `add_totals`;
- the data layer `kc.panel`: `select` (rows by area, year, period, region...),
  `region_panel` (one row per member), `unit_facts`, `restate`, `dea_panel`;
  `select`, `region_panel` and `dea_panel` are also here at the top level;
- `kc.indicators` (plan fulfilment, cost per output, leverage, ...), `kc.methods` (DEA,
  trends, funnel limits, ...; ``kc.methods.dea_panel``) and `kc.plots` (matplotlib
  figures). These submodules are imported when first used, so that the command line
  starts quickly.
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
from kcanalysis.schema import Dataset, validate_facts, validate_projects
from kcanalysis.units import predecessors, resolve

_SUBMODULES = ("indicators", "methods", "panel", "plots", "programme", "provinces", "units")
_FROM_PANEL = ("select", "region_panel", "dea_panel", "unit_facts")


def __getattr__(name: str):
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"kcanalysis.{name}")
    if name in _FROM_PANEL:
        return getattr(importlib.import_module("kcanalysis.panel"), name)
    raise AttributeError(f"module 'kcanalysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_SUBMODULES, *_FROM_PANEL})


try:
    __version__ = version("kcanalysis")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"


__all__ = [
    "DataError",
    "Dataset",
    "KcAnalysisError",
    "ParameterError",
    "ReportError",
    "UnknownProvinceError",
    "__version__",
    "add_totals",
    "aggregate",
    "dea_panel",
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
    "region_panel",
    "resolve",
    "select",
    "successor",
    "unit_facts",
    "validate_facts",
    "validate_projects",
    "vintage_of",
]
