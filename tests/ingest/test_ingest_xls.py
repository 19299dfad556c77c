"""Excel 97-2003 (.xls) workbooks: each .xls fixture is written by the fixture generator
from the same cells and merged ranges as its .xlsx twin, so loading it must give the same
facts, projects, row account and warnings."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import xlwt
from ingest_helpers import DATA, assert_accounted

from kcanalysis.errors import DataError
from kcanalysis.ingest import ingest
from kcanalysis.ingest.readers import iter_grids

TWINS = [
    "projects_three_rows",
    "projects_breakdown",
    "summary_two_row",
    "summary_vni",
    "projects_sections",
    "projects_columns",
    "projects_tcvn3",
]


def _same_file_name(df: pd.DataFrame) -> pd.DataFrame:
    """Sources and derived project ids name the file; name both twins the same way."""
    out = df.copy()
    for col in ("source", "project_id"):
        if col in out:
            out[col] = out[col].str.replace(".xlsx", ".xls", regex=False)
    return out


@pytest.mark.parametrize("name", TWINS)
def test_xls_loads_exactly_as_its_xlsx_twin(name):
    old, new = ingest(DATA / f"{name}.xls"), ingest(DATA / f"{name}.xlsx")
    pd.testing.assert_frame_equal(_same_file_name(old.facts), _same_file_name(new.facts))
    assert (old.projects is None) == (new.projects is None)
    if old.projects is not None:
        pd.testing.assert_frame_equal(_same_file_name(old.projects), _same_file_name(new.projects))
    a, b = old.report, new.report
    assert (a.loaded, a.structural, a.quarantined) == (b.loaded, b.structural, b.quarantined)
    assert [str(w).replace(".xls:", ".xlsx:") for w in a.warnings] == [str(w) for w in b.warnings]
    assert a.encoding.startswith("xls (Excel 97-2003)")
    assert_accounted(a, DATA / f"{name}.xls")


def test_xls_merged_ranges_are_read():
    (grid,) = iter_grids(DATA / "summary_two_row.xls")
    (twin,) = iter_grids(DATA / "summary_two_row.xlsx")
    assert sorted(grid.merged) == sorted(twin.merged)
    # The generator merges A7:A8 (row header over two rows) and C7:D7 ("Kế hoạch" group):
    # (first row, first column from 0, last row, last column).
    assert {(7, 0, 8, 0), (7, 2, 7, 3)} <= set(grid.merged)


def test_xls_in_a_legacy_font_is_converted_and_said_so():
    result = ingest(DATA / "projects_tcvn3.xls")
    assert "TCVN3" in result.report.encoding
    # "Đắk Lắk" typed in TCVN3 in the file; the loaded area name is Unicode.
    assert "Đắk Lắk" in set(result.facts["area_name"])


def test_xls_cell_types_read_as_excel_stores_them(tmp_path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Số liệu")
    ws.write(0, 0, "Kinh phí")
    ws.write(0, 1, 7700.0)  # a whole number stored as a float: read as int 7700
    ws.write(0, 2, 10.25)
    ws.write(0, 3, dt.datetime(2017, 11, 30), xlwt.easyxf(num_format_str="DD/MM/YYYY"))
    ws.write(0, 4, True)
    ws.write(1, 0, "")  # an empty string is an empty cell
    ws.write(1, 1, "x")
    path = tmp_path / "types.xls"
    wb.save(str(path))
    (grid,) = iter_grids(path)
    assert grid.sheet == "Số liệu"
    row1 = grid.cells.loc[1].tolist()
    assert row1 == ["Kinh phí", 7700, 10.25, dt.datetime(2017, 11, 30), True]
    assert isinstance(row1[1], int)
    assert grid.cells.loc[2].tolist() == [None, "x", None, None, None]


def test_xls_sheet_chosen_by_name_or_refused(tmp_path):
    wb = xlwt.Workbook(encoding="utf-8")
    wb.add_sheet("Bìa").write(0, 0, "Báo cáo")
    wb.add_sheet("Số liệu").write(0, 0, "STT")
    path = tmp_path / "two.xls"
    wb.save(str(path))
    assert [g.sheet for g in iter_grids(path)] == ["Bìa", "Số liệu"]
    assert [g.sheet for g in iter_grids(path, "so lieu")] == ["Số liệu"]
    with pytest.raises(DataError, match=r"two.xls has no sheet 'Dữ liệu'. Its sheets are: Bìa"):
        list(iter_grids(path, "Dữ liệu"))


def test_xls_sheet_beyond_the_cell_limit_is_refused_before_reading(tmp_path, monkeypatch):
    from kcanalysis.ingest import xls

    monkeypatch.setattr(xls, "MAX_CELLS", 50)
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Sheet1")
    ws.write(0, 0, "STT")
    ws.write(9, 5, 1)  # a stray cell at F10: 10 rows x 6 columns = 60 cells > 50
    path = tmp_path / "far.xls"
    wb.save(str(path))
    with pytest.raises(DataError, match=r"far.xls: sheet 'Sheet1' spans 10 rows and 6 columns"):
        list(iter_grids(path))
