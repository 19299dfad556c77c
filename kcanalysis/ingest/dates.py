"""Dates as project lists write them: Excel dates, "25/12/2017", "12/2017", "tháng 12/2017",
"Quý IV/2017", "2017". A month, quarter or year means its last day (a deadline)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pandas as pd

from kcanalysis.ingest.cells import shown
from kcanalysis.normalize import fold_words

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def parse_date(value: object) -> pd.Timestamp | None:
    """Return the date a cell gives (the period's last day for a month, quarter or year).

    Raises ValueError if the cell is not a date.

    >>> parse_date("Quý IV/2017")
    Timestamp('2017-12-31 00:00:00')
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return pd.Timestamp(value).normalize()
    key = fold_words(value)
    if not key or key in ("x",):
        return None
    nums = [int(x) for x in re.findall(r"\d+", key)]
    m = re.match(r"^quy ([ivx]+|\d) (?:nam )?(\d{4})$", key)
    if m:
        g = m.group(1)
        q = int(g) if g.isdigit() else _ROMAN_Q.get(g, 0)
        if not 1 <= q <= 4:
            raise ValueError(f"{shown(value)} names no quarter")
        return _month_end(int(m.group(2)), 3 * q)
    if re.match(r"^(?:ngay )?\d{1,2} (?:thang )?\d{1,2} (?:nam )?\d{4}$", key):
        d, mth, y = nums
        return pd.Timestamp(y, mth, d)
    if re.match(r"^(?:thang )?\d{1,2} (?:nam )?\d{4}$", key):
        mth, y = nums
        return _month_end(y, mth)
    if re.match(r"^(?:nam )?\d{4}$", key):
        return pd.Timestamp(nums[0], 12, 31)
    if re.match(r"^\d{4} \d{1,2} \d{1,2}$", key):
        y, mth, d = nums
        return pd.Timestamp(y, mth, d)
    raise ValueError(f"{shown(value)} is not a date")


def _month_end(year: int, month: int) -> pd.Timestamp:
    return pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)


def parse_dates(values, bad: Callable[[int, int, str], None], col: int) -> pd.Series:
    """Parse a column of dates; call `bad(i, col, reason)` for cells that are not dates."""
    present = ~pd.isna(values)
    if not present.any():
        return pd.Series(pd.NaT, index=range(len(values)), dtype="datetime64[ns]")
    out = []
    for i, v in enumerate(values):
        try:
            out.append(parse_date(v))
        except (ValueError, TypeError, OverflowError):
            bad(i, col, f"{shown(v)} is not a date (use dd/mm/yyyy, mm/yyyy or 'Quý IV/2017')")
            out.append(None)
    return pd.Series(pd.to_datetime(out), dtype="datetime64[ns]")
