"""Reading Excel 97-2003 `.xls` workbooks (BIFF) with xlrd.

Old provincial reports are often `.xls`, and their text is often in a legacy font encoding
(TCVN3, VNI); both are handled as for `.xlsx`. A cell is read as Excel stores it: numbers
(whole numbers as int, as openpyxl gives them), dates as datetimes, booleans, text, and an
error value ("#N/A") as its text. Formulas give their cached values, which `.xls` always
stores. Merged ranges are kept for the header search.

A sheet is measured (rows x columns) before any cell is converted, against `MAX_ROWS` and
`MAX_CELLS`; the file's size was checked before it was opened. A password-protected or
damaged workbook is a `DataError` naming the file.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from kcanalysis.errors import DataError
from kcanalysis.ingest.cells import (
    MAX_CELLS,
    MAX_ROWS,
    Grid,
    normalise_text,
    one_line,
    password_protected,
    too_many_rows,
)
from kcanalysis.ingest.xlsx import pick_sheets


def xls_grids(path: Path, sheet: str | int | None, data: bytes) -> Iterator[Grid]:
    """Yield the grids of an `.xls` workbook (`data` is the file's bytes): the sheet asked
    for, or every worksheet in order."""
    import xlrd

    log = io.StringIO()  # xlrd writes its warnings to a log file; stdout by default
    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=log
        )
    except xlrd.XLRDError as err:
        if "encrypted" in str(err).lower():
            raise password_protected(path.name) from err
        raise _damaged(path, err) from err
    except Exception as err:  # xlrd raises many types (struct.error, IndexError, ...)
        raise _damaged(path, err) from err
    try:
        names = tuple(book.sheet_names())
        for name in pick_sheets(path, names, sheet):
            yield _read_sheet(path, book, name, names)
    finally:
        book.release_resources()


def _damaged(path: Path, err: Exception) -> DataError:
    return DataError(
        f"{path.name}: this Excel 97-2003 (.xls) workbook cannot be read ({type(err).__name__}: "
        f"{one_line(err)}). The file may be damaged or incomplete; open it in Excel or "
        "LibreOffice and save it again as .xlsx."
    )


def _read_sheet(path: Path, book, name: str, names: tuple[str, ...]) -> Grid:
    import xlrd

    try:
        ws = book.sheet_by_name(name)
    except Exception as err:
        raise DataError(
            f"{path.name}: sheet {name!r} cannot be read ({type(err).__name__}: "
            f"{one_line(err)}). The file may be damaged; open it in Excel and save it again."
        ) from err
    n_rows, n_cols = ws.nrows, ws.ncols
    if n_rows * n_cols > MAX_CELLS:
        raise DataError(
            f"{path.name}: sheet {name!r} spans {n_rows:,} rows and {n_cols:,} columns, "
            f"{n_rows * n_cols:,} cells, more than the {MAX_CELLS:,} read from a sheet. Delete "
            "the stray cells far from the table, or split the sheet."
        )
    if n_rows > MAX_ROWS:
        raise DataError(too_many_rows(path.name, name, n_rows))
    rows = [
        [
            _value(kind, value, book.datemode, xlrd)
            for kind, value in zip(ws.row_types(r), ws.row_values(r), strict=True)
        ]
        for r in range(n_rows)
    ]
    book.unload_sheet(name)
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    cells = (
        pd.DataFrame(rows, dtype=object, index=pd.RangeIndex(1, len(rows) + 1))
        if rows and n_cols
        else pd.DataFrame(dtype=object)
    )
    grid = Grid(path, name, cells, "xls (Excel 97-2003)", sheets=names)
    # xlrd: (first row, row after the last, first column, column after the last), from 0.
    grid.merged = [(r0 + 1, c0, r1, c1 - 1) for r0, r1, c0, c1 in ws.merged_cells]
    normalise_text(grid)
    return grid


def _value(kind: int, value: object, datemode: int, xlrd) -> object:
    """Return a cell's value (of xlrd type `kind`) as the `.xlsx` reader gives it."""
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_TEXT:
        return value or None
    if kind == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() and abs(value) < 2**53 else value
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, f"#ERR{value}")
    return value
