"""Areas through time: which territory a code or a name means on a date.

The 2025 merger reused codes, so a code alone does not name a territory: 52 was Bình Định
and is Gia Lai (old Gia Lai 64 + Bình Định 52) from 1 July 2025; 44 was Quảng Bình and is
Quảng Trị (Quảng Bình 44 + Quảng Trị 45). An area is therefore a code **and a vintage**
(`kcanalysis.periods`): ``"2008"``, the 63-province map, or ``"2025"``, the 34-unit map.
`Unit.id` spells it so that the two cannot be confused: ``"52@2008"`` is Bình Định,
``"52@2025"`` is Gia Lai. The `facts` table carries the vintage in its own column.

`resolve` is the one resolver from (name or code, year, period) to a unit; ingest,
parameters, reports and batches all use it. On or after 1 July 2025 a merged-away name or
code is refused with its successor named; before that date it is the old province.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kcanalysis import provinces
from kcanalysis.errors import UnknownProvinceError
from kcanalysis.normalize import fold, fold_words
from kcanalysis.periods import NEW, OLD, vintage_of

#: The merger day, as the messages write it.
_MERGER_DAY = {"vi": "1/7/2025", "en": "1 July 2025"}


@dataclass(frozen=True)
class Unit:
    """One area of one map vintage: a pre-merger province or a post-merger unit."""

    code: str
    vintage: str
    name: str

    @property
    def id(self) -> str:
        """The identity that cannot confuse old 52 (Bình Định) with new 52 (Gia Lai)."""
        return f"{self.code}@{self.vintage}"

    @property
    def predecessors(self) -> tuple[str, ...]:
        """The pre-merger codes whose territory this unit holds (itself when old)."""
        return tuple(predecessors(self.code)) if self.vintage == NEW else (self.code,)


@cache
def _new_units() -> dict[str, str]:
    """Post-merger unit code -> name."""
    return {p.successor_code: p.successor_name for p in provinces._registry().values()}


@cache
def _predecessors() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for p in provinces._registry().values():
        out.setdefault(p.successor_code, []).append(p.code)
    # The namesake first (the province the unit is named after), then by code.
    return {
        new: tuple(
            sorted(olds, key=lambda c: (provinces._registry()[c].name != _new_units()[new], c))
        )
        for new, olds in out.items()
    }


def unit_codes(vintage: str) -> list[str]:
    """Return the codes of the 63 provinces (``"2008"``) or the 34 units (``"2025"``)."""
    return provinces.codes() if vintage == OLD else sorted(_new_units())


def predecessors(code: str | int) -> list[str]:
    """Return the pre-merger provinces that a post-merger unit was formed from.

    The inverse of `kcanalysis.successor`; the province the unit is named after comes first.

    >>> predecessors("52")  # new Gia Lai: old Gia Lai and Bình Định
    ['64', '52']
    """
    key = str(code).strip().zfill(2)
    if key not in _predecessors():
        raise UnknownProvinceError(
            f"Code {key!r} names no unit after {_MERGER_DAY['en']}; the 34 units are "
            f"{', '.join(unit_codes(NEW))} (see `kcanalysis provinces --year 2026`).",
            value=code,
        )
    return list(_predecessors()[key])


def unit_name(code: str, vintage: str) -> str:
    """Return the name of `code` in `vintage` ("46", "2008" -> "Thừa Thiên Huế")."""
    key = str(code).strip().zfill(2)
    if vintage == NEW:
        if key in _new_units():
            return _new_units()[key]
        raise _merged_code(key)
    if key not in provinces._registry():
        raise provinces._unknown(code)
    return provinces._registry()[key].name


def get_unit(code: str, vintage: str) -> Unit:
    """Return the unit of a (code, vintage) pair; raise if it did not exist then."""
    return Unit(str(code).strip().zfill(2), vintage, unit_name(code, vintage))


def _merged_code(code: str) -> UnknownProvinceError:
    prov = provinces._registry()[code]
    if prov.successor_code == code:  # cannot happen: such a code names a unit
        return provinces._unknown(code)
    new_name = _new_units()[prov.successor_code]
    # Code 64 was Gia Lai's; the new Gia Lai has code 52.
    if fold(prov.name) == fold(new_name):
        return UnknownProvinceError(
            f"Code {code} was {prov.name} before {_MERGER_DAY['en']}; since then {new_name} "
            f"is code {prov.successor_code} (formed from "
            f"{_names(predecessors(prov.successor_code))}). Use code {prov.successor_code}.",
            value=code,
        )
    return UnknownProvinceError(
        f"Code {code} ({prov.name}) names no unit after {_MERGER_DAY['en']}: {prov.name} "
        f"joined {new_name} ({prov.successor_code}) on {_MERGER_DAY['en']}; use {new_name} "
        f"({prov.successor_code}).",
        value=code,
    )


def _names(codes: list[str]) -> str:
    return " and ".join(provinces._registry()[c].name for c in codes)


def _new_only_names() -> frozenset[str]:
    old = {fold(p.name) for p in provinces._registry().values()}
    return frozenset(fold(n) for n in _new_units().values()) - old


def resolve_name(text: str, vintage: str) -> Unit:
    """Return the unit a province name denotes in `vintage`.

    - In the old map, one of the 63 provinces (old spellings accepted); "Huế" is refused,
      because it named a city inside Thừa Thiên Huế until 2025.
    - In the new map, one of the 34 units: its own name ("Gia Lai" -> 52), the old name of
      the province it is named after ("Đắc Lắc" -> 66), or the old name of a unit renamed
      over the same territory ("Thừa Thiên Huế" -> 46). The name of a province merged into
      another ("Bình Định", "Phú Yên") is refused with its successor named: a figure for
      its former territory is not the new unit's.

    Raises
    ------
    UnknownProvinceError
        If the name denotes no unit of that vintage; the message says what to use.
    """
    code = provinces.normalize_province(text)
    prov = provinces._registry()[code]
    key = provinces._PREFIX_RE.sub("", fold_words(str(text))).replace(" ", "")
    if vintage == OLD:
        if key in _new_only_names():
            raise UnknownProvinceError(
                f"{str(text).strip()!r} names a province only from {_MERGER_DAY['en']}; "
                f"before that the province was {prov.name} ({code}) and "
                f"{prov.successor_name} a city in it. Write {prov.name!r} or the code {code}.",
                value=text,
            )
        return Unit(code, OLD, prov.name)
    new_code = prov.successor_code
    new_name = _new_units()[new_code]
    namesake = fold(prov.name) == fold(new_name) or key == fold(new_name)
    renamed = len(predecessors(new_code)) == 1
    if namesake or renamed:
        return Unit(new_code, NEW, new_name)
    raise UnknownProvinceError(
        f"{prov.name} joined {new_name} ({new_code}) on {_MERGER_DAY['en']}; use {new_name}. "
        f"A report before that date (up to June 2025) may still name {prov.name}.",
        value=text,
    )


def resolve(value: object, year: int, period: str = "FY") -> Unit:
    """Return the unit that a name or code means for a figure of (`year`, `period`).

    Parameters
    ----------
    value : str or int
        A GSO code or a province name (any spelling `normalize_province` accepts).
    year, period : int, str
        The figure's year and period; they decide the map vintage (`periods.vintage_of`).

    Returns
    -------
    Unit
        ``resolve("Gia Lai", 2026).id == "52@2025"``; ``resolve("Gia Lai", 2024).id ==
        "64@2008"``; ``resolve("Phú Yên", 2025, "M6").id == "54@2008"``.

    Raises
    ------
    UnknownProvinceError
        If the value names no province, or names one that did not exist then (a merged-away
        name or code after 1 July 2025); the message names the successor to use.
    """
    vintage = vintage_of(year, period)
    if isinstance(value, bool) or value is None:
        raise provinces._unknown(value)
    text = str(int(value)) if isinstance(value, int) else str(value).strip()
    if text.isdecimal():
        code = str(int(text)).zfill(2)
        if code not in provinces._registry():
            raise provinces._unknown(value)
        if vintage == NEW and code not in _new_units():
            raise _merged_code(code)
        return get_unit(code, vintage)
    return resolve_name(text, vintage)


def unit_table(vintage: str = NEW):
    """Return the units of a vintage with their predecessors, as a DataFrame."""
    import pandas as pd

    rows = []
    for code in unit_codes(vintage):
        preds = predecessors(code) if vintage == NEW else [code]
        rows.append(
            {
                "code": code,
                "name": unit_name(code, vintage),
                "id": f"{code}@{vintage}",
                "predecessors": ", ".join(f"{provinces._registry()[c].name} ({c})" for c in preds),
            }
        )
    return pd.DataFrame(rows)
