"""Files that are not usable tables: a clear DataError naming the file, never a traceback of
another type. And reading details of .xlsx: formulas, merged cells, sheets."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_helpers import DATA, assert_accounted

from kcanalysis.errors import DataError, KcAnalysisError
from kcanalysis.ingest import ingest, load


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken_empty.csv", "is empty"),
        ("broken_truncated.xlsx", "damaged or truncated"),
        ("broken_password.xlsx", "is password-protected"),
        ("broken_old.xls", "Excel 97-2003"),
        ("broken_truncated.xls", r"Excel 97-2003 \(.xls\) workbook cannot be read"),
        ("broken_password.xls", "is password-protected"),
        ("broken_renamed_pdf.xlsx", "is a PDF document"),
        ("broken_renamed_text.xlsx", "rename it to .csv"),
        ("broken_no_table.csv", "no recognisable table"),
        ("broken_binary.csv", "not a text file"),
        ("broken_zip.xlsx", "is a ZIP archive, not an Excel workbook"),
    ],
)
def test_broken_files_raise_a_clear_data_error(data, name, message):
    with pytest.raises(DataError, match=message) as err:
        load(data / name)
    assert name in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        load(tmp_path / "nothing.xlsx")


def test_unknown_sheet_lists_the_sheets(data):
    with pytest.raises(DataError, match=r"has no sheet 'Tổng hợp'\. Its sheets are: Báo cáo"):
        load(data / "summary_two_row.xlsx", sheet="Tổng hợp")


def test_sheet_by_name_in_another_spelling(data):
    assert len(load(data / "summary_two_row.xlsx", sheet="bao cao").facts) == 10


def test_formula_without_cached_value_is_reported(data):
    loaded = load(data / "formula_nocache.xlsx")
    facts = loaded.facts
    [warning] = loaded.report.warnings
    assert warning.cell.endswith("Sheet1!J2") and "=60+5 has no cached value" in warning.text
    assert facts["planned"].tolist() == [65.0]


def test_formulas_use_cached_values(data):
    # summary_two_row.xlsx holds "=C10+C13" etc. with Excel's cached values; the subtotal
    # checks read 65 / 10.250 and find them equal to the rows (no warning)
    result = ingest(data / "summary_two_row.xlsx")
    assert result.report.warnings == []


def test_nothing_loaded_is_an_error_with_the_report(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "area_code,year,period,level,activity,indicator,unit,planned,actual\n"
        "99,2017,FY,ALL,ALL,projects,count,1,1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="nothing could be loaded") as err:
        load(path)
    assert err.value.report.quarantined == 1


LOADABLE = sorted(
    p.name
    for p in DATA.iterdir()
    if p.suffix in (".csv", ".xlsx", ".xls")
    and not p.name.startswith(("broken_", "canonical_title"))
)


@pytest.mark.parametrize("name", LOADABLE)
def test_every_row_of_every_fixture_is_accounted_for(data, name):
    kw = {
        "canonical_vi.csv": {"delimiter": ";"},
        "canonical_vi_utf16.csv": {"encoding": "utf-16", "delimiter": "\t"},
        "canonical_vi_1258.csv": {"encoding": "cp1258"},
        "projects_tcvn3.csv": {"encoding": "cp1252"},
        "projects_tcvn3_notes.csv": {"encoding": "cp1252"},
    }.get(name, {})
    assert_accounted(ingest(data / name).report, data / name, **kw)


def test_first_sheet_with_a_table_is_chosen(tmp_path):
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Bìa"
    cover["A1"] = "BÁO CÁO KHUYẾN CÔNG NĂM 2017"
    table = wb.create_sheet("Số liệu")
    table.append(["STT", "Nội dung", "Kế hoạch", None, "Thực hiện"])
    table.append([None, None, "Số đề án", "Kinh phí", "Số đề án", "Kinh phí"])
    table.append([1, "Đào tạo nghề", 2, 100, 2, 90])
    wb.save(tmp_path / "two.xlsx")
    loaded = load(tmp_path / "two.xlsx", province="Lâm Đồng", year=2017)
    facts = loaded.facts
    assert loaded.report.sheet == "Số liệu"
    assert facts["source"].iloc[0] == "two.xlsx!Số liệu row 3"


def test_columns_not_stored_are_reported(data):
    notes = [n.text for n in ingest(data / "projects_sections.csv").report.notes]
    assert any("column D ('Địa điểm') is read but not stored" in n for n in notes)


_WORDS = [
    "STT",
    "Tên đề án",
    "Đơn vị thụ hưởng",
    "KP KCQG",
    "Kế hoạch",
    "Thực hiện",
    "Số đề án",
    "Kinh phí",
    "Cộng",
    "Tổng cộng",
    "I",
    "1",
    "Đào tạo nghề",
    "7.700",
    "1,5 tỷ",
    "-",
    "hơn 3 tỷ",
    "NĂM 2017",
    "TỈNH LÂM ĐỒNG",
    "Chỉ tiêu",
    "KH",
    "TH",
    "Tỉnh",
    "abc",
    "§¾k",
]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=5)), min_size=1, max_size=7),
        min_size=1,
        max_size=8,
    )
)
def test_any_csv_gives_a_result_or_a_kcanalysis_error(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("fuzz") / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    try:
        result = ingest(path, year=2017)
    except KcAnalysisError:
        return
    result.report.check_complete()  # every row accounted for


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (
            b"\xef\xbb\xbf<html><head><meta charset='utf-8'></head><body><table><tr><td>STT"
            b"</td></tr></table></body></html>",
            "an HTML page",
        ),
        (
            b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:'
            b'spreadsheet"><Worksheet ss:Name="Sheet1"/></Workbook>',
            "an Excel 2003 XML spreadsheet",
        ),
    ],
)
def test_markup_saved_under_an_excel_name_is_named_for_what_it_is(tmp_path, content, kind):
    # Web systems often export a table as an HTML page or SpreadsheetML named "*.xls".
    path = tmp_path / "bao_cao.xls"
    path.write_bytes(content)
    with pytest.raises(DataError, match=f"bao_cao.xls is {kind} saved under an Excel name"):
        load(path)
