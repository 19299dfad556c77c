"""One sheet being converted: its grid, table, context and report, with the row checks the
layouts share (area, year, period, negative amounts, actual/plan ratios)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kcanalysis import provinces
from kcanalysis.errors import DataError, UnknownProvinceError
from kcanalysis.ingest.areas import name_in_year
from kcanalysis.ingest.grid import Grid, shown
from kcanalysis.ingest.report import LOADED, STRUCTURAL, IngestReport
from kcanalysis.ingest.tables import Table
from kcanalysis.normalize import fold, fold_words
from kcanalysis.schema import PERIOD_RE

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
    #: the province's name, when the title or the argument names it (read per year)
    area_text: str = ""
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

    def warn(self, pos: int, col: int, text: str) -> None:
        """Add a warning about a cell."""
        self.report.warn(f"{self.name}: {self.ref(pos, col)}", text)

    # ------------------------------------------------------------------ shared checks
    def area_in(self, year: int | None) -> tuple[str | None, str]:
        """Return (code, "") of the title/argument's area in `year`, or (None, reason).

        A province given by name is read as the unit that bore the name in the year.
        """
        if self.area is None or not self.area_text or year is None:
            return self.area, ""
        return name_in_year(self.area_text, int(year))

    def area_codes(self, positions, codes: np.ndarray, col: int, years=None) -> np.ndarray:
        """Check row areas against the title/argument; quarantine rows that disagree.

        `codes` holds None where the row names no area (the title/argument's is used);
        `years` (the rows' years) reads a province named by the title/argument in each year.
        Returns the codes, None for quarantined rows. Raises DataError if no row agrees.
        """
        codes = np.asarray(codes, dtype=object)
        if self.area is None:
            return codes
        if years is None or not self.area_text:
            expected = np.full(len(codes), self.area, dtype=object)
            refused: dict[int, str] = {}
        else:
            found = {int(y): self.area_in(int(y)) for y in pd.unique(np.asarray(years))}
            expected = np.array([found[int(y)][0] for y in years], dtype=object)
            refused = {i: found[int(y)][1] for i, y in enumerate(years) if found[int(y)][1]}
        if refused and len(refused) == len(positions):
            i = next(iter(refused))
            raise DataError(f"{self.where(positions[i], col)}: {self.area_where}: {refused[i]}.")
        given = np.array([c is not None for c in codes], dtype=bool)
        bad = np.flatnonzero(given & (codes != expected))
        bad = bad[[int(i) not in refused for i in bad]]
        if len(bad) and len(bad) + len(refused) == len(positions):
            pos, code, area = positions[bad[0]], codes[bad[0]], expected[bad[0]]
            raise DataError(
                f"{self.where(pos, col)}: the rows are about {_area(code)}, but "
                f"{self.area_where} says {_area(area)}. A conflict is not guessed: fix "
                "the argument or the file."
            )
        for i, reason in refused.items():
            self.quarantine(positions[i], col, f"{self.area_where}: {reason}")
        for i in bad:
            self.quarantine(
                positions[i],
                col,
                f"area {_area(codes[i])} differs from "
                f"{_area(expected[i])} given by {self.area_where}",
            )
        out = np.where(given, codes, expected).astype(object)
        out[bad] = None
        out[list(refused)] = None
        return out

    def check_years(self, positions, years: np.ndarray, col: int) -> np.ndarray:
        """Quarantine rows whose year is outside the data; return a mask of good rows."""
        years = np.asarray(years, dtype=np.int64)
        last = last_data_year()
        implausible = (years < FIRST_DATA_YEAR) | (years > last)
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

    def check_amounts(self, positions, frame: pd.DataFrame, cols: dict[str, int]) -> np.ndarray:
        """Quarantine rows with a negative amount; return a mask of good rows."""
        ok = np.ones(len(positions), dtype=bool)
        for name, col in cols.items():
            values = frame[name].to_numpy(dtype=float)
            for i in np.flatnonzero(values < 0):
                self.quarantine(
                    positions[i], col, f"negative amount {values[i]:g} in {name}; amounts are >= 0"
                )
                ok[i] = False
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


def _area(code: str) -> str:
    try:
        return f"{provinces.area_label(code)} ({code})"
    except UnknownProvinceError:
        return repr(code)


def area_of(value: object, year: int | None) -> tuple[str | None, str]:
    """Return (area code, "") for a province or region name/code, or (None, reason).

    A name is read as the unit that bore it in `year` (see `kcanalysis.ingest.areas`).
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
    if text.isdigit():  # a code means what it names in the year (see area_name)
        try:
            return provinces.normalize_province(text), ""
        except UnknownProvinceError:
            return None, f"unknown province {shown(text)}: no GSO province code"
    return name_in_year(text, year)


def area_name(code: str, year: int) -> tuple[str, str]:
    """Return (canonical name, "") of an area in a year, or ("", reason)."""
    try:
        return provinces.area_label(code, year), ""
    except UnknownProvinceError as err:
        return "", str(err)


def period_of(value: object) -> str | None:
    """Return a period code from "FY", "Cả năm", "6 tháng", "M6", "P2012-2016", or None."""
    if value is None:
        return None
    text = str(value).strip()
    if PERIOD_RE.match(text.upper()):
        return text.upper()
    key = fold_words(text)
    if key in ("ca nam", "nam", "full year", "year"):
        return "FY"
    words = key.split()
    if len(words) >= 2 and words[0].isdigit() and words[1] == "thang":
        n = int(words[0])
        return f"M{n}" if 1 <= n <= 11 else "FY" if n == 12 else None
    span = [w for w in words if w.isdigit() and len(w) == 4]
    if len(span) == 2 and int(span[0]) < int(span[1]):
        return f"P{span[0]}-{span[1]}"
    return None


def header_period(
    group: str, text: str, year: int | None, period: str | None
) -> tuple[str | None, int | None]:
    """Return (period, year) of a column from the words after its group in the header.

    "Kế hoạch năm 2021" -> ("FY", 2021); "Thực hiện 9 tháng" -> ("M9", `year`); "Lũy kế
    2016-2021" -> ("P2016-2021", 2021). With no period in the words, a plan or an estimate
    is for the full year and an actual for `period` (the table's, else FY). A cumulative
    column without its first year gives (None, year).

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
        months = re.search(r"\b(\d{1,2}) thang\b", text)
        found = period_of(months.group(0)) if months else None
    if found is None:
        found = "FY" if group in ("planned", "estimate") else (period or "FY")
    return found, found_year
