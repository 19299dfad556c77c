"""Consumer price index for Viet Nam, and deflation of VND to constant prices."""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError, ParameterError


@cache
def _cpi() -> pd.DataFrame:
    path = resources.files("kcanalysis") / "data" / "cpi_vietnam.csv"
    with path.open(encoding="utf-8") as fh:
        df = pd.read_csv(fh)
    df["year"] = df["year"].astype("int64")
    # Chain the annual changes into an index with 2005 = 100.
    growth = 1 + df["cpi_change_pct"].to_numpy() / 100
    index = 100 * np.cumprod(np.concatenate([[1.0], growth[1:]]))
    df["cpi_index_2005"] = index
    return df


def load_cpi() -> pd.DataFrame:
    """Return Viet Nam's annual average CPI change and a chained index.

    Returns
    -------
    DataFrame
        Columns ``year``, ``cpi_change_pct`` (annual average change, %), ``source`` and
        ``cpi_index_2005`` (2005 = 100, chained from the annual changes). Sources: World
        Bank FP.CPI.TOTL.ZG to 2022; General Statistics Office for 2023, 2024 and 2025
        (+3,31 %, announced 5 January 2026).
    """
    return _cpi().copy()


def latest_cpi_year() -> int:
    """Return the last year the CPI table covers."""
    return int(_cpi()["year"].max())


def cpi_carried_years(years) -> list[int]:
    """Return the years after the CPI table, whose prices `deflate` takes as the latest
    year's (a report says so)."""
    last = latest_cpi_year()
    return sorted({int(y) for y in np.ravel(np.asarray(years)) if int(y) > last})


def deflate(values_mvnd, years, base_year: int) -> np.ndarray:
    """Express amounts in constant prices of `base_year`.

    real = nominal x CPI(base_year) / CPI(year), with the CPI index chained from annual
    average changes (see `load_cpi`).

    Parameters
    ----------
    values_mvnd : array-like of float
        Nominal amounts in million VND.
    years : int or array-like of int
        The year of each amount (broadcast against `values_mvnd`).
    base_year : int
        The year whose prices the result is expressed in.

    Returns
    -------
    numpy.ndarray
        Amounts in million VND at `base_year` prices. NaN stays NaN.

    A year after the table (the current year, whose CPI is not published yet) is taken at
    the latest year's prices; `cpi_carried_years` lists such years so that a report can
    say so.

    Raises
    ------
    ParameterError
        If `base_year` lies outside the CPI table (2005-2025), or a year lies before it.
    """
    cpi = _cpi().set_index("year")["cpi_index_2005"]
    values = np.asarray(values_mvnd, dtype="float64")
    yrs = np.broadcast_to(np.asarray(years), values.shape)
    if base_year not in cpi.index:
        raise ParameterError(
            f"base_year={base_year} is outside the CPI table ({cpi.index.min()}-"
            f"{cpi.index.max()}); choose a base year within it."
        )
    try:
        yrs_int = yrs.astype("int64")
    except (TypeError, ValueError) as err:
        raise DataError(f"deflate: years must be whole numbers, got {yrs!r}.") from err
    last = int(cpi.index.max())
    yrs_int = np.minimum(yrs_int, last)
    unknown = sorted(set(yrs_int.ravel().tolist()) - set(cpi.index))
    if unknown:
        raise ParameterError(
            f"No CPI for year(s) {unknown}; the CPI table covers {cpi.index.min()}-"
            f"{last}. Add the year to cpi_vietnam.csv or drop those amounts."
        )
    factor = cpi.loc[base_year] / cpi.reindex(yrs_int.ravel()).to_numpy().reshape(yrs.shape)
    return values * factor
