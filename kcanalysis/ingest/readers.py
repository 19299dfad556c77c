"""Files to grids of cells: `.xlsx` (openpyxl, cached formula values) and `.csv`.

A `Grid` is one sheet as a DataFrame of raw cell values (str, int, float, datetime or
None), indexed by the physical row number (1-based) with columns numbered from 0. Legacy
TCVN3/VNI text is converted to Unicode here, and every text cell is NFC. Whatever goes
wrong while reading becomes a `DataError` naming the file.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError
from kcanalysis.ingest import legacy
from kcanalysis.ingest.encodings import decode_text
from kcanalysis.normalize import fold

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MERGE_RE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_FORMULA_RE = re.compile(  # a formula cell without a cached value
    rb'<c r="([A-Z]+\d+)"[^>]*?>\s*<f[^>]*?(?:/>|>([^<]*)</f>)\s*(?:<v\s*/>|<v></v>)?\s*</c>'
)
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass
class Grid:
    """The cells of one sheet, with what reading them involved."""

    path: Path
    sheet: str
    cells: pd.DataFrame
    encoding: str
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: (cell, message) for formulas without a cached value
    warnings: list[tuple[str, str]] = field(default_factory=list)
    sheets: tuple[str, ...] = ()

    @property
    def first_row(self) -> int:
        """Physical number of the first row (1)."""
        return int(self.cells.index[0]) if len(self.cells) else 1


def iter_grids(path: Path, sheet: str | int | None = None) -> Iterator[Grid]:
    """Yield the grids of a file: the sheet asked for, or every sheet in order.

    Raises
    ------
    DataError
        If the file is missing, empty, damaged, password-protected, not a spreadsheet, or
        has no sheet `sheet`.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as err:
        raise DataError(f"{path}: cannot be read ({err.strerror or err}).") from err
    kind = _sniff(path, head)
    if kind == "xlsx":
        yield from _xlsx_grids(path, sheet)
    else:
        yield _csv_grid(path, sheet)


def _sniff(path: Path, head: bytes) -> str:
    name = path.name
    suffix = path.suffix.lower()
    if not head:
        raise DataError(f"{name} is empty (0 bytes). Export the table again.")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(_CFB):
        data = path.read_bytes()
        if _ENCRYPTED in data:
            raise DataError(
                f"{name} is password-protected. Open it in Excel, remove the password "
                "(File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx."
            )
        raise DataError(
            f"{name} is an Excel 97-2003 (.xls) workbook, which needs the xlrd package. "
            "Open it in Excel or LibreOffice and save it as .xlsx."
        )
    if head.startswith(b"%PDF"):
        raise DataError(f"{name} is a PDF document, not a spreadsheet. Give the .xlsx or .csv.")
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise DataError(
            f"{name} is not an Excel workbook although its name says so (it starts with "
            f"{head[:4]!r}). If it is a CSV file, rename it to .csv; otherwise export it again."
        )
    if suffix not in TEXT_SUFFIXES:
        raise DataError(
            f"{name}: unsupported file type {suffix or '(none)'!r}; give .xlsx or .csv."
        )
    return "csv"


# ---------------------------------------------------------------------------- xlsx


def _xlsx_grids(path: Path, sheet: str | int | None) -> Iterator[Grid]:
    import openpyxl

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
        wb = (
            None
            if "xl/workbook.xml" not in names
            else openpyxl.load_workbook(path, read_only=True, data_only=True)
        )
    except (zipfile.BadZipFile, EOFError) as err:
        raise DataError(
            f"{path.name} is damaged or truncated (not a complete ZIP/xlsx file: {err}). "
            "Copy or download it again."
        ) from err
    except Exception as err:  # openpyxl raises many types for malformed packages
        raise DataError(
            f"{path.name} cannot be opened as an Excel workbook ({type(err).__name__}: {err}). "
            "Open it in Excel or LibreOffice and save it again as .xlsx."
        ) from err
    if wb is None:
        kind = (
            "an OpenDocument spreadsheet (.ods)"
            if "content.xml" in names
            else "a Word document"
            if "word/document.xml" in names
            else "a ZIP archive"
        )
        raise DataError(
            f"{path.name} is {kind}, not an Excel workbook. Open it in Excel or "
            "LibreOffice and save it as .xlsx."
        )
    try:
        names = tuple(wb.sheetnames)
        for name in _pick_sheets(path, names, sheet):
            yield _read_sheet(path, wb, name, names)
    finally:
        wb.close()


def _pick_sheets(path: Path, names: tuple[str, ...], sheet: str | int | None) -> list[str]:
    if sheet is None:
        return list(names)
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(names):
            return [names[sheet]]
    else:
        for candidate in names:
            if candidate == sheet or fold(candidate) == fold(str(sheet)):
                return [candidate]
    raise DataError(f"{path.name} has no sheet {sheet!r}. Its sheets are: {', '.join(names)}.")


def _read_sheet(path: Path, wb, name: str, names: tuple[str, ...]) -> Grid:
    ws = wb[name]
    try:
        ws.reset_dimensions()
        rows = list(ws.iter_rows(min_row=1, min_col=1, values_only=True))
        xml = _sheet_xml(ws)
    except Exception as err:
        raise DataError(
            f"{path.name}: sheet {name!r} cannot be read ({type(err).__name__}: {err}). "
            "The file may be damaged; open it in Excel and save it again."
        ) from err
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    cells = (
        pd.DataFrame(
            [list(r) + [None] * (width - len(r)) for r in rows],
            dtype=object,
            index=pd.RangeIndex(1, len(rows) + 1),
            columns=range(width),
        )
        if rows
        else pd.DataFrame(dtype=object)
    )
    grid = Grid(path, name, cells, "xlsx", sheets=names)
    grid.merged = [
        (int(r1), _col(c1), int(r2), _col(c2)) for c1, r1, c2, r2 in _MERGE_RE.findall(xml)
    ]
    for ref, formula in _FORMULA_RE.findall(xml):
        text = formula.decode("utf-8", "replace")
        grid.warnings.append(
            (
                f"{name}!{ref.decode()}",
                f"formula {('=' + text) if text else ''} has no cached value (the file was saved "
                "by a program that does not calculate); the cell is read as empty. Open and save "
                "the file in Excel or LibreOffice.",
            )
        )
    _normalise_text(grid)
    return grid


def _sheet_xml(ws) -> bytes:
    """Return the sheet's XML (for merged ranges and uncached formulas), or b"" if hidden."""
    try:
        with ws._get_source() as src:  # openpyxl's read-only worksheet source
            return src.read()
    except (AttributeError, KeyError, OSError):
        return b""


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.decode():
        n = n * 26 + ord(ch) - 64
    return n - 1


# ---------------------------------------------------------------------------- csv


def _csv_grid(path: Path, sheet: str | int | None) -> Grid:
    stem = path.stem
    if sheet not in (None, 0, stem):
        raise DataError(f"{path.name} is a CSV file: it has one sheet, {stem!r}, not {sheet!r}.")
    text, encoding = decode_text(path.read_bytes(), path.name)
    if not text.strip():
        raise DataError(f"{path.name} holds no data (only blank lines or spaces).")
    delimiter = _sniff_delimiter(text)
    cells = _parse_csv(text, delimiter)
    cells.index = pd.RangeIndex(1, len(cells) + 1)
    label = {",": "comma", ";": "semicolon", "\t": "tab"}[delimiter]
    grid = Grid(path, stem, cells, f"{encoding}, {label}-separated", sheets=(stem,))
    # The text is NFC already; cells are converted one by one only for legacy-font text.
    sample = "\n".join(ln for ln in text[:200_000].splitlines() if not ln.isascii())
    kind = legacy.detect_legacy(sample) if sample else None
    if kind:
        _normalise_text(grid, kind)
    return grid


def _sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text[:100_000].splitlines()[:200] if ln.strip()]
    best, best_score = ",", -1
    for delim in (",", ";", "\t"):
        counts = [len(row) - 1 for row in csv.reader(lines, delimiter=delim)]
        wide = [c for c in counts if c > 0]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = wide.count(mode) * mode
        if score > best_score:
            best, best_score = delim, score
    return best


def _parse_csv(text: str, delimiter: str) -> pd.DataFrame:
    head = text[:200_000].splitlines()[:500]
    width = max((len(r) for r in csv.reader(head, delimiter=delimiter)), default=1)
    try:
        cells = pd.read_csv(
            io.BytesIO(text.encode("utf-8")),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=object,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            engine="c",
            quotechar='"',
            encoding="utf-8",
        )
    except (pd.errors.ParserError, ValueError):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        width = max(len(r) for r in rows)
        cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)
    arr = cells.to_numpy(dtype=object, copy=True)
    arr[pd.isna(arr)] = None
    arr[arr == ""] = None
    return pd.DataFrame(arr, columns=cells.columns, dtype=object)


# ---------------------------------------------------------------------------- text


def _normalise_text(grid: Grid, kind: str | None = None) -> None:
    """Make every text cell NFC and convert legacy-font text to Unicode, saying so.

    `kind` ("tcvn3" or "vni") is detected from the cells unless given.
    """
    arr = grid.cells.to_numpy(dtype=object)
    if not arr.size:
        return
    flat = arr.ravel()
    is_text = np.fromiter((isinstance(v, str) for v in flat), bool, len(flat))
    texts = pd.unique(flat[is_text])
    if kind is None:
        sample = "\n".join(t for t in texts[:5000] if not t.isascii())
        kind = legacy.detect_legacy(sample) if sample else None
    mapping: dict[str, str] = {}
    converted = 0
    for t in texts:
        if t.isascii():
            continue
        new = unicodedata.normalize("NFC", t)
        if kind and legacy.has_signals(new) and not _has_unicode_vietnamese(new):
            new = legacy.CONVERTERS[kind](new)
            converted += 1
        if new != t:
            mapping[t] = new
    if kind:
        grid.notes.append(
            f"text typed in the legacy {legacy.LEGACY_NAMES[kind]} font encoding was converted "
            f"to Unicode ({converted} distinct text values)"
        )
        grid.encoding += f"; {legacy.LEGACY_NAMES[kind]} converted to Unicode"
    if mapping:
        flat = flat.copy()
        idx = np.flatnonzero(is_text)
        flat[idx] = [mapping.get(v, v) for v in flat[idx]]
        grid.cells = pd.DataFrame(
            flat.reshape(arr.shape),
            index=grid.cells.index,
            columns=grid.cells.columns,
            dtype=object,
        )


_VIET_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def _has_unicode_vietnamese(text: str) -> bool:
    return _VIET_ONLY.search(text) is not None
