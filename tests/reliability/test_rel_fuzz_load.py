"""Property tests of `load` (Hypothesis): on random bytes, on damaged copies of good files
and on random small workbooks and CSV files, it raises DataError or returns valid `facts`,
nothing else; when it returns, every physical row is loaded, structural or quarantined.

Each property runs in the normal suite with a bounded number of examples, and again with
many more in the `slow` profile."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from rel_helpers import GOOD, assert_valid_outcome

from kcanalysis.errors import DataError
from kcanalysis.ingest import load

NORMAL = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))


def _outcome(data: bytes, suffix: str, **kw):
    """Write the bytes to a file and load it: DataError or valid facts, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            loaded = load(path, **kw)
        except DataError as err:
            assert "\n" not in str(err) and path.name in str(err), str(err)
            event("refused with a DataError")
            return None
        assert_valid_outcome(loaded)
        event("loaded valid facts")
        return loaded


# ------------------------------------------------------------------ random bytes

PREFIXES = [
    b"",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"%PDF-1.4\n",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    b"area_code,year,period,level,activity,indicator,unit,planned,actual\n68,2017,",
    "STT,Tên đề án,KP KCĐP\n1,".encode(),
]
RANDOM_BYTES = st.tuples(
    st.sampled_from(PREFIXES), st.binary(max_size=3000), st.sampled_from([".csv", ".xlsx"])
)


def _random_bytes(case) -> None:
    prefix, body, suffix = case
    _outcome(prefix + body, suffix)


@NORMAL
@given(RANDOM_BYTES)
def test_load_on_random_bytes(case):
    _random_bytes(case)


@pytest.mark.slow
@SLOW
@given(RANDOM_BYTES)
def test_load_on_random_bytes_long(case):
    _random_bytes(case)


# ------------------------------------------------------------------ damaged good files

GOOD_XLSX = ["canonical_en_clean.xlsx", "summary_two_row.xlsx", "projects_sections.xlsx"]
GOOD_CSV = ["canonical_en_clean.csv", "summary_two_row.csv", "projects_kp.csv", "many_a.csv"]
TOKENS = [b"<", b">", b"/>", b'"', b"&", b"&amp;", b"<v>", b"</v>", b"<c r=\"A1\">", b"</c>",
          b"<row>", b"</row>", b't="s"', b't="e"', b"<v>#REF!</v>", b"<v>1e999</v>", b"9" * 30,
          b"\x00", b"\xff", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"]]>"]  # fmt: skip


@st.composite
def damaged_workbooks(draw):
    """A good workbook whose sheet XML (or shared strings, or ZIP bytes) is damaged."""
    name = draw(st.sampled_from(GOOD_XLSX))
    data = (GOOD / name).read_bytes()
    where = draw(st.sampled_from(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "zip"]))
    if where == "zip":
        pos = draw(st.integers(0, len(data) - 1))
        return data[:pos] + draw(st.binary(min_size=1, max_size=8)) + data[pos + 1 :]
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == where:
                for _ in range(draw(st.integers(1, 4))):
                    pos = draw(st.integers(0, len(body)))
                    cut = draw(st.integers(0, 40))
                    new = draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=12)))
                    body = body[:pos] + new + body[pos + cut :]
            dst.writestr(info, body)
    return out.getvalue()


@st.composite
def damaged_csvs(draw):
    """A good CSV file with lines dropped, doubled, cut, or with random text inserted."""
    name = draw(st.sampled_from(GOOD_CSV))
    lines = (GOOD / name).read_bytes().splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "double", "cut", "insert"]))
        if action == "drop" and len(lines) > 1:
            del lines[i]
        elif action == "double":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            text = draw(st.one_of(st.text(max_size=20), st.sampled_from(['"', ",", ";", "\r"])))
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + text.encode() + lines[i][pos:]
    return b"".join(lines)


@NORMAL
@given(damaged_workbooks())
def test_load_on_damaged_workbooks(data):
    _outcome(data, ".xlsx")


@pytest.mark.slow
@SLOW
@given(damaged_workbooks())
def test_load_on_damaged_workbooks_long(data):
    _outcome(data, ".xlsx")


@NORMAL
@given(damaged_csvs())
def test_load_on_damaged_csv_files(data):
    _outcome(data, ".csv")


@pytest.mark.slow
@SLOW
@given(damaged_csvs())
def test_load_on_damaged_csv_files_long(data):
    _outcome(data, ".csv")


# ------------------------------------------------------------------ random small tables

HEADERS = [
    ["area_code", "area_name", "year", "period", "level", "activity", "indicator", "unit",
     "planned", "actual", "qualifier", "source", "note"],
    ["Tỉnh", "Năm", "Kỳ", "Cấp", "Hoạt động", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch",
     "Thực hiện"],
    ["STT", "Tên đề án", "Đơn vị thụ hưởng", "Địa điểm", "KP KCQG", "KP KCĐP", "Năm",
     "Tỉnh"],
    ["STT", "Nội dung", "Kế hoạch", None, "Thực hiện", None],
    [None, None, "Số đề án", "Kinh phí", "Số đề án", "Kinh phí"],
]  # fmt: skip
TITLES = ["SỐ LIỆU KHUYẾN CÔNG NĂM 2017 TỈNH LÂM ĐỒNG", "ĐVT: triệu đồng", "Năm 2026 - Gia Lai",
          "TỈNH PHÚ YÊN", "BÁO CÁO 6 THÁNG ĐẦU NĂM 2021", "Đơn vị tính: tỷ đồng"]  # fmt: skip
WORDS = ["68", "Lâm Đồng", "Gia Lai", "Huế", "Phú Yên", "52", "2017", "2026", "FY", "M6",
         "ALL", "KCQG", "KCĐP", "MACH", "Đào tạo nghề", "projects", "budget_kc", "trainees",
         "count", "million VND", "người", "triệu đồng", "7.700", "1.234,5", "1,5 tỷ",
         "hơn 3 tỷ", "-", "x", "Cộng", "Tổng cộng", "I", "1", "Ghi chú: ước", "#REF!",
         "#DIV/0!", "#VALUE!", "=HYPERLINK(\"http://x\",\"y\")", "+cmd", "-2+3", "@SUM(A1)",
         "1e300", "NaN", "inf", ">", "~", "Chỉ tiêu", "Kế hoạch", "Thực hiện"]  # fmt: skip
VALUES = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.integers(-(10**6), 10**6),
    st.floats(-1e15, 1e15, allow_nan=False),
    st.sampled_from([2017, 2026, 1e300, -5, 0, 0.5]),
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)


#: A layout's header rows and a good data row of it, to vary.
LAYOUTS = [
    ([HEADERS[0]], ["68", "Lâm Đồng", 2017, "FY", "ALL", "ALL", "budget_kc", "million VND",
                    "8.850", 8300, None, "báo cáo", None]),
    ([HEADERS[1]], ["Lâm Đồng", 2017, "Cả năm", "KCĐP", "Đào tạo nghề", "Số đề án", "đề án",
                    5, 4]),
    ([HEADERS[2]], [1, "Đào tạo nghề may", "HTX A", "Đà Lạt", "1,5 tỷ", 200, 2017,
                    "Lâm Đồng"]),
    ([HEADERS[3], HEADERS[4]], [1, "Đào tạo nghề", 2, "1.400", 2, 1800]),
]  # fmt: skip


@st.composite
def tables(draw):
    """Rows: maybe a title, maybe a blank row, the header of a layout and rows that vary a
    good row of it (or random cells under a random header)."""
    rows = []
    if draw(st.integers(0, 2)):
        rows.append([draw(st.sampled_from(TITLES))])
    if draw(st.booleans()):
        rows.append([None])
    index = draw(st.integers(0, len(LAYOUTS)))
    header, good = LAYOUTS[index] if index < len(LAYOUTS) else ([], None)
    if good is None:
        header = [draw(st.lists(VALUES, min_size=1, max_size=6))]
    rows += [list(h) for h in header]
    width = max(len(r) for r in rows)
    for _ in range(draw(st.integers(0, 8))):
        if good is not None and draw(st.integers(0, 4)):  # mostly a varied good row
            row = list(good)
            for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):  # vary a few cells
                row[draw(st.integers(0, len(row) - 1))] = draw(VALUES)
            if draw(st.booleans()) and isinstance(row[1], str):
                row[1] = draw(st.sampled_from(["Cộng", "Tổng cộng", "I", "Khuyến công quốc gia"]))
        else:
            row = draw(st.lists(VALUES, min_size=1, max_size=width + 1))
        rows.append(row)
    return rows


def _clean(value):
    """What a spreadsheet can hold: no control characters, no empty string (that is None)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value or None
    return value


def _write_xlsx(rows) -> tuple[bytes, int]:
    wb = openpyxl.Workbook()
    ws = wb.active
    last = 0
    for r, values in enumerate(rows, start=1):
        for c, v in enumerate(values, start=1):
            v = _clean(v)
            if v is None:
                continue
            cell = ws.cell(r, c, v)
            if isinstance(v, str) and v.startswith("="):
                cell.data_type = "s"  # text, as a user typing '=... leaves it
            last = r
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), last


def _write_csv(rows) -> tuple[bytes, int]:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    for values in rows:
        writer.writerow(["" if v is None else str(v) for v in values])
    data = buf.getvalue()
    return data.encode("utf-8"), len(list(csv.reader(io.StringIO(data, newline=""))))


def _random_table(rows, kind: str, year) -> None:
    data, n_rows = (_write_xlsx if kind == "xlsx" else _write_csv)(rows)
    loaded = _outcome(data, f".{kind}", year=year)
    if loaded is not None:  # every physical row of the sheet accounted for, exactly once
        report = loaded.report
        assert report.n_rows == n_rows
        assert report.records["row"].tolist() == list(range(1, n_rows + 1))


TABLES = st.tuples(tables(), st.sampled_from(["xlsx", "csv"]), st.sampled_from([None, 2017]))


@NORMAL
@given(TABLES)
def test_load_on_random_small_tables(case):
    _random_table(*case)


@pytest.mark.slow
@SLOW
@given(TABLES)
def test_load_on_random_small_tables_long(case):
    _random_table(*case)
