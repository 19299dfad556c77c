"""The ingest report's helpers."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcanalysis.ingest.dates import parse_date
from kcanalysis.ingest.file_context import read_title
from kcanalysis.ingest.legacy import detect_legacy
from kcanalysis.ingest.numbers import parse_text
from kcanalysis.ingest.period_words import period_of
from kcanalysis.ingest.report import column_letter, neutralise
from kcanalysis.ingest.row_labels import depth, is_subtotal, level_of_text, split_numbering
from kcanalysis.ingest.tables import locate


@pytest.mark.parametrize(
    ("col", "letter"), [(0, "A"), (5, "F"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letter(col, letter):
    assert column_letter(col) == letter


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ok", "ok"),
        (-5.0, -5.0),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_neutralise(value, written):
    assert neutralise(value) == written


@pytest.mark.parametrize(
    ("text", "subtotal"),
    [
        ("Cộng", True),
        ("TỔNG CỘNG", True),
        ("Tổng số", True),
        ("Cộng I", True),
        ("Cộng đồng dân cư", False),
        ("Công nghệ sấy", False),
        ("Tổng hợp số liệu", False),
    ],
)
def test_subtotal_words(text, subtotal):
    assert is_subtotal(text) is subtotal


def test_numbering_and_levels():
    assert split_numbering("II. Khuyến công địa phương") == ("II", "Khuyến công địa phương")
    assert [depth(x) for x in ("I", "A", 1, "2", "1.1", "a", "-")] == [1, 1, 2, 2, 3, 3, 3]
    assert level_of_text("I. KHUYẾN CÔNG QUỐC GIA") == "KCQG"
    assert level_of_text("Kinh phí KCĐP") == "KCDP"


def test_header_found_below_title_rows():
    rows = [
        ["DANH SÁCH ĐỀ ÁN NĂM 2017"],
        [],
        ["STT", "Tên đề án", "Đơn vị thực hiện", "Kinh phí KC (triệu đồng)"],
    ]
    table = locate(rows, [])
    assert table.layout == "projects" and table.header == [2]
    assert [c.target for c in table.columns] == ["stt", "title", "beneficiary", "budget_kc"]
    assert table.get("budget_kc").unit.factor == 1.0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_cell_readers_never_raise_on_any_text(text):
    # any cell text gives a value, a missing value or an error message (never a value and
    # an error together), and no exception
    cell = parse_text(text)
    assert cell.value is None or not cell.error
    split_numbering(text)
    depth(text)
    is_subtotal(text)
    level_of_text(text)
    period_of(text)
    detect_legacy(text)
    read_title([("S!A1", text)])
    with contextlib.suppress(ValueError):  # "not a date" is the one expected error
        parse_date(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers()), max_size=6), max_size=6
    )
)
def test_locate_never_raises(rows):
    locate(rows, [])
