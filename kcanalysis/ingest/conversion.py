"""One sheet being converted: its grid, table, context and report, with the row checks the
layouts share (area, year, period, actual/plan ratios)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from kcanalysis import provinces, units
from kcanalysis.errors import DataError, UnknownProvinceError
from kcanalysis.ingest.areas import code_in_year, name_in_year, vintage_in
from kcanalysis.ingest.cells import Grid
from kcanalysis.ingest.report import LOADED, STRUCTURAL, IngestReport
from kcanalysis.ingest.tables import Table
from kcanalysis.normalize import fold
from kcanalysis.periods import programme_years

#: Years a khuyến công table can be about: the programme dates from 2004; plans reach a year
#: ahead. A row outside is quarantined as "a year outside the data".
FIRST_DATA_YEAR = 2000
#: actual / planned above this is reported (a warning, not a drop).
RATIO_BOUND = 3.0


def last_data_year() -> int:
    """Return the last year a table can be about (next year)."""
    return dt.date.today().year + 1


@dataclass
class Job:
    """A sheet being converted, and what is known about it."""

    grid: Grid
    table: Table
    report: IngestReport
    area: str | None = None
    area_where: str = ""
    #: the province's name, when the title or the argument names it (read per period)
    area_text: str = ""
    #: the period and year the title/argument's area was read for (`primary_when`)
    area_period: str = "FY"
    area_year: int | None = None
    year: int | None = None
    year_where: str = ""
    period: str | None = None
    period_where: str = ""
    level: str | None = None
    money_factor: float = 1.0
    #: the title says the table is a plan (a project list then gives planned figures only)
    plan: str = ""
    values: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.values = self.grid.cells.to_numpy(dtype=object)
        self.rows = self.grid.cells.index.to_numpy()

    @property
    def area_vintage(self) -> str:
        """The map of the title/argument's area: that of (`area_year`, `area_period`)."""
        return vintage_in(self.area_year, self.area_period)

    @property
    def name(self) -> str:
        """The file name."""
        return self.grid.path.name

    def ref(self, pos: int, col: int) -> str:
        """Return the cell reference of a position and column ("Sheet1!F12")."""
        return self.report.cell(int(self.rows[pos]), col)

    def where(self, pos: int, col: int) -> str:
        """Return "file: Sheet1!F12" for messages."""
        return f"{self.name}: {self.ref(pos, col)}"

    def source(self, positions) -> list[str]:
        """Return the `source` text of rows: "file.xlsx!Sheet1 row 12"."""
        prefix = f"{self.name}!{self.grid.sheet} row "
        # tolist(): str() of a Python int is several times quicker than of a NumPy integer
        return [prefix + str(r) for r in self.rows[np.asarray(positions, dtype=int)].tolist()]

    def quarantine(self, pos: int, col: int, reason: str) -> None:
        """Quarantine the row at `pos`, naming column `col`."""
        self.report.quarantine(int(self.rows[pos]), col, reason, list(self.values[pos]))

    def mark(self, positions, category: str = LOADED, kind: str = "", col: int = 0) -> None:
        """Mark rows (positions) loaded or structural."""
        self.report.mark(self.rows[np.asarray(positions, dtype=int)], category, kind, col)

    def structural(self, positions, kind: str) -> None:
        """Mark rows (positions) structural of a kind (title, header, blank, ...)."""
        self.mark(positions, STRUCTURAL, kind)

    def warn(self, pos: int, col: int, text: str, info: bool = False) -> None:
        """Add a warning about a cell (`info`: a reading to check, not a problem)."""
        self.report.warn(f"{self.name}: {self.ref(pos, col)}", text, info)

    # ------------------------------------------------------------------ shared checks
    def area_in(
        self, year: int | None, period: str | None = "FY", vintage=None
    ) -> tuple[str | None, str]:
        """Return (code, "") of the title/argument's area for (`year`, `period`), or (None,
        reason). A province given by name is read as the unit that bore the name then.
        """
        if self.area is None or not self.area_text or year is None:
            return self.area, ""
        return name_in_year(self.area_text, int(year), period=period, vintage=vintage)

    def area_codes(
        self, positions, codes: np.ndarray, col: int, years=None, periods=None, vintages=None
    ) -> np.ndarray:
        """Check row areas against the title/argument; quarantine rows that disagree.

        `codes` holds None where the row names no area (the title/argument's is used);
        `years`, `periods` and `vintages` (the rows'; periods default to the table's) read a
        province named by the title/argument for each row's period. Returns the codes, None
        for quarantined rows. Raises DataError if no row agrees.
        """
        codes = np.asarray(codes, dtype=object)
        if self.area is None:
            return codes
        n = len(codes)
        periods = [self.period or "FY"] * n if periods is None else periods
        vintages = [None] * n if vintages is None else vintages
        row_years = [None] * n if years is None else list(years)
        maps = [vintage_in(*k) for k in zip(row_years, periods, vintages, strict=True)]
        if years is None or not self.area_text:
            expected = np.full(len(codes), self.area, dtype=object)
            refused: dict[int, str] = {}
        else:
            keys = [(int(y), p, v) for y, p, v in zip(years, periods, vintages, strict=True)]
            found = {k: self.area_in(*k) for k in dict.fromkeys(keys)}
            expected = np.array([found[k][0] for k in keys], dtype=object)
            refused = {i: found[k][1] for i, k in enumerate(keys) if found[k][1]}
        if refused and len(refused) == len(positions):
            i = next(iter(refused))
            raise DataError(f"{self.where(positions[i], col)}: {self.area_where}: {refused[i]}.")
        given = np.array([c is not None for c in codes], dtype=bool)
        bad = np.flatnonzero(given & (codes != expected))
        bad = bad[[int(i) not in refused for i in bad]]
        if len(bad) and len(bad) + len(refused) == len(positions):
            i = bad[0]
            raise DataError(
                f"{self.where(positions[i], col)}: the rows are about {_area(codes[i], maps[i])}, "
                f"but {self.area_where} says {_area(expected[i], maps[i])}. A conflict is not "
                "guessed: fix the argument or the file."
            )
        for i, reason in refused.items():
            self.quarantine(positions[i], col, f"{self.area_where}: {reason}")
        for i in bad:
            self.quarantine(
                positions[i],
                col,
                f"area {_area(codes[i], maps[i])} differs from "
                f"{_area(expected[i], maps[i])} given by {self.area_where}",
            )
        out = np.where(given, codes, expected).astype(object)
        out[bad] = None
        out[list(refused)] = None
        return out

    def check_years(self, positions, years: np.ndarray, col: int, periods=None) -> np.ndarray:
        """Quarantine rows whose year is outside the data; return a mask of good rows.

        A programme period (`periods`, P<a>-<b>, year b) that has begun by next year is
        within the data: a plan for 2026-2030 is known in 2026.
        """
        years = np.asarray(years, dtype=np.int64)
        last = last_data_year()
        starts = years.copy()
        for i, period in enumerate([] if periods is None else periods):
            span = programme_years(str(period))
            if span is not None:
                starts[i] = span[0]
        implausible = (years < FIRST_DATA_YEAR) | (starts > last)
        for i in np.flatnonzero(implausible):
            self.quarantine(
                positions[i], col, f"year {years[i]} is outside the data ({FIRST_DATA_YEAR}-{last})"
            )
        ok = ~implausible
        if self.year is None:
            return ok
        other = np.flatnonzero(ok & (years != self.year))
        if len(other) and len(other) == ok.sum():
            pos = positions[other[0]]
            raise DataError(
                f"{self.where(pos, col)}: the rows are about {years[other[0]]}, but "
                f"{self.year_where} says {self.year}. A conflict is not guessed: fix the "
                "argument or the file."
            )
        for i in other:
            self.quarantine(
                positions[i],
                col,
                f"year {years[i]} is outside the data: {self.year_where} says {self.year}",
            )
        ok[other] = False
        return ok

    def check_ratios(
        self, positions, planned, actual, col: int, what: str = "actual", base: str = "the plan"
    ) -> None:
        """Warn where actual exceeds RATIO_BOUND times the plan (kept, not dropped)."""
        planned = np.asarray(planned, dtype=float)
        actual = np.asarray(actual, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = actual / planned
        for i in np.flatnonzero((planned > 0) & (ratio > RATIO_BOUND)):
            self.warn(
                positions[i],
                col,
                f"{what} {actual[i]:g} is {ratio[i]:.1f} times {base} {planned[i]:g} "
                f"(beyond the sane bound of {RATIO_BOUND:g}x); kept, please check",
            )


def _area(code: str, vintage: str) -> str:
    name = area_name(code, None, vintage=vintage)[0]
    return f"{name} ({code})" if name else repr(code)


def area_of(
    value: object, year: int | None, period: str | None = "FY", vintage=None
) -> tuple[str | None, str]:
    """Return (area code, "") for a province or region name/code, or (None, reason).

    A name or code is read as the unit that bore it for (`year`, `period`), or in
    `vintage` when the row gives one (see `kcanalysis.ingest.areas`).
    """
    if value is None or (isinstance(value, float) and value != value):
        return None, ""
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if provinces.is_area_code(text.upper()) and not text.isdigit():
        return text.upper(), ""
    for rid, region in provinces.regions().items():
        if fold(text) in (fold(region.name_vi), fold(region.name_en), fold(rid)):
            return rid, ""
    if text.isdigit():  # a code means what it names then
        return code_in_year(text, year, period, vintage)
    return name_in_year(text, year, period=period, vintage=vintage)


def area_name(code: str, year: int | None, period: str = "FY", vintage=None) -> tuple[str, str]:
    """Return (canonical name, "") of an area for (year, period), or in `vintage` if
    given, or ("", reason)."""
    try:
        if code not in provinces.codes():  # a region, or no area (the error says so)
            return provinces.area_label(code, year, period=period), ""
        return units.unit_name(code, vintage_in(year, period, vintage)), ""
    except UnknownProvinceError as err:
        return "", str(err)
