"""Province, year and period from the title, the columns and the arguments; conflicts."""

from __future__ import annotations

import warnings

import pytest
from ingest_helpers import PUBLISHED

from kcanalysis.errors import DataError, ParameterError, UnknownProvinceError
from kcanalysis.ingest import load, load_many
from kcanalysis.ingest.file_context import read_title
from kcanalysis.ingest.unit_line import parse_unit, parse_unit_line


def test_title_gives_province_year_and_skips_the_signing_date():
    info = read_title(
        [
            ("S!A1", "UBND TỈNH LÂM ĐỒNG"),
            ("S!A4", "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG NĂM 2017"),
            ("S!A5", "Lâm Đồng, ngày 15 tháng 01 năm 2018"),
        ]
    )
    assert {f.value for f in info.areas} == {"68"}
    assert [f.value for f in info.years] == [2017]  # 2018 is the date the report was signed


@pytest.mark.parametrize(
    ("text", "period", "year"),
    [
        ("KẾT QUẢ 6 THÁNG ĐẦU NĂM 2017", "M6", 2017),
        ("GIAI ĐOẠN 2012 - 2016", "P2012-2016", 2016),
        ("ƯỚC THỰC HIỆN CẢ NĂM 2020", "FY", 2020),
    ],
)
def test_title_gives_the_period(text, period, year):
    info = read_title([("S!A1", text)])
    assert [f.value for f in info.periods] == [period]
    assert [f.value for f in info.years] == [year]


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("ĐVT: triệu đồng", 1.0),
        ("Đơn vị tính: 1.000 đồng", 0.001),
        ("(Đơn vị: tỷ đồng)", 1000.0),
        ("tỷ đồng", 1000.0),
        ("Đơn vị tính: đồng", 1e-6),
    ],
)
def test_each_unit_line(text, factor):
    assert parse_unit_line(text).factor == factor


def test_units_of_the_unit_column():
    assert parse_unit("tỷ đồng").factor == 1000.0
    assert parse_unit("người").unit == "persons"
    assert parse_unit("đề án").unit == "count"
    assert parse_unit("giờ") is None


def test_title_and_argument_must_agree(data):
    with pytest.raises(DataError, match="says the year is 2017, but year=2018 was given"):
        load(data / "summary_ty_dong.csv", year=2018)
    with pytest.raises(DataError, match=r"says the province is Lâm Đồng .* province="):
        load(data / "summary_ty_dong.csv", province="Đắk Lắk")
    # agreeing arguments are fine, in any spelling
    assert load(data / "summary_ty_dong.csv", province="lam dong", year=2017).facts.shape[0] == 4


def test_arguments_are_checked():
    with pytest.raises(UnknownProvinceError) as err:
        load(PUBLISHED, province="Dak Lac Nong")
    assert len(err.value.suggestions) == 3
    with pytest.raises(ParameterError, match="period='Q5'"):
        load(PUBLISHED, period="Q5")
    with pytest.raises(ParameterError, match="not a year"):
        load(PUBLISHED, year="2017a")


def test_load_many_refuses_to_overwrite(data):
    # many_a and many_b disagree on Lâm Đồng 2017 KCDP budget_kc: 8300 against 8200
    with pytest.raises(
        DataError, match=r"many_a\.csv!many_a row 3 gives .*many_b\.csv!many_b row 3"
    ):
        load_many([data / "many_a.csv", data / "many_b.csv"])
    with pytest.warns(UserWarning, match="conflict, first file kept"):
        loaded = load_many([data / "many_a.csv", data / "many_b.csv"], on_conflict="warn")
        facts = loaded.facts
    assert facts.set_index("level").loc["KCDP", "actual"] == 8300  # the first file's figure


def test_load_many_keeps_identical_figures_once(data):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = load_many([data / "many_a.csv", data / "many_c.csv"])
        facts = loaded.facts
    assert len(facts) == 2
    assert len(loaded.reports) == 2


def test_load_many_concatenates_projects(data):
    loaded = load_many([data / "projects_kp.csv", data / "projects_tcvn3.csv"])
    facts = loaded.facts
    assert len(loaded.projects) == 4 + 3
    assert set(facts["area_code"]) == {"66", "67"}
