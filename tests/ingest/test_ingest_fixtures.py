"""The fixtures are made by tests/data/ingest/make_fixtures.py; running it again gives the
same content: the same bytes for CSV and hand-made broken files, and for .xlsx the same
sheets, cells, formulas, cached values and merged ranges (the bytes of a workbook depend on
the openpyxl version)."""

from __future__ import annotations

import importlib.util
import sys
import zipfile

import openpyxl
import pytest
from ingest_helpers import DATA


def _script():
    spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _workbook_content(path):
    content = []
    for data_only in (False, True):
        wb = openpyxl.load_workbook(path, data_only=data_only)
        for ws in wb.worksheets:
            merged = sorted(str(r) for r in ws.merged_cells.ranges)
            content.append((ws.title, merged, list(ws.iter_rows(values_only=True))))
    return content


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixtures")
    return _script().main(out)


def test_regenerating_gives_the_same_set_of_files(regenerated):
    assert len(regenerated) >= 20
    committed = {p.name for p in DATA.iterdir() if p.suffix in (".csv", ".xlsx", ".xls")}
    assert committed == {p.name for p in regenerated}


def test_regenerating_gives_the_same_content(regenerated):
    for path in regenerated:
        committed = DATA / path.name
        if path.name == "broken_truncated.xlsx":  # cut from a workbook: still no zip
            for p in (path, committed):
                with pytest.raises(zipfile.BadZipFile):
                    zipfile.ZipFile(p)
        elif path.suffix == ".xlsx" and not path.name.startswith("broken_"):
            assert _workbook_content(path) == _workbook_content(committed), path.name
        else:
            assert path.read_bytes() == committed.read_bytes(), path.name


def test_xlsx_fixtures_have_merged_cells_as_excel_users_make_them():
    ws = openpyxl.load_workbook(DATA / "summary_two_row.xlsx").active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A4:H4", "C7:D7", "E7:F7", "A7:A8", "B7:B8"} <= merged  # title and group headers
    assert ws["C9"].value == "=C10+C13"  # subtotals are formulas
    cached = openpyxl.load_workbook(DATA / "summary_two_row.xlsx", data_only=True).active
    assert cached["C9"].value == 65  # with Excel's cached value
