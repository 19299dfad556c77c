"""Report parameters: frozen, typed, validated before any kernel starts.

Each notebook has a parameter class whose fields equal the names in the notebook's
``parameters`` cell (a test checks this with ``papermill.inspect_notebook``). Values come
from the command line or from ``params/*.yaml`` run files (read by the batch runner with
``yaml.safe_load`` only).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from kcanalysis import provinces, units
from kcanalysis.data_names import BUILTIN
from kcanalysis.errors import ParameterError, UnknownProvinceError
from kcanalysis.periods import normalize_period, vintage_of
from kcanalysis.text import LANGS

DEFAULT_BASE_YEAR = 2024


def _check_type(name: str, value: object, expected: object) -> None:
    origin = typing.get_origin(expected)
    if origin is list or expected is list:
        (item,) = typing.get_args(expected) or (object,)
        if not isinstance(value, list | tuple) or not all(isinstance(v, item) for v in value):
            raise ParameterError(
                f"Parameter {name!r} must be a list of {item.__name__}, got {value!r}."
            )
        return
    if isinstance(expected, types.UnionType):
        expected = tuple(typing.get_args(expected))
    if expected is int and isinstance(value, bool):
        raise ParameterError(f"Parameter {name!r} must be int, got {value!r}.")
    if not isinstance(value, expected):  # type: ignore[arg-type]
        want = getattr(expected, "__name__", str(expected))
        raise ParameterError(
            f"Parameter {name!r} must be {want}, got {type(value).__name__} {value!r}."
        )


class _Params:
    """Shared validation for the parameter classes."""

    def _validate_common(self) -> None:
        hints = typing.get_type_hints(type(self))
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            _check_type(f.name, getattr(self, f.name), hints[f.name])
        if self.lang not in LANGS:  # type: ignore[attr-defined]
            raise ParameterError(
                f"Parameter 'lang'={self.lang!r} is not supported; use one of "  # type: ignore[attr-defined]
                f"{', '.join(LANGS)}."
            )
        try:
            period = normalize_period(self.period)  # type: ignore[attr-defined]
        except ParameterError as err:
            raise ParameterError(f"Parameter 'period': {err}") from err
        object.__setattr__(self, "period", period)
        # Paths are resolved against the caller's folder now: the kernel runs elsewhere.
        # "builtin" stands for the built-in panel beside the files (it is no path).
        given_data = list(self.data)  # type: ignore[attr-defined]
        paths = [p if p == BUILTIN else str(Path(p).expanduser().resolve()) for p in given_data]
        object.__setattr__(self, "data", paths)
        for given, path in zip(given_data, paths, strict=True):
            if path != BUILTIN and not Path(path).is_file():
                raise ParameterError(f"Parameter 'data': file {given!r} does not exist.")

    @classmethod
    def from_dict(cls, values: dict) -> _Params:
        """Build from a mapping; unknown keys are an error naming the allowed keys."""
        if not isinstance(values, dict):
            raise ParameterError(f"{cls.__name__}: expected a mapping, got {values!r}.")
        allowed = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
        unknown = sorted(set(map(str, values)) - set(allowed))
        if unknown:
            raise ParameterError(
                f"Unknown parameter(s) {', '.join(unknown)} for {cls.__name__}; "
                f"allowed: {', '.join(allowed)}."
            )
        return cls(**values)

    def to_dict(self) -> dict:
        """Return the parameters as plain values (for papermill and provenance)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class ProvinceReportParams(_Params):
    """Parameters of one province-year report (``notebooks/province_report.ipynb``).

    `province` accepts any name or code that `normalize_province` accepts, or a region id;
    it is stored as the code. `data` lists CSV/XLSX files; empty means the built-in data
    (the published figures and the synthetic demo panel).
    """

    province: str = "66"
    year: int = 2024
    period: str = "FY"
    lang: str = "vi"
    data: list[str] = field(default_factory=list)
    #: the region the province is compared with; "" means its own: MTTN for its 15
    #: provinces, else the whole country (VN)
    region: str = ""
    base_year: int = DEFAULT_BASE_YEAR
    #: the issuing body printed at the top ("Sở Công Thương tỉnh Đắk Lắk"); "" for none
    issuer: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.province, int) and not isinstance(self.province, bool):
            object.__setattr__(self, "province", str(self.province))
        self._validate_common()
        code = _area_code(self.province, self.year, self.period)
        try:
            region = provinces.get_region(
                self.region or _own_region(code, self.year, self.period)
            ).region_id
            provinces.region_members(region, self.year, self.period)
        except UnknownProvinceError as err:
            raise ParameterError(f"Parameter 'region': {err}") from err
        object.__setattr__(self, "province", code)
        object.__setattr__(self, "region", region)


@dataclass(frozen=True)
class ProgrammeReviewParams(ProvinceReportParams):
    """Parameters of a programme review (``notebooks/programme_review.ipynb``).

    `period` is a programme period ``P<a>-<b>`` and `year` its last year (2025 for
    2021–2025); `province` may be a province or a region id, as in a province report.
    """

    province: str = "Đắk Lắk"
    year: int = 2025
    period: str = "P2021-2025"

    def __post_init__(self) -> None:
        super().__post_init__()
        from kcanalysis.periods import programme_years

        span = programme_years(self.period)
        if span is None:
            raise ParameterError(
                f"Parameter 'period'={self.period!r}: a programme review takes a programme "
                "period such as P2021-2025 or P2026-2030."
            )
        if self.year != span[1]:
            raise ParameterError(
                f"Parameter 'year'={self.year}: a review of {self.period} has year={span[1]}, "
                "the period's last year."
            )


def _area_code(value: str, year: int, period: str) -> str:
    """Return the code of a region id, or of the unit a province name or code means for
    (`year`, `period`): after 1 July 2025 a merged-away name is refused, with its
    successor named (`kcanalysis.units.resolve`)."""
    if value.strip().upper() in provinces.regions():
        return value.strip().upper()
    try:
        return units.resolve(value, year, period).code
    except UnknownProvinceError as err:
        raise ParameterError(f"Parameter 'province': {err}") from err


def _own_region(code: str, year: int, period: str = "FY") -> str:
    """Return the region a province (or region id) is compared with by default."""
    if code in provinces.regions():
        return code
    try:
        members = provinces.region_members("MTTN", year, period)
    except UnknownProvinceError:  # a year without recorded membership: checked later
        return "MTTN"
    return "MTTN" if code in members else "VN"


@dataclass(frozen=True)
class RegionalOverviewParams(_Params):
    """Parameters of one regional overview (``notebooks/regional_overview.ipynb``)."""

    region: str = "MTTN"
    year: int = 2024
    period: str = "FY"
    lang: str = "vi"
    data: list[str] = field(default_factory=list)
    base_year: int = DEFAULT_BASE_YEAR
    #: the issuing body printed at the top; "" for none
    issuer: str = ""

    def __post_init__(self) -> None:
        self._validate_common()
        try:
            object.__setattr__(self, "region", provinces.get_region(self.region).region_id)
            provinces.region_members(self.region, self.year, self.period)
        except UnknownProvinceError as err:
            raise ParameterError(f"Parameter 'region': {err}") from err


@dataclass(frozen=True)
class ExploreParams(_Params):
    """Parameters of the researchers' notebook (``notebooks/explore.ipynb``)."""

    province: str = "Đắk Lắk"
    year: int = 2026
    period: str = "FY"
    lang: str = "vi"
    data: list[str] = field(default_factory=list)
    region: str = "MTTN"
    base_year: int = DEFAULT_BASE_YEAR

    def __post_init__(self) -> None:
        self._validate_common()
        object.__setattr__(self, "province", _area_code(self.province, self.year, self.period))
        try:
            object.__setattr__(self, "region", provinces.get_region(self.region).region_id)
            provinces.region_members(self.region, self.year, self.period)
        except UnknownProvinceError as err:
            raise ParameterError(f"Parameter 'region': {err}") from err


NOTEBOOK_PARAMS: dict[str, type[_Params]] = {
    "province_report": ProvinceReportParams,
    "regional_overview": RegionalOverviewParams,
    "explore": ExploreParams,
    "programme_review": ProgrammeReviewParams,
}


def available_ranges(spans) -> str:
    """Say which (year, period) pairs exist, as ranges per period: "2011–2024 FY; 2011 M8".

    Every pair is covered (nothing is cut): consecutive years become a range, a gap starts
    a new one ("2011–2013, 2015 FY").
    """
    by_period: dict[str, list[int]] = {}
    for year, period in spans:
        by_period.setdefault(str(period), []).append(int(year))
    parts = []
    for period in sorted(by_period, key=lambda p: (p != "FY", p)):
        years, runs = sorted(set(by_period[period])), []
        start = prev = years[0]
        for y in [*years[1:], None]:
            if y is not None and y == prev + 1:
                prev = y
                continue
            runs.append(str(start) if start == prev else f"{start}–{prev}")
            if y is not None:
                start = prev = y
        parts.append(f"{', '.join(runs)} {period}")
    return "; ".join(parts) or "none"


def check_available(params: _Params, facts) -> None:
    """Raise `ParameterError` if `facts` hold nothing for the area, year and period asked.

    Rows count only for the map in force then: new Gia Lai (52, 2026) is not satisfied
    by Bình Định's (52, 2024) rows. The message lists the years and periods that do have
    data, what the built-in data cover, and how to pass a file.
    """
    area = getattr(params, "province", None) or params.region  # type: ignore[attr-defined]
    year, period = params.year, params.period  # type: ignore[attr-defined]
    if isinstance(params, ProgrammeReviewParams):
        _check_review(params, facts)
        return
    vintage = vintage_of(year, period)
    if area in provinces.regions():
        members = [*provinces.region_members(area, year, period), area]
        have = facts[facts["area_code"].isin(members)]
    else:
        have = facts[facts["area_code"] == area]
    have = have[have["vintage"] == vintage]
    sel = have[(have["year"] == year) & (have["period"] == period)]
    if sel.empty:
        spans = set(zip(have["year"], have["period"], strict=True))
        shown = available_ranges(spans)
        raise ParameterError(
            f"No data for area {area} in year={year} period={period!r} "
            f"({provinces.area_label(area, year, 'en', period)}). Available for it: {shown}. "
            "The built-in data "
            "cover the MTTN provinces 2011 to June 2025 and their 8 units from FY 2025 to "
            "2026 (synthetic demo). For another area or year pass your own file: "
            "--data FILE.xlsx (or `data: [FILE.xlsx]` in a run file)."
        )


def _check_review(params: ProgrammeReviewParams, facts) -> None:
    """A review needs full-year rows of at least one year of its period."""
    from kcanalysis.programme import yearly_table

    table = yearly_table(facts, params.province, params.period, params.base_year)
    if table["actual"].notna().any():
        return
    raise ParameterError(
        f"No full-year data for area {params.province} in {params.period}: a review adds "
        "up the FY rows of the period's years (for a unit formed in 2025, its former "
        "provinces' rows before the merger). The built-in data cover the MTTN provinces "
        "and units 2011-2026 (synthetic demo); pass your own file with --data FILE.xlsx."
    )


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def area_slug(area_code: str, year: int | None = None, period: str = "FY") -> str:
    """Return a file-name slug for an area ("66" -> "66-dak-lak", "MTTN" -> "mttn")."""
    from kcanalysis.normalize import to_ascii

    if area_code.upper() in provinces.regions():
        return area_code.lower()
    name = to_ascii(provinces.province_name(area_code, year, period)).lower()
    return f"{area_code}-{_SLUG_RE.sub('-', name).strip('-')}"
