"""The adversarial input corpus (tests/data/bad, made by make_bad.py): every file is refused
by `load` with a one-line DataError naming the file, and the sheet and cell where one is to
blame, and by `kcanalysis validate` with exit code 2. Never a traceback."""

from __future__ import annotations

import csv
import re
import zipfile

import pytest
from rel_helpers import BAD, assert_refused_by_cli, corpus_files, make_bad

from kcanalysis.errors import DataError
from kcanalysis.ingest import ingest, load, load_many

#: file -> (a fragment of the reason, whether the reason names a sheet!cell)
EXPECTED = {
    "empty.csv": ("is empty (0 bytes)", False),
    "blank_lines.csv": ("holds no data", False),
    "zero_bytes.xlsx": ("is empty (0 bytes)", False),
    "pdf_named.csv": ("is a PDF document", False),
    "csv_named.xlsx": ("not an Excel workbook although its name says so", False),
    "truncated.xlsx": ("damaged or truncated", False),
    "password.xlsx": ("is password-protected", False),
    "charts_only.xlsx": ("'Biểu đồ' (a chart sheet)", False),
    "chart_on_empty_sheet.xlsx": ("'Biểu đồ' (no cells)", False),
    "excel_errors.xlsx": ("Sheet1!I2: Excel error value '#REF!'", True),
    "excel_errors.csv": ("excel_errors!I3: Excel error value '#DIV/0!'", True),
    "dates_for_numbers.xlsx": ("Sheet1!I2: datetime.datetime(2017, 5, 12, 0, 0) (datetime)", True),
    "dates_for_numbers.csv": ("dates_for_numbers!I2: text '12/05/2017' where a number", True),
    "huge_numbers.csv": ("huge_numbers!I2: '1e300' is beyond any plausible figure", True),
    "huge_numbers.xlsx": ("Sheet1!I2: 1e+300 is beyond any plausible figure", True),
    "mixed_encodings.csv": ("mixes text encodings: line 2 is UTF-8 but line 3 is not", False),
    "bom_middle.csv": ("line 3 starts with a byte-order mark", False),
    "bom_in_cell.csv": ("line 2 holds an invisible byte-order mark", False),
    "injection.csv": ("injection!G2: indicator '=HYPERLINK(", True),
    "injection.xlsx": ("Sheet1!G2: indicator '=HYPERLINK(", True),
    "long_and_control.csv": ("(10,000 characters) where a number is expected", True),
    "long_cells.xlsx": ("(10,000 characters) where a number is expected", True),
    "duplicate_headers.csv": ("two columns are read as 'actual'", True),
    "duplicate_headers_projects.csv": ("two columns are read as 'title'", True),
    "headers_only.csv": ("has a header but no data rows", False),
    "headers_only.xlsx": ("has a header but no data rows", False),
    "far_cell.xlsx": ("values as far as row 1,048,576 (XFD1048576)", False),
    "wide_row.csv": ("602 rows of up to 10,001 fields", False),
    "entity_expansion.xlsx": ("cannot be", False),  # opened (defusedxml) / read (expat)
    "province_new_for_2015.csv": ("'Huế' names a province only from 2025", True),
    "province_old_for_2026.csv": ("'Phú Yên' names no province in 2026", True),
    "title_old_for_2026.xlsx": ("Báo cáo!A1: 'Phú Yên' (in the title) names no province", True),
}
CELL = re.compile(r"\w+!\$?[A-Z]{1,3}\d+")


def test_the_corpus_is_complete_and_small():
    names = {p.name for p in corpus_files()}
    assert names == set(EXPECTED)
    committed = [p for p in BAD.rglob("*") if p.is_file() and p.suffix in (".csv", ".xlsx")]
    assert len(committed) == len(EXPECTED) + 2  # and the conflict pair
    assert sum(p.stat().st_size for p in committed) < 1_000_000


def test_regenerating_gives_the_same_corpus(tmp_path):
    written = make_bad().main(tmp_path)
    assert {p.relative_to(tmp_path) for p in written} == {
        p.relative_to(BAD) for p in BAD.rglob("*") if p.suffix in (".csv", ".xlsx")
    }
    for path in written:
        committed = BAD / path.relative_to(tmp_path)
        new, old = path.read_bytes(), committed.read_bytes()
        if path.suffix != ".xlsx" or not new.startswith(b"PK") or path.name == "truncated.xlsx":
            assert new == old or path.name == "truncated.xlsx", path.name
            continue
        # a workbook's bytes depend on the openpyxl version; its sheets must not
        with zipfile.ZipFile(path) as a, zipfile.ZipFile(committed) as b:
            sheets = [n for n in a.namelist() if n.startswith(("xl/worksheets/", "xl/shared"))]
            for name in sheets:
                assert a.read(name) == b.read(name), (path.name, name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_refuses_with_a_one_line_reason(name):
    path = BAD / name
    fragment, names_cell = EXPECTED[name]
    with pytest.raises(DataError) as err:
        load(path)
    message = str(err.value)
    assert "\n" not in message and len(message) < 2000, message
    assert message.startswith(name), message
    assert fragment in message, message
    if names_cell:
        assert CELL.search(message), message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_exits_2_with_the_reason(name):
    assert_refused_by_cli(BAD / name, EXPECTED[name][0])


# --------------------------------------------------------------- what the corpus is about


def test_injection_strings_stay_text_and_the_quarantine_csv_neutralises_them(tmp_path):
    injections = make_bad().INJECTIONS
    for name in ("injection.csv", "injection.xlsx"):
        report = ingest(BAD / name).report
        table = report.quarantine_table()
        # kept as text exactly as typed, never evaluated (no formula result, no None);
        # a bare carriage return in a cell is read as a line break by both formats
        raw = {v.replace("\r\n", "\n").replace("\r", "\n") for v in table["A"]}
        assert raw == {v.replace("\r", "\n") for v in injections}, name
        out = report.write_quarantine(tmp_path / f"{name}.quarantine.csv")
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        header, body = rows[0], rows[1:]
        assert header[:5] == ["file", "sheet", "row", "cell", "reason"]
        assert len(body) == len(injections)
        for row in body:
            for cell in row:
                assert not cell.lstrip().startswith(("=", "+", "-", "@")), (name, cell)
                assert not cell.startswith(("\t", "\r", "\n")), (name, cell)
            written = row[5][1:].replace("\r\n", "\n").replace("\r", "\n")
            assert row[5].startswith("'") and written in raw, row[5]


def test_huge_numbers_are_never_loaded_as_inf():
    from kcanalysis.ingest.numbers import MAX_ABS_NUMBER, parse_column

    values = ["1e300", "NaN", "inf", "-inf", "Infinity", "1e999", "9" * 400, 1e300, 10**400]
    values += [float("inf"), float("-inf")]
    result = parse_column(values, "money", 1000.0)
    assert set(result.errors) == set(range(len(values)))
    assert all(v != v for v in result.values)  # all NaN: nothing loaded
    ok = parse_column(["999.999.999.999", 999_999_999_999.0], "count")
    assert ok.values.tolist() == [999_999_999_999.0] * 2 and not ok.errors
    assert ok.values.max() <= MAX_ABS_NUMBER


def test_province_names_are_read_for_their_year(tmp_path):
    """The rule of kcanalysis.ingest.areas: a name means the unit that bore it that year."""
    header = "area_code,area_name,year,period,level,activity,indicator,unit,planned,actual\n"
    cases = {
        (",Gia Lai,2026", "52"),  # the merged Gia Lai (code 52 since 2025)
        (",Gia Lai,2015", "64"),  # the old Gia Lai
        (",Bình Định,2015", "52"),
        (",Thừa Thiên Huế,2026", "46"),  # renamed over the same territory
        (",Huế,2026", "46"),
        (",Đắc Lắc,2026", "66"),  # an old spelling of the unit's namesake
        ("52,,2026", "52"),  # a code means what it names in the year
        ("52,,2015", "52"),
    }
    for cells, code in cases:
        path = tmp_path / "p.csv"
        path.write_text(header + cells + ",FY,ALL,ALL,projects,count,1,1\n", encoding="utf-8")
        assert load(path).facts["area_code"].tolist() == [code], cells
    # a title naming a unit of the year, and the province argument read for the year
    path.write_text(
        "SỐ LIỆU NĂM 2026 TỈNH GIA LAI\n" + header + ",,2026,FY,ALL,ALL,projects,count,1,1\n"
    )
    assert load(path).facts["area_code"].tolist() == ["52"]
    path.write_text(header + ",,2026,FY,ALL,ALL,projects,count,1,1\n", encoding="utf-8")
    assert load(path, province="Gia Lai").facts["area_code"].tolist() == ["52"]
    with pytest.raises(DataError, match=r"province='Phú Yên'.*names no province in 2026"):
        load(path, province="Phú Yên")
    path.write_text(
        "SỐ LIỆU NĂM 2015 THÀNH PHỐ HUẾ\n" + header + ",,2015,FY,ALL,ALL,projects,count,1,1\n"
    )
    with pytest.raises(DataError, match=r"p!A1: 'Huế' \(in the title\) names a province only from"):
        load(path)


def test_conflicting_files_are_a_reported_conflict_never_an_overwrite():
    a, b = sorted((BAD / "conflict").glob("*.csv"))
    assert len(load(a).facts) == len(load(b).facts) == 1  # each file alone is good
    with pytest.raises(DataError, match="1 figure\\(s\\) differ between files") as err:
        load_many([a, b])
    assert a.name in str(err.value) and b.name in str(err.value)
    assert "actual=8300.0" in str(err.value) and "actual=8200.0" in str(err.value)
    with pytest.warns(UserWarning, match="conflict, first file kept"):
        both = load_many([a, b], on_conflict="warn").facts
    assert both["actual"].tolist() == [8300.0]
