"""Files to grids of cells: `.xlsx` (see `kcanalysis.ingest.xlsx`), `.xls` (see
`kcanalysis.ingest.xls`) and `.csv`.

A `Grid` is one sheet as a DataFrame of raw cell values (str, int, float, datetime or
None), indexed by the physical row number (1-based) with columns numbered from 0. Legacy
TCVN3/VNI text is converted to Unicode here, and every text cell is NFC. Whatever goes
wrong while reading becomes a `DataError` naming the file, on one line.

Limits: a file larger than `MAX_FILE_BYTES` is refused unread; a sheet is read within
`MAX_CELLS` cells and `MAX_ROWS` rows; an .xlsx package within the limits of
`kcanalysis.ingest.xlsx`. A CSV must be in one encoding, with no byte-order mark after its
start (see `kcanalysis.ingest.encodings`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from kcanalysis.errors import DataError
from kcanalysis.ingest import legacy
from kcanalysis.ingest.cells import (
    MAX_CELLS,
    MAX_ROWS,
    Grid,
    normalise_text,
    one_line,
    password_protected,
    too_many_rows,
)
from kcanalysis.ingest.encodings import decode_utf8_view
from kcanalysis.ingest.xls import xls_grids
from kcanalysis.ingest.xlsx import size_text, xlsx_grids

__all__ = ["MAX_FILE_BYTES", "TEXT_SUFFIXES", "Grid", "iter_grids"]

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
#: The stream an .xls keeps its sheets in: "Workbook" (Excel 97 and later) or "Book" (95).
_BIFF_STREAMS = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
#: A file larger than this is refused unread: a province's table is a few hundred KiB.
MAX_FILE_BYTES = 100 << 20


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
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as err:
        raise DataError(f"{path}: cannot be read ({one_line(err.strerror or err)}).") from err
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"{path.name} is {size_text(size)}, beyond the limit of {size_text(MAX_FILE_BYTES)} "
            "for one table; it is refused unread. Give the province's table alone."
        )
    kind, data = _sniff(path, head)
    if kind == "xlsx":
        yield from xlsx_grids(path, sheet)
    elif kind == "xls":
        yield from xls_grids(path, sheet, data)
    else:
        yield _csv_grid(path, sheet)


def _sniff(path: Path, head: bytes) -> tuple[str, bytes]:
    """Return the file's kind ("xlsx", "xls" or "csv") and, for an .xls, its bytes (read
    once here, to look for its streams); raise DataError for anything else."""
    name = path.name
    suffix = path.suffix.lower()
    if not head:
        raise DataError(f"{name} is empty (0 bytes). Export the table again.")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx", b""
    if head.startswith(_CFB):
        data = path.read_bytes()
        if _ENCRYPTED in data:
            raise password_protected(name)
        if suffix == ".xls" or any(stream in data for stream in _BIFF_STREAMS):
            return "xls", data  # xlrd says what is wrong with a damaged one
        raise DataError(
            f"{name} is an OLE compound file with no Excel workbook in it (a Word .doc or "
            "another Office 97-2003 document?). Give the .xlsx, .xls or .csv."
        )
    if head.startswith(b"%PDF"):
        raise DataError(
            f"{name} is a PDF document, not a spreadsheet. Give the .xlsx, .xls or .csv."
        )
    if suffix in (".xlsx", ".xlsm", ".xls"):
        kind = _markup_kind(head)
        if kind:
            raise DataError(
                f"{name} is {kind} saved under an Excel name, as some web systems export "
                "tables. Open it in Excel or LibreOffice and save it as .xlsx."
            )
        raise DataError(
            f"{name} is not an Excel workbook although its name says so (it starts with "
            f"{head[:4]!r}). If it is a CSV file, rename it to .csv; otherwise export it again."
        )
    if suffix not in TEXT_SUFFIXES:
        raise DataError(
            f"{name}: unsupported file type {suffix or '(none)'!r}; give .xlsx, .xls or .csv."
        )
    return "csv", b""


def _markup_kind(head: bytes) -> str:
    """Return what a markup file is ("an HTML page", ...) from its first bytes, or ""."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        return "an HTML page"
    if start.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in start:
            return "an Excel 2003 XML spreadsheet"
        return "an XML file"
    return ""


# ---------------------------------------------------------------------------- csv


def _csv_grid(path: Path, sheet: str | int | None) -> Grid:
    stem = path.stem
    if sheet not in (None, 0, stem):
        raise DataError(f"{path.name} is a CSV file: it has one sheet, {stem!r}, not {sheet!r}.")
    text, encoding, utf8 = decode_utf8_view(path.read_bytes(), path.name)
    if not text.strip():
        raise DataError(f"{path.name} holds no data (only blank lines or spaces).")
    delimiter = _sniff_delimiter(text)
    cells = _parse_csv(text, delimiter, path.name, utf8)
    if len(cells) > MAX_ROWS:
        raise DataError(too_many_rows(path.name, stem, len(cells), " (blank ones included)"))
    cells.index = pd.RangeIndex(1, len(cells) + 1)
    label = {",": "comma", ";": "semicolon", "\t": "tab"}[delimiter]
    grid = Grid(path, stem, cells, f"{encoding}, {label}-separated", sheets=(stem,))
    # The text is NFC already; cells are converted one by one only for legacy-font text.
    sample = "\n".join(ln for ln in text[:200_000].splitlines() if not ln.isascii())
    kind = legacy.detect_legacy(sample) if sample else None
    if kind:
        normalise_text(grid, kind)
    return grid


def _sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text[:100_000].splitlines()[:200] if ln.strip()]
    best, best_score = ",", -1
    for delim in (",", ";", "\t"):
        try:
            counts = [len(row) - 1 for row in csv.reader(lines, delimiter=delim)]
        except csv.Error:  # a field beyond the csv module's limit
            continue
        wide = [c for c in counts if c > 0]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = wide.count(mode) * mode
        if score > best_score:
            best, best_score = delim, score
    return best


def _parse_csv(text: str, delimiter: str, name: str, utf8: bytes | None = None) -> pd.DataFrame:
    head = text[:200_000].splitlines()[:500]
    try:
        width = max((len(r) for r in csv.reader(head, delimiter=delimiter)), default=1)
    except csv.Error:
        width = 1
    try:
        cells = pd.read_csv(
            io.BytesIO(text.encode("utf-8") if utf8 is None else utf8),
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
        slowly = False
    except (pd.errors.ParserError, ValueError):
        cells, slowly = _parse_csv_slowly(text, delimiter, name), True
    if cells.size > MAX_CELLS:
        raise _too_many_cells(name, *cells.shape)
    arr = cells.to_numpy(dtype=object, copy=True)
    # The C parser gives str, or NaN for an empty cell (x != x only for NaN; quicker than
    # pd.isna); the csv module gives "". Empty cells become None in place.
    arr[arr == "" if slowly else arr != arr] = None
    return pd.DataFrame(arr, columns=cells.columns, dtype=object, copy=False)


def _parse_csv_slowly(text: str, delimiter: str, name: str) -> pd.DataFrame:
    """Parse with the csv module (rows of different widths), within MAX_CELLS."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, width = [], 1
    try:
        for row in reader:
            rows.append(row)
            width = max(width, len(row))
            if len(rows) * width > MAX_CELLS:
                raise _too_many_cells(name, len(rows), width)
    except csv.Error as err:
        raise DataError(
            f"{name}: line {reader.line_num} cannot be parsed as CSV ({one_line(err)}); "
            "a quote may be opened and never closed. Save the file again as CSV UTF-8."
        ) from err
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)


def _too_many_cells(name: str, n_rows: int, width: int) -> DataError:
    return DataError(
        f"{name} has {n_rows:,} rows of up to {width:,} fields, more than the {MAX_CELLS:,} "
        "cells read from a table. Give the province's table alone."
    )
