"""Reading `.xlsx` workbooks without trusting them.

Before anything is parsed, the ZIP package is checked against size limits (`check_package`):
a decompression bomb (a small file whose XML expands to gigabytes) is refused by what its
directory declares, never by running out of memory. Python's zipfile never inflates a part
beyond its declared size (a part that lies about it fails its CRC check), so the declared
sizes bound what reading can cost.

Each sheet's XML is then scanned as a stream (`scan_sheet`) for the last row and column that
hold a value, its merged ranges and its formulas without a cached value. openpyxl reads only
that range, so a sheet with a million empty formatted rows is read in well under a second
(openpyxl alone takes over ten), and a sheet whose values span more than `MAX_CELLS` cells
or `MAX_ROWS` rows is refused with the far cell named. A sheet whose cells carry no
reference (the attribute is optional) is read whole, within the same limits.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kcanalysis.errors import DataError
from kcanalysis.ingest.cells import (
    MAX_CELLS,
    MAX_ROWS,
    Grid,
    normalise_text,
    one_line,
    too_many_rows,
)
from kcanalysis.normalize import fold

MIB = 1 << 20
#: Parts in the package; an .xlsx of a table has about a dozen.
MAX_MEMBERS = 5_000
#: Sum of the parts' uncompressed sizes; a province's table needs a few MiB.
MAX_UNCOMPRESSED = 256 * MIB
#: Compression ratio of one part, checked for parts larger than RATIO_FLOOR. Sheet XML
#: compresses 5- to 30-fold; a decompression bomb about 1000-fold.
MAX_RATIO = 150
RATIO_FLOOR = 4 * MIB

_CHUNK = 4 * MIB
_OVERLAP = 64 * 1024  # re-scanned at each chunk boundary; a cell's tags are far shorter
_PREFIX = re.compile(rb"<(\w+:)?worksheet\b")
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d{1,7})"')


@dataclass(frozen=True)
class _Patterns:
    """The sheet's tags, with the namespace prefix it uses (usually none)."""

    value: re.Pattern  # a value, a formula or an inline string inside a cell
    cell: bytes
    cell_end: bytes
    odd_cell: re.Pattern  # a cell whose first attribute is not its reference
    no_ref: re.Pattern  # a cell without a reference
    merge: re.Pattern
    formula: re.Pattern  # a formula cell without a cached value

    @classmethod
    def of(cls, prefix: bytes) -> _Patterns:
        p = re.escape(prefix)
        return cls(
            value=re.compile(b"<" + p + rb"(v|f|is)[\s>/]"),
            cell=b"<" + prefix + b"c ",
            cell_end=b"</" + prefix + b"c>",
            odd_cell=re.compile(b"<" + p + rb'c(?! r=")[\s>/]'),
            no_ref=re.compile(b"<" + p + rb"c\b(?![^>]*\br=)"),
            merge=re.compile(b"<" + p + rb'mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"'),
            formula=re.compile(
                b"<" + p + rb'c r="([A-Z]+\d+)"[^>]*?>\s*<' + p + rb"f[^>]*?(?:/>|>([^<]*)</"
                + p + rb"f>)\s*(?:<" + p + rb"v\s*/>|<" + p + rb"v></" + p + rb"v>)?\s*</"
                + p + rb"c>"
            ),
        )  # fmt: skip


def size_text(n: int) -> str:
    """Return a byte count for messages: "2.0 GiB", "512 KiB"."""
    for unit, size in (("GiB", 1 << 30), ("MiB", MIB), ("KiB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def check_package(path: Path) -> set[str]:
    """Return the names of the package's parts after checking it against the size limits.

    Raises
    ------
    DataError
        If the file is no complete ZIP package, or it would expand beyond the limits.
    """
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except Exception as err:  # BadZipFile, EOFError, struct/value errors of a damaged file
        raise DataError(
            f"{name} is damaged or truncated (not a complete ZIP/xlsx file: "
            f"{one_line(err)}). Copy or download it again."
        ) from err
    if len(infos) > MAX_MEMBERS:
        raise DataError(
            f"{name} holds {len(infos):,} parts, more than the {MAX_MEMBERS:,} an Excel "
            "workbook can need; it is refused unread. Open it in Excel and save it again."
        )
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise DataError(
            f"{name} would expand to {size_text(total)} when unpacked ({size_text(packed)} "
            f"packed), beyond the limit of {size_text(MAX_UNCOMPRESSED)}: it is refused "
            "unread, as a decompression bomb would be. Save the table alone in a new workbook."
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise DataError(
                f"{name}: its part {info.filename} would expand {ratio:,.0f}-fold to "
                f"{size_text(info.file_size)}, beyond the limit of {MAX_RATIO}-fold: it is "
                "refused unread, as a decompression bomb would be. Open it in Excel and "
                "save it again."
            )
    return {i.filename for i in infos}


def xlsx_grids(path: Path, sheet: str | int | None) -> Iterator[Grid]:
    """Yield the grids of a workbook: the sheet asked for, or every sheet in order."""
    import openpyxl

    names = check_package(path)
    if "xl/workbook.xml" not in names:
        kind = (
            "an Excel binary workbook (.xlsb)"
            if "xl/workbook.bin" in names
            else "an OpenDocument spreadsheet (.ods)"
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
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types for malformed packages
        raise DataError(
            f"{path.name} cannot be opened as an Excel workbook ({type(err).__name__}: "
            f"{one_line(err)}). Open it in Excel or LibreOffice and save it again as .xlsx."
        ) from err
    try:
        sheetnames = tuple(wb.sheetnames)
        for name in pick_sheets(path, sheetnames, sheet):
            yield _read_sheet(path, wb, name, sheetnames)
    finally:
        wb.close()


def pick_sheets(path: Path, names: tuple[str, ...], sheet: str | int | None) -> list[str]:
    """Return the sheet asked for (by name, folded, or by position), or every sheet."""
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


@dataclass
class SheetScan:
    """What a stream over a sheet's XML found."""

    last_row: int = 0  # last row with a value (0: none)
    last_col: int = 0  # last column with a value, 1-based (0: none)
    row_ref: str = ""  # a cell in the last row
    col_ref: str = ""  # a cell in the last column
    bounded: bool = True  # False when a cell has no reference (then everything is read)
    merged: dict[tuple[int, int, int, int], None] = field(default_factory=dict)
    uncached: dict[str, str] = field(default_factory=dict)  # cell -> formula text


def scan_sheet(source) -> SheetScan:
    """Scan a sheet's XML (a binary file object) in chunks; see the module docstring.

    Literal searches find the few tags that matter (values, formulas, merged ranges), so
    a million empty rows cost about the time of inflating them.
    """
    scan = SheetScan()
    pat: _Patterns | None = None
    tail = b""
    while True:
        chunk = source.read(_CHUNK)
        if not chunk:
            break
        buf = tail + chunk
        if pat is None:
            m = _PREFIX.search(buf)
            pat = _Patterns.of((m.group(1) or b"") if m else b"")
        formulas = False
        for m in pat.value.finditer(buf):
            formulas = formulas or m.group(1) == b"f"
            _value_at(buf, m.start(), pat, scan)
        odd = pat.odd_cell.search(buf)
        if odd and scan.bounded and pat.no_ref.search(buf, odd.start(), _last_tag(buf)):
            scan.bounded = False
        if b"mergeCell " in buf:
            for c1, r1, c2, r2 in pat.merge.findall(buf):
                key = (int(r1), column_number(c1) - 1, int(r2), column_number(c2) - 1)
                scan.merged[key] = None
        if formulas:
            for ref, formula in pat.formula.findall(buf):
                scan.uncached[ref.decode()] = formula.decode("utf-8", "replace")
        tail = buf[-_OVERLAP:]
    return scan


def _last_tag(buf: bytes) -> int:
    """Return where the last (possibly incomplete) tag of a chunk starts."""
    return max(buf.rfind(b"<"), 0)


def _value_at(buf: bytes, pos: int, pat: _Patterns, scan: SheetScan) -> None:
    """Record the cell around the value tag at `pos` (its reference gives row and column)."""
    start = buf.rfind(pat.cell, 0, pos)
    end = buf.find(b">", start, pos) if start >= 0 else -1
    ref = _REF.search(buf, start, end) if end > 0 else None
    if ref is None or buf[end - 1 : end] == b"/" or buf.find(pat.cell_end, end, pos) >= 0:
        scan.bounded = False  # not inside a cell with a reference: read everything
        return
    row = int(ref.group(2))
    cell = (ref.group(1) + ref.group(2)).decode()
    if row > scan.last_row:
        scan.last_row, scan.row_ref = row, cell
    col = column_number(ref.group(1))
    if col > scan.last_col:
        scan.last_col, scan.col_ref = col, cell


def column_number(letters: bytes) -> int:
    """Return the 1-based number of a column's letters (b"A" -> 1, b"XFD" -> 16384)."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _read_sheet(path: Path, wb, name: str, names: tuple[str, ...]) -> Grid:
    ws = wb[name]
    if not hasattr(ws, "iter_rows"):  # a chart sheet holds a chart and no cells
        empty = pd.DataFrame(dtype=object)
        return Grid(path, name, empty, "xlsx", sheets=names, empty_reason="a chart sheet")
    try:
        with ws._get_source() as src:  # openpyxl's read-only worksheet XML
            scan = scan_sheet(src)
        _check_span(path, name, scan)
        ws.reset_dimensions()
        if not scan.bounded:
            rows = _read_unbounded(path, name, ws)
        elif scan.last_row:
            rows = list(
                ws.iter_rows(
                    min_row=1,
                    max_row=scan.last_row,
                    min_col=1,
                    max_col=scan.last_col,
                    values_only=True,
                )
            )
        else:
            rows = []
    except DataError:
        raise
    except Exception as err:
        raise DataError(
            f"{path.name}: sheet {name!r} cannot be read ({type(err).__name__}: "
            f"{one_line(err)}). The file may be damaged; open it in Excel and save it again."
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
    grid.merged = list(scan.merged)
    for ref, text in scan.uncached.items():
        grid.warnings.append(
            (
                f"{name}!{ref}",
                f"formula {('=' + text) if text else ''} has no cached value (the file was saved "
                "by a program that does not calculate); the cell is read as empty. Open and save "
                "the file in Excel or LibreOffice.",
            )
        )
    normalise_text(grid)
    return grid


def _check_span(path: Path, name: str, scan: SheetScan) -> None:
    if scan.last_row * scan.last_col > MAX_CELLS:
        raise DataError(
            f"{path.name}: sheet {name!r} has values as far as row {scan.last_row:,} "
            f"({scan.row_ref}) and column {scan.last_col:,} ({scan.col_ref}), "
            f"{scan.last_row * scan.last_col:,} cells, more than the {MAX_CELLS:,} read from a "
            "sheet. Delete the stray cells far from the table, or split the sheet."
        )
    if scan.last_row > MAX_ROWS:
        where = f" (its last value is in {scan.row_ref})"
        raise DataError(too_many_rows(path.name, name, scan.last_row, where))


def _read_unbounded(path: Path, name: str, ws) -> list[tuple]:
    """Read every row of a sheet whose cells carry no reference, within MAX_CELLS."""
    rows: list[tuple] = []
    width = 1
    for row in ws.iter_rows(min_row=1, min_col=1, values_only=True):
        rows.append(row)
        width = max(width, len(row))
        if len(rows) > MAX_ROWS:
            raise DataError(too_many_rows(path.name, name, len(rows), " or more"))
        if len(rows) * width > MAX_CELLS:
            raise DataError(
                f"{path.name}: sheet {name!r} has more than {MAX_CELLS:,} cells "
                f"({len(rows):,} rows of up to {width:,} columns so far). Delete the stray "
                "cells far from the table, or split the sheet."
            )
    return rows
