"""Periods as titles, headers and cells write them: "6 tháng đầu năm" (M6), "9 tháng" (M9),
"6 tháng cuối năm" (H2), "quý III" / "quý 3" / "Q3" (Q3), "cả năm" (FY), "giai đoạn
2021-2025" (P2021-2025), and the codes of `kcanalysis.periods` ("H1" is M6)."""

from __future__ import annotations

import re

from kcanalysis.errors import ParameterError
from kcanalysis.normalize import fold_words
from kcanalysis.periods import normalize_period

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
#: One period phrase in folded text; the alternatives are tried in order.
_WORDS = re.compile(
    r"\b(?:(?P<h2>6 thang cuoi(?: nam)?|nua cuoi nam|nua sau nam)"
    r"|(?P<h1>nua dau nam)"
    r"|quy (?P<quy>iv|i{1,3}|[1-4])"
    r"|q(?P<q>[1-4])"
    r"|(?P<n>\d{1,2}) thang"
    r"|(?P<fy>ca nam))\b"
)


def find_periods(key: str) -> list[str]:
    """Return the period codes named in folded text, in order ("quy iii nam 2025" -> Q3).

    >>> find_periods("bao cao 6 thang cuoi nam 2025"), find_periods("quy 2 nam 2025")
    (['H2'], ['Q2'])
    """
    out = []
    for m in _WORDS.finditer(key):
        if m["h2"]:
            out.append("H2")
        elif m["h1"]:
            out.append("M6")
        elif m["quy"] or m["q"]:
            q = m["quy"] or m["q"]
            out.append(f"Q{_ROMAN.get(q) or int(q)}")
        elif m["n"]:
            n = int(m["n"])
            if 1 <= n <= 11:
                out.append(f"M{n}")
            elif n == 12:
                out.append("FY")
        else:
            out.append("FY")
    return out


def period_of(value: object) -> str | None:
    """Return a period code from "FY", "H1", "Q3", "Cả năm", "6 tháng", "Quý III", "6 tháng
    cuối năm", "P2012-2016" or "2012-2016", or None."""
    if value is None:
        return None
    text = str(value).strip()
    try:
        return normalize_period(text)
    except ParameterError:
        pass
    key = fold_words(text)
    if key in ("ca nam", "nam", "full year", "year"):
        return "FY"
    found = find_periods(key)
    if found and _WORDS.match(key):
        return found[0]
    words = key.split()
    span = [w for w in words if w.isdigit() and len(w) == 4]
    if len(span) == 2 and int(span[0]) < int(span[1]):
        return f"P{span[0]}-{span[1]}"
    return None


def header_period(
    group: str, text: str, year: int | None, period: str | None
) -> tuple[str | None, int | None]:
    """Return (period, year) of a column from the words after its group in the header.

    "Kế hoạch năm 2021" -> ("FY", 2021); "Thực hiện 9 tháng" -> ("M9", `year`); "Thực hiện
    quý III năm 2025" -> ("Q3", 2025); "Lũy kế 2016-2021" -> ("P2016-2021", 2021). With no
    period in the words, a plan or an estimate is for the full year and an actual for
    `period` (the table's, else FY). A cumulative column without its first year gives
    (None, year).

    Parameters
    ----------
    group : {"planned", "actual", "estimate", "cumulative"}
    text : str
        The header's words after the group's name, folded ("9 thang", "nam 2021").
    year, period : the table's year and period, when known.
    """
    years = [int(y) for y in re.findall(r"\b(\d{4})\b", text)]
    found_year = years[-1] if years else year
    if group == "cumulative":
        if len(years) >= 2 and years[0] < years[1]:
            return f"P{years[0]}-{years[1]}", years[1]
        if len(years) == 1 and year and years[0] < year:
            return f"P{years[0]}-{year}", year
        return None, found_year
    found = period_of(text) if text else None
    if found is None:
        named = find_periods(text)
        found = named[0] if named else None
    if found is None:
        found = "FY" if group in ("planned", "estimate") else (period or "FY")
    return found, found_year


def primary_when(columns, period: str | None, year: int | None) -> tuple[str, int | None]:
    """Return the (period, year) a table's area is read for.

    The title's or the argument's, else those of the first actual column's header words
    ("Thực hiện 6 tháng đầu năm 2025"), else FY. The actual figures are what a report is
    about; a year's plan beside them does not decide which map its province belongs to.
    """
    for group in ("actual", "estimate"):
        for c in columns:
            if (c.group or ("actual" if c.target == "actual" else None)) == group:
                found, named = header_period(group, c.group_text, year, period)
                return period or found or "FY", year or named
    return period or "FY", year
