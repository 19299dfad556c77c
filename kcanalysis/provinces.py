"""Registry of Vietnam's provinces: 63 pre-July-2025 provinces, the 34 units after the 2025
merger, aliases and old spellings, and regions as data with validity years.

Codes are GSO codes as two-character strings ("01".."96"). Facts for years before the
merger use the pre-2025 code of the province. Beware that some codes changed meaning in
2025: after the merger code 52 is Gia Lai (before: Bình Định) and code 44 is Quảng Trị
(before: Quảng Bình).
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kcanalysis.errors import UnknownProvinceError
from kcanalysis.normalize import fold, fold_words, to_ascii
from kcanalysis.periods import MERGER_YEAR, OLD, vintage_of

__all__ = ["MERGER_YEAR"]  # re-exported: the merger took effect on 1 July 2025

#: Pre-2025 name of code 46; the shared list uses today's name "Huế".
_PRE_2025_NAME_OVERRIDES = {"46": "Thừa Thiên Huế"}

#: Old spellings and abbreviations that do not reduce to a registry name by folding
#: diacritics, case, spaces and punctuation alone. Keys are folded (see `fold`).
_EXTRA_ALIASES = {
    "daclac": "66",
    "daclak": "66",
    "daklac": "66",
    "dacnong": "67",
    "tthue": "46",
    "hue": "46",
    "thuathien": "46",
    "hcm": "79",
    "tphcm": "79",
    "hcmc": "79",
    "saigon": "79",
    "thanhphohochiminh": "79",
    "brvt": "77",
    "vungtau": "77",
    "hanoi": "01",
    "hn": "01",
    "danang": "48",
    "dnang": "48",
    "kontum": "62",
    "khanhhoa": "56",
    "thanhhoa": "38",
    "hoabinh": "17",
}

_PREFIX_RE = re.compile(r"^(?:tinh|thanh pho|tp|t p)\s+")


@dataclass(frozen=True)
class Province:
    """One pre-2025 province and the post-2025 unit it belongs to."""

    code: str
    name: str
    name_ascii: str
    full_name: str
    successor_code: str
    successor_name: str


@cache
def _registry() -> dict[str, Province]:
    path = resources.files("kcanalysis") / "data" / "provinces_63_to_34.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out: dict[str, Province] = {}
    for row in rows:
        code = row["old_code"].zfill(2)
        name = _PRE_2025_NAME_OVERRIDES.get(code, row["old_name"])
        out[code] = Province(
            code=code,
            name=name,
            name_ascii=to_ascii(name),
            full_name=row["old_full"].replace(row["old_name"], name),
            successor_code=row["new_code"].zfill(2),
            successor_name=row["new_name"],
        )
    return out


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, prov in _registry().items():
        index[fold(prov.name)] = code
        index[fold(prov.full_name)] = code
    # Today's name of code 46 ("Huế") is also accepted.
    index.update(_EXTRA_ALIASES)
    return index


def codes() -> list[str]:
    """Return the 63 pre-2025 province codes, sorted."""
    return sorted(_registry())


def successor_codes() -> list[str]:
    """Return the 34 codes of the post-2025 units, sorted."""
    return sorted({p.successor_code for p in _registry().values()})


def get(code: str) -> Province:
    """Return the registry entry of a pre-2025 code (any accepted form of it)."""
    return _registry()[normalize_province(code)]


def normalize_province(value: object) -> str:
    """Return the pre-2025 GSO code of a province given by name or code.

    Parameters
    ----------
    value : str or int
        A code (``66``, ``"66"``, ``"066"``) or a name, with or without diacritics, in any
        case, NFC or NFD, with or without the prefixes "Tỉnh", "Thành phố" or "TP.", or a
        common old spelling ("Đăk Lăk", "Đắc Lắc", "Daklak", "Kontum", "TT-Huế").

    Returns
    -------
    str
        The two-character pre-2025 code, e.g. ``"66"`` for Đắk Lắk.

    Raises
    ------
    UnknownProvinceError
        If the value matches no province; the message lists the three closest names.
    """
    registry = _registry()
    if isinstance(value, bool) or value is None:
        raise _unknown(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise _unknown(value)
        code = str(int(value)).zfill(2)
        if code in registry:
            return code
        raise _unknown(value)
    text = str(value).strip()
    if text.isdecimal():
        code = str(int(text)).zfill(2)
        if code in registry:
            return code
        raise _unknown(value)
    words = _PREFIX_RE.sub("", fold_words(text))
    key = words.replace(" ", "")
    index = _alias_index()
    if key in index:
        return index[key]
    full_key = fold(text)
    if full_key in index:
        return index[full_key]
    raise _unknown(value)


def suggest_provinces(value: object, n: int = 3) -> list[str]:
    """Return the `n` registry names closest to `value` (by folded spelling)."""
    key = _PREFIX_RE.sub("", fold_words(str(value))).replace(" ", "")
    names = {fold(p.name): p.name for p in _registry().values()}
    close = difflib.get_close_matches(key, list(names), n=n, cutoff=0.0)
    return [names[k] for k in close]


def _unknown(value: object) -> UnknownProvinceError:
    suggestions = tuple(suggest_provinces(value))
    return UnknownProvinceError(
        f"Unknown province {value!r}. Did you mean: {', '.join(suggestions)}? "
        "Use a GSO code or a name from `kcanalysis provinces`.",
        value=value,
        suggestions=suggestions,
    )


def successor(code: str | int) -> str:
    """Return the code of the post-2025 unit that a pre-2025 province joined.

    >>> successor("54")  # Phú Yên joined Đắk Lắk
    '66'
    """
    return _registry()[normalize_province(code)].successor_code


def province_name(code: str | int, year: int | None = None, period: str = "FY") -> str:
    """Return the Vietnamese name that `code` had for a figure of (`year`, `period`).

    Parameters
    ----------
    code : str or int
        A GSO code.
    year, period : int, str, optional
        They decide the map vintage (`kcanalysis.periods.vintage_of`): before 1 July 2025
        (or with no year) the pre-merger province is named ("46" -> "Thừa Thiên Huế",
        "52" -> "Bình Định"); from then on (FY 2025 included) the post-merger unit ("46"
        -> "Huế", "52" -> "Gia Lai").

    Raises
    ------
    UnknownProvinceError
        If the code is unknown, or names no unit in the year asked.
    """
    from kcanalysis.units import unit_name

    key = str(code).strip().zfill(2)
    if key not in _registry():
        raise _unknown(code)
    vintage = OLD if year is None else vintage_of(year, period)
    return unit_name(key, vintage)


def province_table():
    """Return the registry as a DataFrame (one row per pre-2025 province)."""
    import pandas as pd

    return pd.DataFrame([p.__dict__ for p in _registry().values()]).sort_values("code")


# --------------------------------------------------------------------------- regions


@dataclass(frozen=True)
class Region:
    """A group of provinces; membership is data with validity years."""

    region_id: str
    name_vi: str
    name_en: str
    note: str


@cache
def _regions() -> dict[str, Region]:
    path = resources.files("kcanalysis") / "data" / "regions.csv"
    with path.open(encoding="utf-8") as fh:
        return {r["region_id"]: Region(**r) for r in csv.DictReader(fh)}


@cache
def _memberships() -> tuple[tuple[str, str, str, int, int], ...]:
    path = resources.files("kcanalysis") / "data" / "region_members.csv"
    with path.open(encoding="utf-8") as fh:
        return tuple(
            (
                r["region_id"],
                r["area_code"].zfill(2),
                r["vintage"],
                int(r["valid_from"]),
                int(r["valid_to"]),
            )
            for r in csv.DictReader(fh)
        )


def regions() -> dict[str, Region]:
    """Return the known regions by id (``"MTTN"``, ``"VN"``)."""
    return dict(_regions())


def get_region(region_id: str) -> Region:
    """Return one region; raise `UnknownProvinceError` naming the known ids otherwise."""
    key = str(region_id).strip().upper()
    known = _regions()
    if key not in known:
        raise UnknownProvinceError(
            f"Unknown region {region_id!r}. Known regions: {', '.join(sorted(known))}.",
            value=region_id,
            suggestions=tuple(sorted(known)),
        )
    return known[key]


def region_members(region_id: str, year: int, period: str = "FY") -> list[str]:
    """Return the codes of a region's members for a figure of (`year`, `period`), sorted.

    Before 1 July 2025 they are pre-merger provinces; from then on (FY 2025 included)
    post-merger units: MTTN is 15 provinces to June 2025 and their 8 successor units after.
    ``"VN"`` is every province (63) or every unit (34). Membership is read from the packaged
    region table, which records a vintage and validity years for each row.

    Raises
    ------
    UnknownProvinceError
        If the region has no recorded membership for that year and vintage; the message
        lists the spans that are recorded.
    """
    from kcanalysis.units import unit_codes

    region = get_region(region_id)
    vintage = vintage_of(year, period)
    if region.region_id == "VN":
        return unit_codes(vintage)
    members = sorted(
        code
        for rid, code, vin, start, end in _memberships()
        if rid == region.region_id and vin == vintage and start <= year <= end
    )
    if not members:
        spans = sorted({(s, e, v) for rid, _, v, s, e in _memberships() if rid == region.region_id})
        shown = ", ".join(
            f"{s}-{e} ({'to' if v == OLD else 'from'} July 2025)" for s, e, v in spans
        )
        raise UnknownProvinceError(
            f"Region {region.region_id} has no recorded members for {year} {period}; "
            f"membership is recorded for {shown}. Add rows to region_members.csv, or "
            "compare with the whole country (region VN).",
            value=year,
        )
    return members


def regions_of(code: str, year: int, period: str = "FY") -> list[str]:
    """Return the ids of the regions (other than ``"VN"``) `code` belongs to then."""
    key = str(code).strip().zfill(2)
    vintage = vintage_of(year, period)
    return sorted(
        {rid for rid, c, v, s, e in _memberships() if c == key and v == vintage and s <= year <= e}
    )


def area_label(
    area_code: str, year: int | None = None, lang: str = "vi", period: str = "FY"
) -> str:
    """Return a display name for any area code: a province, a region id or ``"VN"``."""
    key = str(area_code).strip()
    if key.upper() in _regions():
        region = _regions()[key.upper()]
        return region.name_vi if lang == "vi" else region.name_en
    return province_name(key, year, period)


def is_area_code(value: str) -> bool:
    """Return True if `value` is a known province code or region id."""
    key = str(value).strip()
    return key in _registry() or key.upper() in _regions()
