"""The account of one ingest: what the file was understood to be and what became of each row.

Every physical row of the input is exactly one of: loaded; structural (title, header,
section, subtotal, note, blank); quarantined, with a reason. Messages name the file and
the cell in the spreadsheet's own terms ("bao_cao.xlsx: Sheet1!F12: ...").
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError

LOADED, STRUCTURAL, QUARANTINED = "loaded", "structural", "quarantined"
STRUCTURAL_KINDS = ("title", "header", "section", "subtotal", "note", "blank")
#: Leading characters that make a spreadsheet read a cell as a formula (OWASP CSV injection),
#: and the line feed, which some programs drop before reading the rest.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class Message:
    """A warning or note about one cell (or the file, when `cell` is empty)."""

    cell: str
    text: str
    #: information, not a problem: how an ambiguous cell was read ("1.800" as 1800).
    #: It is listed with the warnings but does not make a load unclean.
    info: bool = False

    def __str__(self) -> str:
        return f"{self.cell}: {self.text}" if self.cell else self.text


class IngestReport:
    """What `load` understood of a file and what it did with every row.

    Attributes
    ----------
    path : Path
        The file read.
    sheet : str
        The sheet read (for CSV, the file's stem, as Excel names it).
    layout : str
        "canonical", "projects" or "summary".
    area_code, year, period : str, int, str or None
        What the file is about, where the file or the arguments say so.
    money_unit : str
        The unit the file's money was written in (converted to million VND).
    encoding : str
        How the bytes were decoded, and any legacy-font conversion.
    warnings, notes : list of Message
        Warnings count against a clean load (exit code 1 of `kcanalysis validate`).
    """

    def __init__(self, path: Path, sheet: str, first_row: int, n_rows: int) -> None:
        self.path = Path(path)
        self.sheet = sheet
        self.layout = ""
        self.area_code: str | None = None
        self.year: int | None = None
        self.period: str | None = None
        self.money_unit = "million VND"
        self.encoding = ""
        self.warnings: list[Message] = []
        self.notes: list[Message] = []
        self.first_row = first_row
        self.n_rows = n_rows
        self._category = np.full(n_rows, "", dtype=object)
        self._kind = np.full(n_rows, "", dtype=object)
        self._cell = np.full(n_rows, "", dtype=object)
        #: the column of a marked row's cell; its reference is written when asked for
        self._col = np.full(n_rows, -1, dtype=np.int64)
        self._reason = np.full(n_rows, "", dtype=object)
        self._raw: dict[int, list] = {}
        self.columns: list[str] = []

    def __deepcopy__(self, memo) -> IngestReport:
        # pandas deep-copies DataFrame.attrs on every operation; the report is a record of
        # what happened, shared rather than copied.
        return self

    # ------------------------------------------------------------------ recording
    def cell(self, row: int, col: int) -> str:
        """Return the reference of a cell, e.g. "Sheet1!F12" (`col` counts from 0)."""
        return f"{self.sheet}!{column_letter(col)}{row}"

    def mark(self, rows, category: str, kind: str = "", col: int = 0) -> None:
        """Record `rows` (physical row numbers) as loaded or structural."""
        idx = np.asarray(rows, dtype=int) - self.first_row
        if not len(idx):
            return
        self._category[idx] = category
        self._kind[idx] = kind or category
        self._cell[idx] = ""
        self._col[idx] = col
        self._reason[idx] = ""

    def quarantine(self, row: int, col: int, reason: str, raw: list) -> None:
        """Record one row as quarantined; a second reason for the same row is appended."""
        i = row - self.first_row
        if self._category[i] == QUARANTINED:
            self._reason[i] = f"{self._reason[i]}; {self.cell(row, col)}: {reason}"
            return
        self._category[i] = QUARANTINED
        self._kind[i] = QUARANTINED
        self._cell[i] = self.cell(row, col)
        self._col[i] = -1
        self._reason[i] = reason
        self._raw[row] = list(raw)

    def warn(self, cell: str, text: str, info: bool = False) -> None:
        """Add a warning about `cell` ("" for the whole file); `info`: a reading to check,
        not a problem (see `Message.info`)."""
        self.warnings.append(Message(cell, text, info))

    def note(self, text: str, cell: str = "") -> None:
        """Add an informational note (it does not count as a warning)."""
        self.notes.append(Message(cell, text))

    def check_complete(self) -> None:
        """Raise DataError if a row was left unaccounted for (a bug, never silent)."""
        missing = np.flatnonzero(self._category == "")
        if len(missing):
            rows = ", ".join(str(r + self.first_row) for r in missing[:10])
            raise DataError(
                f"{self.path.name}: internal error, rows {rows} were neither loaded, "
                "structural nor quarantined. Please report this with the file."
            )

    # ------------------------------------------------------------------ reading
    @property
    def loaded(self) -> int:
        """Number of rows loaded."""
        return int((self._category == LOADED).sum())

    @property
    def structural(self) -> int:
        """Number of structural rows (title, header, section, subtotal, note, blank)."""
        return int((self._category == STRUCTURAL).sum())

    @property
    def quarantined(self) -> int:
        """Number of rows quarantined."""
        return int((self._category == QUARANTINED).sum())

    @property
    def problems(self) -> list[Message]:
        """The warnings that are problems: a subtotal the rows disagree with, a conflict..."""
        return [w for w in self.warnings if not w.info]

    @property
    def readings(self) -> list[Message]:
        """The warnings that are information: how an ambiguous cell was read."""
        return [w for w in self.warnings if w.info]

    @property
    def clean(self) -> bool:
        """True when nothing was quarantined and no warning is a problem (the readings of
        ambiguous cells are information)."""
        return self.quarantined == 0 and not self.problems

    def structural_kinds(self) -> dict[str, int]:
        """Return the number of structural rows of each kind."""
        kinds = self._kind[self._category == STRUCTURAL]
        return dict(sorted(Counter(kinds.tolist()).items()))

    @property
    def records(self) -> pd.DataFrame:
        """One row per physical row: row, cell, category, kind and reason."""
        return pd.DataFrame(
            {
                "row": np.arange(self.first_row, self.first_row + self.n_rows),
                "cell": self._cells(),
                "category": self._category,
                "kind": self._kind,
                "reason": self._reason,
            }
        )

    def _cells(self) -> np.ndarray:
        """The cell reference of every row ("" for a row not yet accounted for)."""
        cells = self._cell.copy()
        for col in np.unique(self._col[self._col >= 0]):
            idx = np.flatnonzero(self._col == col)
            prefix = f"{self.sheet}!{column_letter(int(col))}"
            cells[idx] = [f"{prefix}{r}" for r in (idx + self.first_row).tolist()]
        return cells

    def quarantine_table(self) -> pd.DataFrame:
        """Return the quarantined rows: file, sheet, row, cell, reason and the raw cells."""
        rows = sorted(self._raw)
        width = max((len(self._raw[r]) for r in rows), default=0)
        letters = [column_letter(c) for c in range(width)]
        data = []
        for r in rows:
            i = r - self.first_row
            raw = self._raw[r] + [None] * (width - len(self._raw[r]))
            cell = self._cell[i] if self._col[i] < 0 else self.cell(r, int(self._col[i]))
            data.append([self.path.name, self.sheet, r, cell, self._reason[i], *raw])
        columns = ["file", "sheet", "row", "cell", "reason", *letters]
        return pd.DataFrame(data, columns=columns, dtype=object)

    def write_quarantine(self, path: str | Path) -> Path:
        """Write the quarantined rows with their reasons to a CSV file (UTF-8 with BOM).

        Cells that a spreadsheet would run as a formula (starting with = + - @, a tab, a
        carriage return or a line feed, after any spaces) are prefixed with a single quote,
        as OWASP recommends against CSV injection.
        """
        path = Path(path)
        table = self.quarantine_table()
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(table.columns)
                for values in table.itertuples(index=False):
                    writer.writerow([neutralise(v) for v in values])
        except OSError as err:
            raise DataError(
                f"the quarantined rows of {self.path.name} cannot be written to {path} "
                f"({err.strerror or err})."
            ) from err
        return path

    def summary_lines(self) -> list[str]:
        """Return the report as lines of text (what `kcanalysis validate` prints)."""
        kinds = ", ".join(f"{k} {n}" for k, n in self.structural_kinds().items())
        lines = [
            f"File:       {self.path.name} (sheet {self.sheet!r}; {self.encoding})",
            f"Layout:     {self.layout}",
            f"Area:       {self.area_code or '(from the rows)'}",
            f"Year:       {self.year or '(from the rows)'}    "
            f"Period: {self.period or '(from the rows, else FY)'}",
            f"Money unit: {self.money_unit} (loaded as million VND)",
            f"Rows:       {self.n_rows} = loaded {self.loaded} + structural {self.structural}"
            f"{f' ({kinds})' if kinds else ''} + quarantined {self.quarantined}",
        ]
        return lines


def neutralise(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote."""
    if isinstance(value, str) and (
        value.startswith(FORMULA_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES)
    ):  # " =1+2" too: an import that trims spaces would run it
        return "'" + value
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return value


def column_letter(col: int) -> str:
    """Return the spreadsheet letter of a 0-based column number (0 -> "A", 26 -> "AA")."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
