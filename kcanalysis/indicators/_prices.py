"""Constant prices for the indicators: a deflation factor per row, or NaN with a reason."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kcanalysis.datasets.cpi import deflate, load_cpi
from kcanalysis.errors import ParameterError

_MULTI_YEAR = re.compile(r"^P\d{4}-\d{4}$")


def cpi_years() -> tuple[int, int]:
    """Return the first and last year of the CPI table."""
    years = load_cpi()["year"]
    return int(years.min()), int(years.max())


def choose_base_year(years: pd.Series, base_year: int | None, func: str) -> int | None:
    """Return `base_year`, or by default the latest year of `years` the CPI table covers."""
    first, last = cpi_years()
    if base_year is not None:
        if not first <= int(base_year) <= last:
            raise ParameterError(
                f"{func}: base_year={base_year} is outside the CPI table ({first}-{last}); "
                "choose a base year within it."
            )
        return int(base_year)
    covered = [int(y) for y in years if first <= int(y) <= last]
    return max(covered) if covered else None


def real_factors(
    years: pd.Series, periods: pd.Series, base_year: int | None
) -> tuple[np.ndarray, list[str]]:
    """Return CPI(base_year) / CPI(year) per row, NaN with a reason where undefined.

    A multi-year period ("P2012-2016") has no single price year, and a year before the
    CPI table has no index: both give NaN. A year after the table is taken at the latest
    year's prices (see `kcanalysis.datasets.cpi.deflate`).
    """
    first, last = cpi_years()
    yrs = np.asarray(years, dtype="int64")
    multi = np.array([bool(_MULTI_YEAR.match(str(p))) for p in periods], dtype=bool)
    covered = yrs >= first
    factors = np.full(len(yrs), np.nan)
    if base_year is None:
        why = f"no CPI for the data's years (CPI table covers {first}-{last})"
        return factors, [why] * len(yrs)
    ok = covered & ~multi
    if ok.any():
        factors[ok] = deflate(np.ones(int(ok.sum())), yrs[ok], base_year)
    reasons = [
        ""
        if good
        else "no constant prices for a multi-year total (spending by year unknown)"
        if many
        else f"no CPI for {int(y)} (CPI table covers {first}-{last})"
        for good, many, y in zip(ok, multi, yrs, strict=True)
    ]
    return factors, reasons
