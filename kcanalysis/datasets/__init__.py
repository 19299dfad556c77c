"""Built-in data: real published figures, the CPI, and the synthetic demo panel.

- `load_published()`: real khuyến công figures from public sources, each row citing its
  source (including the seed article's January-August 2011 regional figures).
- `load_demo()`: a SYNTHETIC panel for the 15 MTTN provinces, 2011-2024, made by the seeded
  generator in `generate_demo`; every row's `source` says "synthetic demo".
- `load_cpi()` and `deflate()`: Viet Nam's CPI and constant-price conversion.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import NamedTuple

import pandas as pd

from kcanalysis.datasets.cpi import deflate, load_cpi
from kcanalysis.schema import (
    PROJECT_MONEY,
    PROJECT_OUTPUTS,
    validate_facts,
    validate_projects,
)

SYNTHETIC_MARK = "synthetic demo"


class Dataset(NamedTuple):
    """A `facts` table with the project list it came from (may be None)."""

    facts: pd.DataFrame
    projects: pd.DataFrame | None


def _read_csv(name: str) -> pd.DataFrame:
    path = resources.files("kcanalysis") / "data" / name
    with path.open(encoding="utf-8") as fh:
        return pd.read_csv(
            fh,
            dtype={
                "area_code": str,
                "qualifier": str,
                "note": str,
                "source": str,
                "title": str,
                "beneficiary": str,
            },
            keep_default_na=False,
            na_values={
                c: [""]
                for c in (
                    "planned",
                    "actual",
                    *PROJECT_MONEY,
                    *PROJECT_OUTPUTS,
                    "completion_pct",
                    "planned_end",
                    "actual_end",
                )
            },
        )


@cache
def _published() -> pd.DataFrame:
    return validate_facts(_read_csv("published_figures.csv"), "published_figures.csv")


@cache
def _demo() -> Dataset:
    facts = validate_facts(_read_csv("demo_facts.csv"), "demo_facts.csv")
    projects = validate_projects(_read_csv("demo_projects.csv"), "demo_projects.csv")
    return Dataset(facts, projects)


def load_published() -> pd.DataFrame:
    """Return the real, sourced khuyến công figures as validated `facts`.

    Each row's `source` names the article or page it came from; money is in million VND;
    "hơn"/"trên" (more than) is qualifier ">".
    """
    return _published().copy()


def load_demo() -> Dataset:
    """Return the SYNTHETIC demonstration panel as ``(facts, projects)``.

    Fifteen MTTN provinces, 2011-2024: full-year (FY) rows for every year and
    January-August (M8) rows for 2011, which add up exactly to the seed article's regional
    figures. The numbers are invented; every row's `source` says "synthetic demo".
    """
    data = _demo()
    return Dataset(data.facts.copy(), data.projects.copy())


def is_synthetic(facts: pd.DataFrame) -> bool:
    """Return True if any row of `facts` comes from the synthetic demo panel."""
    return bool(facts["source"].str.contains(SYNTHETIC_MARK, regex=False).any())


__all__ = [
    "SYNTHETIC_MARK",
    "Dataset",
    "deflate",
    "is_synthetic",
    "load_cpi",
    "load_demo",
    "load_published",
]
