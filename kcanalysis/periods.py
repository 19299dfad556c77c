"""Reporting periods and the map vintage they belong to.

A period code names the months a figure covers within its `year`:

- ``FY``: the full year; ``M1``..``M11``: the first N months ("6 tháng đầu năm" is M6);
- ``Q1``..``Q4``: one quarter ("quý I".."quý IV"); ``H2``: the last six months
  ("6 tháng cuối năm");
- ``P<a>-<b>``: a programme period, years a..b, with `year` = b (2021–2025 under
  Decision 1881/QĐ-TTg; 2026–2030 under Decision 2646/QĐ-BCT).

The 2025 merger (Resolution 202/2025/QH15, in force 1 July 2025) split 2025: a period that
ends by June 2025 belongs to the 63-province map (vintage ``"2008"``, the map in force from
1 August 2008); FY 2025, a programme period ending in 2025 and every period that ends
after June 2025 belong to the 34-unit map (vintage ``"2025"``). The new provincial
departments report the whole of 2025 for their whole territory.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from kcanalysis.errors import ParameterError

PERIOD_RE = re.compile(r"^(FY|M([1-9]|1[01])|Q[1-4]|H2|P(\d{4})-(\d{4}))$")

#: The map of the 63 provinces (1 August 2008 to 30 June 2025).
OLD = "2008"
#: The map of the 34 units (from 1 July 2025).
NEW = "2025"
VINTAGES = (OLD, NEW)
MERGER_YEAR = 2025
#: The first month of the new map in `MERGER_YEAR`.
MERGER_MONTH = 7

#: Accepted spellings that are another code's alias ("H1" is the first six months).
_ALIASES = {"H1": "M6", "M12": "FY", "Y": "FY", "CN": "FY"}


def normalize_period(value: object) -> str:
    """Return the canonical code of a period ("h1" -> "M6", " fy " -> "FY").

    Raises
    ------
    ParameterError
        If `value` is no period; the message lists the accepted codes.
    """
    text = str(value).strip().upper().replace("–", "-")
    text = _ALIASES.get(text, text)
    if not PERIOD_RE.match(text):
        raise ParameterError(
            f"{value!r} is not a period; use FY (full year), M1..M11 (first N months, H1 = "
            "M6), Q1..Q4 (a quarter), H2 (the last six months) or P<start>-<end> (a "
            "programme period, e.g. P2021-2025)."
        )
    return text


def months(period: str) -> tuple[int, int]:
    """Return the first and last month a period covers in its year (1-based).

    A programme period covers its last year in full: ``(1, 12)``.
    """
    if period == "FY" or period.startswith("P"):
        return 1, 12
    if period == "H2":
        return 7, 12
    if period.startswith("Q"):
        q = int(period[1:])
        return 3 * q - 2, 3 * q
    if period.startswith("M"):
        return 1, int(period[1:])
    raise ParameterError(f"{period!r} is not a period code.")


def period_end(year: int, period: str = "FY") -> date:
    """Return the last day a period of `year` covers (a programme period: 31 December).

    Reports read the status of projects on this day, so that a report on a past period
    does not change with the day it is rendered.

    >>> period_end(2011, "M8"), period_end(2024, "FY"), period_end(2024, "Q1")
    (datetime.date(2011, 8, 31), datetime.date(2024, 12, 31), datetime.date(2024, 3, 31))
    """
    month = months(period)[1]
    return date(int(year), month, calendar.monthrange(int(year), month)[1])


def programme_years(period: str) -> tuple[int, int] | None:
    """Return (first, last) year of a programme period ``P<a>-<b>``, else None."""
    m = PERIOD_RE.match(period)
    if m and m.group(3):
        return int(m.group(3)), int(m.group(4))
    return None


def vintage_of(year: int, period: str = "FY") -> str:
    """Return the map vintage that a figure for (`year`, `period`) is about.

    >>> vintage_of(2024), vintage_of(2025, "M6"), vintage_of(2025, "FY"), vintage_of(2026)
    ('2008', '2008', '2025', '2025')
    """
    year = int(year)
    if year < MERGER_YEAR:
        return OLD
    if year > MERGER_YEAR:
        return NEW
    return OLD if months(period)[1] < MERGER_MONTH else NEW


def vintage_label(vintage: str, lang: str = "vi") -> str:
    """Return a reader's name for a vintage ("trước 1/7/2025" / "before 1 July 2025")."""
    if vintage == OLD:
        return "trước 1/7/2025" if lang == "vi" else "before 1 July 2025"
    return "từ 1/7/2025" if lang == "vi" else "from 1 July 2025"
