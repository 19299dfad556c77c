"""Helpers of the ingest tests: where the fixtures are, and an independent count of the
physical rows of a file (for the accounting identity)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import xlrd

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
PUBLISHED = Path(__file__).resolve().parents[2] / "kcanalysis" / "data" / "published_figures.csv"


def physical_rows(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",") -> int:
    """Count the rows of a file without kcanalysis: csv.reader records, or the sheet's last
    row as openpyxl reports it."""
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return wb.worksheets[0].max_row
    if path.suffix == ".xls":
        return xlrd.open_workbook(path).sheet_by_index(0).nrows
    text = path.read_bytes().decode(encoding)
    return len(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))


def assert_accounted(report, path: Path, **kw) -> None:
    """Every physical row is loaded, structural or quarantined, exactly once."""
    records = report.records
    n = physical_rows(path, **kw)
    assert report.loaded + report.structural + report.quarantined == n
    assert len(records) == n and records["row"].tolist() == list(range(1, n + 1))
    assert set(records["category"]) <= {"loaded", "structural", "quarantined"}
