"""Periods as titles, headers and cells write them (`kcanalysis.ingest.period_words`)."""

from __future__ import annotations

import pytest

from kcanalysis.errors import ParameterError
from kcanalysis.ingest import load
from kcanalysis.ingest.file_context import read_title
from kcanalysis.ingest.period_words import find_periods, header_period, period_of


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("BÁO CÁO KẾT QUẢ KHUYẾN CÔNG QUÝ II NĂM 2025", "Q2"),
        ("BÁO CÁO KẾT QUẢ KHUYẾN CÔNG 6 THÁNG CUỐI NĂM 2025", "H2"),
        ("BÁO CÁO KẾT QUẢ KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2025", "M6"),
        ("Kết quả quý 3 năm 2025", "Q3"),
        ("KẾT QUẢ Q4 NĂM 2025", "Q4"),
        ("Báo cáo quý IV năm 2025", "Q4"),
        ("Báo cáo quý I năm 2025", "Q1"),
        ("KẾT QUẢ 9 THÁNG NĂM 2025", "M9"),
    ],
)
def test_title_gives_the_new_periods(text, period):
    info = read_title([("S!A1", text)])
    assert [f.value for f in info.periods] == [period]
    assert [f.value for f in info.years] == [2025]


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("Quý III", "Q3"),
        ("quý 2", "Q2"),
        ("Q1", "Q1"),
        ("6 tháng cuối năm", "H2"),
        ("6 tháng đầu năm", "M6"),
        ("H1", "M6"),
        ("h2", "H2"),
        ("Cả năm", "FY"),
        ("Giai đoạn 2021-2025", "P2021-2025"),
        ("Quỹ khuyến công", None),  # a fund (quỹ), not a quarter
        ("Q5", None),
    ],
)
def test_period_cells(cell, period):
    assert period_of(cell) == period


@pytest.mark.parametrize(
    ("group", "words", "expected"),
    [
        ("actual", "quy iii", ("Q3", 2025)),
        ("actual", "quy ii nam 2025", ("Q2", 2025)),
        ("estimate", "6 thang cuoi nam", ("H2", 2025)),
        ("actual", "6 thang dau nam 2025", ("M6", 2025)),
        ("planned", "nam 2025", ("FY", 2025)),
    ],
)
def test_header_words_give_the_period(group, words, expected):
    assert header_period(group, words, 2025, None) == expected


def test_a_sixth_month_of_the_second_half_is_not_six_months():
    # "6 tháng cuối năm" is H2 only, never also M6
    assert find_periods("bao cao 6 thang cuoi nam 2025") == ["H2"]


def test_the_period_argument_takes_the_new_codes(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Tỉnh,Năm,Chỉ tiêu,Thực hiện\nLâm Đồng,2026,Số đề án,7\n", encoding="utf-8")
    assert load(path, period="Q3").facts["period"].tolist() == ["Q3"]
    assert load(path, period="h2").facts["period"].tolist() == ["H2"]
    with pytest.raises(ParameterError, match=r"period='Q5' is not understood.*Q1\.\.Q4.*H2"):
        load(path, period="Q5")
