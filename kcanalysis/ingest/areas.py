"""Province names and codes read for the period a figure is about (the 2025 merger).

The rule is `kcanalysis.units.resolve`'s, through `kcanalysis.periods.vintage_of`: a figure
of a period that ends by June 2025 is about one of the 63 provinces, a figure of FY 2025, of
a period from July 2025 or of a later year about one of the 34 units. Here it is put to the
ingest's use: a ``(code, reason)`` pair instead of an exception, so that a row can be
quarantined with the reason, and the reason worded for the row, title or argument.

- A GSO code means the unit that had it then: 52 is Bình Định in M6 2025 and Gia Lai in FY
  2025; a code merged away (54, Phú Yên) names no unit from July 2025.
- A name is read as the unit that bore it then: "Phú Yên" is Phú Yên (54) in M6 2025 and
  refused in FY 2025 or 2026 with its successor named; "Huế" is refused before July 2025.
- A programme-period total (P<a>-<b>) may be an old province's or a new unit's: a
  ``vintage`` given with it chooses the map.
"""

from __future__ import annotations

import re

from kcanalysis import provinces, units
from kcanalysis.errors import UnknownProvinceError
from kcanalysis.ingest.cells import shown
from kcanalysis.normalize import fold, fold_words
from kcanalysis.periods import MERGER_YEAR, NEW, OLD, VINTAGES, vintage_of

_PREFIX_RE = re.compile(r"^(?:tinh|thanh pho|tp|t p)\s+")


def vintage_in(year: int | None, period: str | None = "FY", given: str | None = None) -> str:
    """Return the map vintage of a figure: `given` if any, else the one of (year, period).

    `year` None reads the figure as before the merger.
    """
    if given:
        return given
    return OLD if year is None else vintage_of(int(year), period or "FY")


def figure_vintage(year: int, period: str, vintage: str) -> str:
    """Return the vintage of one figure of a row or table whose area is of `vintage`.

    A programme-period total keeps the area's vintage (either map may hold one); another
    period has its own (`vintage_of`).
    """
    return vintage if period.startswith("P") else vintage_of(int(year), period)


def when(year: int | None, period: str | None = "FY") -> str:
    """Return "2026", "M6 2025" or "FY 2025" for a message."""
    period = period or "FY"
    if period.startswith("P"):
        return period
    if period == "FY" and year != MERGER_YEAR:
        return str(year)
    return f"{period} {year}"


def _key(text: str) -> str:
    return _PREFIX_RE.sub("", fold_words(text)).replace(" ", "")


def name_in_year(
    text: str, year: int | None, where: str = "", period: str | None = "FY", vintage=None
) -> tuple[str | None, str]:
    """Return (code, "") of a province name for (year, period), or (None, reason).

    A thin wrapper of `kcanalysis.units.resolve_name` in the vintage of (year, period) (or
    `vintage`, given with a programme period). Codes and region ids are not handled here.
    With `where` (" (in the title)"), messages show the registry's spelling of the name
    rather than the text given (a title's words are folded).
    """
    try:
        code = provinces.normalize_province(text)
    except UnknownProvinceError as err:
        return None, f"unknown province {shown(text)} (did you mean: {', '.join(err.suggestions)}?)"
    map_ = vintage_in(year, period, vintage)
    try:
        return units.resolve_name(text, map_).code, ""
    except UnknownProvinceError as err:
        detail = str(err).rstrip(".")
    prov = provinces.get(code)
    if where:
        new_name = prov.successor_name
        label = repr(new_name if _key(text) == fold(new_name) else prov.name) + where
    else:
        label = shown(text)
    if map_ == OLD:  # a name of a unit that exists only from 1 July 2025 ("Huế")
        return None, (
            f"{label} names a province only from {MERGER_YEAR} (1 July), not in "
            f"{when(year, period)}; {detail.split('; ', 1)[-1]}"
        )
    hint = ""
    if (period or "").startswith("P") and not vintage:
        hint = (
            f"; if the total is {prov.name}'s own, before the merger, write {OLD} in a "
            "vintage (Địa giới) column"
        )
    elif year == MERGER_YEAR:
        hint = (
            "; if the figures are for January-June 2025, give that period (6 tháng đầu năm, "
            "quý I, quý II) in the title or pass period=M6, Q1 or Q2"
        )
    return None, f"{label} names no province in {when(year, period)}: {detail}{hint}"


def code_in_year(
    value: str, year: int | None, period: str | None = "FY", vintage=None
) -> tuple[str | None, str]:
    """Return (code, "") of a GSO code for (year, period), or (None, reason).

    Code 52 is Bình Định before July 2025 and Gia Lai after; a merged-away code (54) after
    the merger gives a reason naming its successor.
    """
    text = str(value).strip()
    key = str(int(text)).zfill(2) if text.isdecimal() else text
    if key not in provinces.codes():
        return None, f"unknown province {shown(value)}: no GSO province code"
    try:
        return units.get_unit(key, vintage_in(year, period, vintage)).code, ""
    except UnknownProvinceError as err:
        return None, f"a figure for {when(year, period)}: {str(err).rstrip('.')}"


def same_territory(code: str, vintage: str, other: str) -> str | None:
    """Return the code of `code`'s territory in the `other` map, or None if it changed.

    Thừa Thiên Huế (46, 2008) is Huế (46, 2025): renamed over the same land. Đắk Lắk (66,
    2008) has no equal in 2025: the new Đắk Lắk also holds Phú Yên. A region other than
    the whole country (VN) changed with its members.
    """
    if vintage == other or code == "VN":
        return code
    if code not in provinces.codes():
        return None
    if vintage == OLD:
        new = provinces.successor(code)
        return new if units.predecessors(new) == [code] else None
    olds = units.predecessors(code)
    return olds[0] if len(olds) == 1 else None


def parse_vintage(value: object) -> tuple[str | None, str]:
    """Read a vintage cell: (2008 or 2025, ""), (None, "") when blank, else (None, reason)."""
    if value is None or (isinstance(value, float) and value != value):
        return None, ""
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text:
        return None, ""
    if text in VINTAGES:
        return text, ""
    return None, (
        f"vintage {shown(value)} is not understood; write {OLD} (the 63 provinces, to 30 "
        f"June 2025), {NEW} (the 34 units, from 1 July 2025) or leave it blank (it follows "
        "from the year and period)"
    )


def territory_change(code: str, vintage: str) -> str:
    """Say how the merger changed the territory of `code` (of `vintage`), for a message.

    >>> territory_change("54", "2008")
    'Phú Yên (54) joined Đắk Lắk (66) on 1 July 2025'
    """
    if code not in provinces.codes():
        return f"region {code} changed its members on 1 July 2025"
    if vintage == OLD:
        prov = provinces.get(code)
        return (
            f"{prov.name} ({code}) joined {prov.successor_name} ({prov.successor_code}) on "
            "1 July 2025"
        )
    olds = " and ".join(f"{provinces.get(c).name} ({c})" for c in units.predecessors(code))
    return f"{units.unit_name(code, NEW)} ({code}) was formed from {olds} on 1 July 2025"
