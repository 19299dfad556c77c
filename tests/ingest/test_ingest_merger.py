"""The 2025 merger in the ingest: names and codes read for (year, period), the vintage
column, and files that hold figures of both maps. The rule is `kcanalysis.units`': periods
that end by June 2025 are the 63 provinces' (vintage 2008), FY 2025 and later the 34
units' (vintage 2025)."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner
from ingest_helpers import assert_accounted

from kcanalysis.cli import main
from kcanalysis.errors import DataError
from kcanalysis.ingest import ingest, load, load_many

CANONICAL = "area_code,area_name,vintage,year,period,level,activity,indicator,unit,planned,actual\n"


def _csv(tmp_path, text: str, name: str = "t.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _reasons(report) -> dict[str, str]:
    quarantined = report.records.query("category == 'quarantined'")
    return dict(zip(quarantined["cell"], quarantined["reason"], strict=True))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_phu_yen_first_half_of_2025_loads_as_the_old_province(data, suffix):
    path = data / f"canonical_phu_yen_h1_2025{suffix}"
    result = ingest(path)
    facts = result.facts
    assert set(facts["area_code"]) == {"54"} and set(facts["area_name"]) == {"Phú Yên"}
    assert set(facts["vintage"]) == {"2008"} and set(facts["period"]) == {"M6"}
    assert set(facts["year"]) == {2025}
    # "Thực hiện 6 tháng đầu năm" in the fixture: 6 projects, "1.420,5" million VND
    assert facts.set_index("indicator")["actual"].to_dict() == {
        "projects": 6.0,
        "budget_kc": 1420.5,
    }
    assert facts["planned"].isna().all()
    # "Kế hoạch năm 2025" is FY 2025, the new Đắk Lắk's: not loaded, said on its header
    sheet = "canonical_phu_yen_h1_2025" if suffix == ".csv" else "Sheet1"
    (warning,) = result.report.warnings
    assert warning.cell.endswith(f"{sheet}!D3")
    assert "FY 2025" in warning.text and "joined Đắk Lắk (66)" in warning.text
    assert "3 figure(s) not loaded" in warning.text
    # row 6 (trainees) has the year's plan only (350): nothing of it can be loaded
    reasons = _reasons(result.report)
    assert list(reasons) == [f"{sheet}!D6"]
    assert "joined Đắk Lắk (66)" in reasons[f"{sheet}!D6"]
    assert_accounted(result.report, path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_file_across_the_merger_loads_whole(data, suffix):
    path = data / f"canonical_merger_mixed{suffix}"
    result = ingest(path)
    got = [
        (r.area_code, r.area_name, r.vintage, r.period, r.planned, r.actual)
        for r in result.facts.sort_values(["period", "area_code"]).itertuples(index=False)
    ]
    # the fixture's rows: old Đắk Lắk and Phú Yên for H1, the new Đắk Lắk for the year,
    # and Phú Yên's own 2021-2025 total (Địa giới 2008)
    assert [g[:4] for g in got] == [
        ("66", "Đắk Lắk", "2025", "FY"),
        ("54", "Phú Yên", "2008", "M6"),
        ("66", "Đắk Lắk", "2008", "M6"),
        ("54", "Phú Yên", "2008", "P2021-2025"),
    ]
    assert got[0][4:] == (9800.0, 9450.0)
    assert got[1][5] == 1420.5 and got[2][5] == 2150.0 and got[3][5] == 58.0
    assert result.report.quarantined == 0 and result.report.warnings == []
    assert_accounted(result.report, path)


def test_kcanalysis_validate_on_the_mixed_file_exits_0(data):
    result = CliRunner().invoke(main, ["validate", str(data / "canonical_merger_mixed.csv")])
    assert result.exit_code == 0, result.output
    assert "quarantined 0" in result.output
    assert "vintage" in result.output  # totals are not added across the two maps


def test_phu_yen_for_the_whole_of_2025_is_quarantined_naming_its_successor(data, tmp_path):
    text = (data / "canonical_merger_mixed.csv").read_text(encoding="utf-8")
    text += ",Phú Yên,,2025,Cả năm,ALL,Tất cả,Kinh phí khuyến công,triệu đồng,,3000,\r\n"
    result = ingest(_csv(tmp_path, text, "mixed.csv"))
    assert len(result.facts) == 4  # the fixture's four rows
    reasons = _reasons(result.report)
    assert list(reasons) == ["mixed!B7"]
    assert "'Phú Yên' names no province in FY 2025" in reasons["mixed!B7"]
    assert "joined Đắk Lắk (66)" in reasons["mixed!B7"]
    assert "period=M6" in reasons["mixed!B7"]  # the fix, if the figure is for H1


def test_binh_dinh_is_52_before_the_merger_and_refused_after(tmp_path):
    rows = (
        ",Bình Định,,2026,FY,ALL,ALL,projects,count,,4\n"
        ",Bình Định,,2024,FY,ALL,ALL,projects,count,,5\n"
    )
    result = ingest(_csv(tmp_path, CANONICAL + rows))
    facts = result.facts
    assert facts[["area_code", "vintage", "year", "actual"]].values.tolist() == [
        ["52", "2008", 2024, 5.0]
    ]
    (reason,) = _reasons(result.report).values()
    assert "'Bình Định' names no province in 2026" in reason
    assert "joined Gia Lai (52)" in reason and "use Gia Lai" in reason


@pytest.mark.parametrize(
    ("year", "code", "vintage"),
    [(2026, "52", "2025"), (2024, "64", "2008")],  # new Gia Lai holds Bình Định's code 52
)
def test_gia_lai_in_a_title_is_read_for_its_year(tmp_path, year, code, vintage):
    path = _csv(
        tmp_path,
        f"BÁO CÁO KHUYẾN CÔNG NĂM {year} TỈNH GIA LAI\nChỉ tiêu,Kế hoạch,Thực hiện\nSố đề án,3,3\n",
    )
    facts = load(path).facts
    assert facts[["area_code", "vintage", "area_name"]].values.tolist() == [
        [code, vintage, "Gia Lai"]
    ]


def test_codes_are_read_for_their_period(tmp_path):
    rows = (
        "54,,,2025,M6,ALL,ALL,projects,count,,1\n"
        "54,,,2025,FY,ALL,ALL,projects,count,,2\n"
        "54,,,2026,FY,ALL,ALL,projects,count,,3\n"
        "52,,,2025,Q3,ALL,ALL,projects,count,,4\n"
    )
    result = ingest(_csv(tmp_path, CANONICAL + rows))
    got = result.facts[["area_code", "area_name", "vintage", "period"]].values.tolist()
    assert got == [["54", "Phú Yên", "2008", "M6"], ["52", "Gia Lai", "2025", "Q3"]]
    reasons = _reasons(result.report)
    assert set(reasons) == {"t!A3", "t!A4"}
    assert all("Code 54 (Phú Yên) names no unit" in r for r in reasons.values())
    assert "use Đắk Lắk (66)" in reasons["t!A3"] and "FY 2025" in reasons["t!A3"]


def test_the_province_and_period_arguments_are_read_together(tmp_path):
    path = _csv(tmp_path, "Chỉ tiêu,Kế hoạch,Thực hiện\nSố đề án,,7\n")
    facts = load(path, province="Phú Yên", year=2025, period="H1").facts  # H1 is M6
    assert facts[["area_code", "vintage", "period"]].values.tolist() == [["54", "2008", "M6"]]
    with pytest.raises(DataError, match=r"province='Phú Yên'.*names no province in Q3 2025"):
        load(path, province="Phú Yên", year=2025, period="Q3")


def test_the_vintage_column_marks_a_programme_total_of_the_old_map(tmp_path):
    rows = (
        ",Phú Yên,2008,2025,P2021-2025,ALL,ALL,projects,count,,58\n"
        ",Phú Yên,,2025,P2021-2025,ALL,ALL,budget_kc,million VND,,900\n"
        ",Đắk Lắk,2025,2025,P2021-2025,ALL,ALL,projects,count,,142\n"
        ",Đắk Lắk,2008,2025,P2021-2025,ALL,ALL,projects,count,,120\n"
        ",Đắk Lắk,2025,2025,M6,ALL,ALL,projects,count,,1\n"
        ",Đắk Lắk,2026,2025,FY,ALL,ALL,projects,count,,1\n"
    )
    result = ingest(_csv(tmp_path, CANONICAL + rows))
    got = result.facts[["area_code", "vintage", "actual"]].values.tolist()
    # the same code and period in both maps are two figures, not a duplicate
    assert got == [["54", "2008", 58.0], ["66", "2025", 142.0], ["66", "2008", 120.0]]
    reasons = _reasons(result.report)
    assert set(reasons) == {"t!B3", "t!C6", "t!C7"}
    assert "write 2008 in a vintage (Địa giới) column" in reasons["t!B3"]
    assert (
        "vintage 2025 does not fit M6 2025" in reasons["t!C6"] and "write 2008" in reasons["t!C6"]
    )
    assert "vintage '2026' is not understood" in reasons["t!C7"]


def test_vietnamese_vintage_header_is_read(tmp_path):
    path = _csv(
        tmp_path,
        "Tỉnh,Địa giới hành chính,Năm,Kỳ,Chỉ tiêu,Thực hiện\n"
        "Bình Định,2008,2025,Giai đoạn 2021-2025,Số đề án,86\n",
    )
    facts = load(path).facts
    assert facts[["area_code", "area_name", "vintage", "period"]].values.tolist() == [
        ["52", "Bình Định", "2008", "P2021-2025"]
    ]


def test_a_summary_names_its_period_in_the_headers_only(tmp_path):
    # No period in the title: the actual's header ("6 tháng đầu năm 2025") decides that
    # "Phú Yên" is the old province; the year's plan beside it is FY 2025, not Phú Yên's.
    path = _csv(
        tmp_path,
        "BÁO CÁO KẾT QUẢ KHUYẾN CÔNG NĂM 2025\nTỈNH PHÚ YÊN\n"
        "STT,Nội dung,Kế hoạch năm 2025,,Thực hiện 6 tháng đầu năm 2025,\n"
        ",,Số đề án,Kinh phí,Số đề án,Kinh phí\n"
        "1,Đào tạo nghề,4,400,2,150\n",
    )
    result = ingest(path)
    facts = result.facts
    assert facts[["area_code", "vintage", "period", "indicator", "actual"]].values.tolist() == [
        ["54", "2008", "M6", "budget_kc", 150.0],
        ["54", "2008", "M6", "projects", 2.0],
    ]
    assert facts["planned"].isna().all()
    cells = sorted(w.cell for w in result.report.warnings)
    assert cells == ["t.csv: t!C3", "t.csv: t!D3"]  # the two "Kế hoạch năm 2025" columns
    assert all("joined Đắk Lắk (66)" in w.text for w in result.report.warnings)


def test_a_renamed_province_keeps_its_plan_for_the_year(tmp_path):
    # Thừa Thiên Huế became Huế over the same territory: its plan for FY 2025 is Huế's.
    path = _csv(
        tmp_path,
        "BÁO CÁO KẾT QUẢ KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2025\nTỈNH THỪA THIÊN HUẾ\n"
        "STT,Chỉ tiêu,ĐVT,Kế hoạch năm 2025,Thực hiện 6 tháng\n1,Số đề án,đề án,10,4\n",
    )
    result = ingest(path)
    got = result.facts[["area_code", "area_name", "vintage", "period", "planned", "actual"]]
    assert got.fillna(-1).values.tolist() == [
        ["46", "Huế", "2025", "FY", 10.0, -1],
        ["46", "Thừa Thiên Huế", "2008", "M6", -1, 4.0],
    ]
    assert result.report.warnings == []


def test_summary_of_the_third_quarter_is_the_new_unit(data):
    for suffix in (".csv", ".xlsx"):
        result = ingest(data / f"summary_q3_2025{suffix}")
        facts = result.facts
        assert set(facts["area_code"]) == {"52"} and set(facts["vintage"]) == {"2025"}
        got = facts.groupby(["period", "indicator"])[["planned", "actual"]].sum(min_count=1)
        # the fixture's "Tổng cộng" row: plan 18 projects / 5.100; Q3 6 / 1.630; H2 14 / 3.910
        assert got.loc[("FY", "projects"), "planned"] == 18
        assert got.loc[("FY", "budget_kc"), "planned"] == 5100
        assert got.loc[("Q3", "budget_kc"), "actual"] == 1630
        assert got.loc[("H2", "budget_kc"), "actual"] == 3910
        assert np.isnan(got.loc[("Q3", "projects"), "planned"])
        assert set(facts.loc[facts["period"] == "H2", "qualifier"]) == {"~"}  # "Ước TH"
        assert (result.report.area_code, result.report.period) == ("52", "Q3")
        assert result.report.warnings == [] and result.report.quarantined == 0


def test_load_many_keeps_both_maps_of_a_programme_total(tmp_path):
    a = _csv(
        tmp_path, CANONICAL + ",Đắk Lắk,2008,2025,P2021-2025,ALL,ALL,projects,count,,120\n", "a.csv"
    )
    b = _csv(
        tmp_path, CANONICAL + ",Đắk Lắk,2025,2025,P2021-2025,ALL,ALL,projects,count,,142\n", "b.csv"
    )
    facts = load_many([a, b]).facts
    assert sorted(facts[["vintage", "actual"]].values.tolist()) == [
        ["2008", 120.0],
        ["2025", 142.0],
    ]
