"""Province names and codes read for the year a figure is about (the 2025 merger).

The rule, for a row, a title or the `province` argument:

- A GSO code means what `kcanalysis.provinces.province_name(code, year)` says: code 52 is
  Bình Định before 2025 and Gia Lai from 2025; a code merged away in 2025 (54, Phú Yên)
  names no unit from 2025, and the row is quarantined.
- A name is read as the unit that bore it in the year:
  - before 2025, one of the 63 provinces (old spellings accepted). "Huế" is refused: it
    names a province only from 2025 (until then Huế was a city inside Thừa Thiên Huế, so a
    figure for "Huế" may be the city's);
  - from 2025, one of the 34 units: its own name ("Gia Lai" -> 52, the merged province),
    the name of the province it grew from and was named after ("Đắc Lắc" -> 66), or the
    old name of a unit renamed over the same territory ("Thừa Thiên Huế" -> 46). The name
    of a province merged into another ("Phú Yên", "Bình Định" in 2026) is refused, never
    relabelled as its successor: a figure for its former territory is not the new unit's.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kcanalysis import provinces
from kcanalysis.errors import UnknownProvinceError
from kcanalysis.ingest.grid import shown
from kcanalysis.normalize import fold, fold_words

_PREFIX_RE = re.compile(r"^(?:tinh|thanh pho|tp|t p)\s+")


def _key(text: str) -> str:
    return _PREFIX_RE.sub("", fold_words(text)).replace(" ", "")


@cache
def _tables() -> tuple[frozenset[str], Counter]:
    table = provinces.province_table()
    old = {fold(n) for n in table["name"]}
    new_only = frozenset(fold(n) for n in table["successor_name"]) - old
    return new_only, Counter(table["successor_code"])


def name_in_year(text: str, year: int | None, where: str = "") -> tuple[str | None, str]:
    """Return (code, "") of a province name in `year`, or (None, reason) if it names none.

    `year` None reads the name as before 2025. Codes and region ids are not handled here.
    With `where` (" (in the title)"), messages show the registry's spelling of the name
    rather than the text given.
    """
    try:
        code = provinces.normalize_province(text)
    except UnknownProvinceError as err:
        return None, f"unknown province {shown(text)} (did you mean: {', '.join(err.suggestions)}?)"
    prov = provinces.get(code)
    new_only, predecessors = _tables()
    key = _key(text)
    if where:
        label = repr(prov.successor_name if key == fold(prov.successor_name) else prov.name)
        label += where
    else:
        label = shown(text)
    if year is None or year < provinces.MERGER_YEAR:
        if key in new_only:
            return None, (
                f"{label} names a province only from {provinces.MERGER_YEAR}; in "
                f"{year or provinces.MERGER_YEAR - 1} the province was {prov.name} ({code}) "
                f"and {prov.successor_name} a city in it. Write {prov.name!r} or the code {code}"
            )
        return code, ""
    namesake = fold(prov.name) == fold(prov.successor_name)
    renamed = predecessors[prov.successor_code] == 1
    if namesake or renamed or key == fold(prov.successor_name):
        return prov.successor_code, ""
    return None, (
        f"{label} names no province in {year}: {prov.name} joined {prov.successor_name} "
        f"({prov.successor_code}) in {provinces.MERGER_YEAR}, and a figure for its former "
        f"territory is not {prov.successor_name}'s. Give {prov.successor_name}'s figure, or "
        f"the year before {provinces.MERGER_YEAR}"
    )
