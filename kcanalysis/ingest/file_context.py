"""What a table is about: province, year, period, programme level and money unit, read from
the title rows above it ("... NĂM 2017 ... TỈNH LÂM ĐỒNG", "ĐVT: triệu đồng") and from the
arguments of `load`. A conflict between them is a `DataError`, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kcanalysis import provinces
from kcanalysis.errors import DataError, ParameterError, UnknownProvinceError
from kcanalysis.ingest.areas import name_in_year
from kcanalysis.ingest.period_words import find_periods
from kcanalysis.ingest.row_labels import level_of_text
from kcanalysis.ingest.unit_line import Unit, parse_unit_line
from kcanalysis.normalize import fold_words
from kcanalysis.periods import OLD, normalize_period
from kcanalysis.schema import YEAR_RANGE
from kcanalysis.units import unit_name

_DATE_LINE = re.compile(r"ngay(?:\s+\d{1,2})?\s+thang(?:\s+\d{1,2})?\s+nam\s+\d{4}")
_SPAN = re.compile(r"(?:giai doan|tu nam|nam)\s+(\d{4})\s+(?:den\s+|toi\s+)?(?:nam\s+)?(\d{4})")
_YEAR = re.compile(r"\bnam\s+(\d{4})\b")
_PLACE_PREFIX = re.compile(
    r"\b(?:tinh|thanh pho|tp|so cong thuong|trung tam khuyen cong(?: va tu van phat trien "
    r"cong nghiep)?)\s+(.+)$"
)
_PLACE_BEFORE_DATE = re.compile(r"^(.+?)\s+ngay(?:\s+\d{1,2})?\s+thang")


@dataclass(frozen=True)
class Found:
    """A value and where it was found ("Sheet1!A2" or "the argument year=2017")."""

    value: object
    where: str
    #: the words the value was read from (a province's name in a title), for `in_year`
    text: str = ""


@dataclass
class Arguments:
    """The `province`, `year` and `period` given to `load`, checked."""

    area: str | None = None
    year: int | None = None
    period: str | None = None
    #: the province as given, when it is a name (read for the period by `in_year`)
    name: str = ""

    @classmethod
    def check(cls, province=None, year=None, period=None) -> Arguments:
        """Validate the arguments; raise UnknownProvinceError or ParameterError."""
        area, name = None, ""
        if province is not None:
            text = str(province).strip()
            if provinces.is_area_code(text.upper()) and not text.isdigit():
                area = text.upper()
            else:
                area = provinces.normalize_province(province)
                name = "" if isinstance(province, int) or text.isdecimal() else text
        if year is not None:
            if isinstance(year, bool) or not str(year).strip().isdecimal():
                raise ParameterError(f"year={year!r} is not a year; give e.g. year=2017.")
            year = int(year)
            if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
                raise ParameterError(f"year={year} is outside {YEAR_RANGE[0]}-{YEAR_RANGE[1]}.")
        if period is not None:
            try:
                period = normalize_period(period)
            except ParameterError as err:
                raise ParameterError(f"period={period!r} is not understood: {err}") from None
        return cls(area, year, period, name)

    def in_year(self, year: int | None, file: str, period: str | None = "FY") -> str | None:
        """Return the area code, a province name read as the unit that bore it for (`year`,
        `period`).

        Raises
        ------
        DataError
            If the name names no province then (province="Phú Yên" for 2026).
        """
        if not self.name or year is None:
            return self.area
        code, reason = name_in_year(self.name, year, period=period)
        if code is None:
            raise DataError(f"{file}: the argument province={self.name!r}: {reason}.")
        return code


@dataclass
class TitleInfo:
    """What the title rows (and the header's neighbours) say."""

    areas: list[Found] = field(default_factory=list)
    years: list[Found] = field(default_factory=list)
    periods: list[Found] = field(default_factory=list)
    levels: list[Found] = field(default_factory=list)
    units: list[Found] = field(default_factory=list)
    #: title lines saying the table is a plan ("KẾ HOẠCH KHUYẾN CÔNG NĂM 2024", "... được
    #: phê duyệt"), and lines saying it reports results ("Báo cáo kết quả thực hiện ...")
    plan_lines: list[str] = field(default_factory=list)
    result_lines: list[str] = field(default_factory=list)

    @property
    def is_plan(self) -> bool:
        """True when the title says plan and nothing in it says results."""
        return bool(self.plan_lines) and not self.result_lines


def read_title(cells: list[tuple[str, str]]) -> TitleInfo:
    """Read province, year, period, level and unit line from title cells (ref, text)."""
    info = TitleInfo()
    for ref, text in cells:
        unit = parse_unit_line(text)
        if unit is not None:
            info.units.append(Found(unit, ref))
            continue
        key = fold_words(text)
        for code, words in _places(key):
            info.areas.append(Found(code, ref, words))
        dated = _DATE_LINE.sub(" ", key)
        span = _SPAN.search(dated)
        if span and int(span.group(1)) < int(span.group(2)):
            start, end = span.groups()
            info.periods.append(Found(f"P{start}-{end}", ref))
            info.years.append(Found(int(end), ref))
            dated = dated.replace(span.group(0), " ")
        for y in _YEAR.findall(dated):
            info.years.append(Found(int(y), ref))
        for period in find_periods(dated):
            info.periods.append(Found(period, ref))
        level = level_of_text(text)
        if level:
            info.levels.append(Found(level, ref))
        if key.startswith(_PLAN_STARTS) or any(w in key for w in _PLAN_WORDS):
            info.plan_lines.append(ref)
        if any(w in key for w in _RESULT_WORDS):
            info.result_lines.append(ref)
    return info


_PLAN_STARTS = ("ke hoach", "danh muc de an du kien", "du kien")
_PLAN_WORDS = ("duoc phe duyet", "phe duyet danh muc", "phe duyet ke hoach")
_RESULT_WORDS = ("ket qua", "thuc hien", "bao cao", "nghiem thu", "quyet toan", "tong ket")


def _places(key: str) -> list[tuple[str, str]]:
    found = []
    if "mien trung" in key and "tay nguyen" in key:
        found.append(("MTTN", ""))
    for pattern in (_PLACE_PREFIX, _PLACE_BEFORE_DATE):
        m = pattern.search(key)
        if not m:
            continue
        words = m.group(1).split()
        spans = range(min(4, len(words)), 0, -1)
        if pattern is _PLACE_BEFORE_DATE:
            candidates = [" ".join(words[-n:]) for n in spans]
        else:
            candidates = [" ".join(words[:n]) for n in spans]
        for candidate in candidates:
            try:
                found.append((provinces.normalize_province(candidate), candidate))
                break
            except UnknownProvinceError:
                continue
    return found


def resolve(what: str, found: list[Found], given, name: str, arg_name: str, vintage=OLD):
    """Return the one value of `what` that the title and the argument agree on (or None).

    A province code is shown by its name in `vintage` (the map of the table's period).

    Raises
    ------
    DataError
        If the title and the argument disagree, or the title names several values and no
        argument chooses among them.
    """
    distinct = list(dict.fromkeys(f.value for f in found))
    if given is not None:
        if distinct and given not in distinct:
            where = found[0].where
            raise DataError(
                f"{name}: {where} says the {what} is {_show(distinct[0], vintage)}, but "
                f"{arg_name}={given!r} was given. Fix the argument or the file; a conflict is "
                "not guessed."
            )
        return given
    if len(distinct) > 1:
        places = "; ".join(f"{_show(f.value, vintage)} in {f.where}" for f in found)
        raise DataError(
            f"{name}: the title names several {what}s ({places}). Pass {arg_name}=... to say "
            "which one the table is about."
        )
    return distinct[0] if distinct else None


def _show(value, vintage: str = OLD) -> str:
    if isinstance(value, str) and value.isdigit():
        try:
            return f"{unit_name(value, vintage)} ({value})"
        except UnknownProvinceError:
            return f"{provinces.province_name(value)} ({value})"
    return str(value)


def money_unit(info: TitleInfo) -> tuple[Unit | None, str, list[str]]:
    """Return the unit line's money unit, its cell, and warnings if several disagree."""
    if not info.units:
        return None, "", []
    first = info.units[0]
    others = [f for f in info.units[1:] if f.value.factor != first.value.factor]
    warnings = [
        f"unit line {f.value.text!r} in {f.where} disagrees with {first.value.text!r} in "
        f"{first.where}; the first is used"
        for f in others
    ]
    return first.value, first.where, warnings


def in_year(
    found: list[Found], year: int | None, name: str, period: str | None = "FY"
) -> list[Found]:
    """Read the province names of a title as the units that bore them for (`year`,
    `period`): "Tỉnh Gia Lai" is 64 in 2024 and 52 in 2026.

    Raises
    ------
    DataError
        If a name names no province then ("Tỉnh Phú Yên" over a 2026 table).
    """
    if year is None:
        return found
    out = []
    for f in found:
        if not f.text:
            out.append(f)
            continue
        code, reason = name_in_year(f.text, year, " (in the title)", period)
        if code is None:
            raise DataError(f"{name}: {f.where}: {reason}.")
        out.append(Found(code, f.where, f.text))
    return out
