"""Layout 3: summary reports with column groups over indicators, sections and subtotals."""

from __future__ import annotations

import numpy as np
import pytest
from ingest_helpers import assert_accounted

from kcanalysis.ingest import load

# summary_two_row: Lâm Đồng 2017 (baolamdong.vn): KCQG 9 projects, plan 1.400, done 1.800;
# KCDP 56 projects, plan 8.850, done 8.300; split into activities by hand.
TWO_ROW = {
    ("KCQG", "DEMO", "projects"): (2, 2),
    ("KCQG", "DEMO", "budget_kc"): (900, 1000),
    ("KCQG", "MACH", "projects"): (7, 7),
    ("KCQG", "MACH", "budget_kc"): (500, 800),
    ("KCDP", "TRAIN", "projects"): (20, 20),
    ("KCDP", "TRAIN", "budget_kc"): (2000, 1900),
    ("KCDP", "MACH", "projects"): (30, 30),
    ("KCDP", "MACH", "budget_kc"): (6000, 5600),
    ("KCDP", "INFO", "projects"): (6, 6),
    ("KCDP", "INFO", "budget_kc"): (850, 800),
}


def _by_key(facts, keys=("level", "activity", "indicator")):
    return {k: tuple(v) for k, v in facts.set_index(list(keys))[["planned", "actual"]].iterrows()}


@pytest.mark.parametrize("name", ["summary_two_row.xlsx", "summary_two_row.csv"])
def test_two_row_header_with_sections_and_subtotals(data, name):
    loaded = load(data / name)
    facts = loaded.facts
    assert _by_key(facts) == TWO_ROW
    # the level sums are the published ones
    sums = facts.groupby(["level", "indicator"])[["planned", "actual"]].sum()
    assert sums.loc[("KCQG", "budget_kc")].tolist() == [1400, 1800]
    assert sums.loc[("KCDP", "budget_kc")].tolist() == [8850, 8300]
    report = loaded.report
    assert (report.area_code, report.year, set(facts["period"])) == ("68", 2017, {"FY"})
    assert report.money_unit.startswith("ĐVT: triệu đồng")
    assert report.warnings == []  # "TỔNG CỘNG", "I", "II" and "Cộng" all agree
    assert report.structural_kinds() == {
        "blank": 2,
        "header": 2,
        "note": 2,
        "section": 2,
        "subtotal": 2,
        "title": 5,
    }
    assert facts["source"].iloc[0].endswith("row 16")
    assert_accounted(report, data / name)


@pytest.mark.parametrize("name", ["summary_bad_subtotal.xlsx", "summary_bad_subtotal.csv"])
def test_subtotal_that_disagrees_is_a_warning(data, name):
    loaded = load(data / name)
    facts = loaded.facts
    assert _by_key(facts) == TWO_ROW  # the rows are loaded as they are
    [warning] = loaded.report.warnings
    assert warning.cell.endswith("!D17")  # "Cộng" says 8.900; rows 14-16 give 2000+6000+850
    assert "says 8.900 but rows 14-16 add up to 8.850" in warning.text


@pytest.mark.parametrize("name", ["summary_estimate.xlsx", "summary_estimate.csv"])
def test_groups_set_periods_and_the_unit_line_sets_thousands(data, name):
    loaded = load(data / name)
    facts = loaded.facts
    got = _by_key(facts, ("period", "activity", "indicator"))
    # "Đơn vị tính: 1.000 đồng": 400000 thousand VND = 400 million VND
    assert got[("FY", "TRAIN", "budget_kc")] == (400, 390)  # plan and "Ước TH cả năm"
    assert got[("M9", "TRAIN", "budget_kc")][1] == 250  # "Thực hiện 9 tháng"
    assert np.isnan(got[("M9", "TRAIN", "budget_kc")][0])
    assert got[("P2016-2021", "MACH", "budget_kc")][1] == 5200  # "Lũy kế 2016-2021"
    fy = facts[facts["period"] == "FY"]
    assert set(fy["qualifier"]) == {"~"} and set(fy["note"]) == {"actual is an estimate (Ước TH)"}
    assert fy.groupby("indicator")["planned"].sum().to_dict() == {
        "budget_kc": 1759.0,
        "projects": 16.0,
    }
    report = loaded.report
    assert (report.area_code, report.year, report.period) == ("66", 2021, "M9")
    assert set(facts["level"]) == {"KCDP"}  # "ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG" in the title
    assert report.warnings == []


@pytest.mark.parametrize("name", ["summary_ty_dong.csv", "summary_ty_dong.xlsx"])
def test_billion_unit_line_and_level_rows_without_activities(data, name):
    loaded = load(data / name)
    facts = loaded.facts
    # "(Đơn vị: tỷ đồng)": "1,4" billion = 1.400 million VND; level rows become activity ALL
    assert _by_key(facts) == {
        ("KCQG", "ALL", "projects"): (9, 9),
        ("KCQG", "ALL", "budget_kc"): (1400, 1800),
        ("KCDP", "ALL", "projects"): (56, 56),
        ("KCDP", "ALL", "budget_kc"): (8850, 8300),
    }
    assert loaded.report.warnings == []  # "Tổng cộng" 10,25 = 1,4 + 8,85


def test_summary_without_province_needs_the_argument(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "BÁO CÁO NĂM 2019\nSTT,Nội dung,Kế hoạch,,Thực hiện,\n"
        ",,Số đề án,Kinh phí,Số đề án,Kinh phí\n1,Đào tạo nghề,2,100,2,90\n",
        encoding="utf-8",
    )
    loaded = load(path, province="Gia Lai")
    facts = loaded.facts
    assert facts[["area_code", "year", "indicator", "planned", "actual"]].values.tolist() == [
        ["64", 2019, "budget_kc", 100.0, 90.0],
        ["64", 2019, "projects", 2.0, 2.0],
    ]


def test_unrecognised_activity_row_is_quarantined(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "BÁO CÁO NĂM 2019 TỈNH GIA LAI\nSTT,Nội dung,Kế hoạch,Thực hiện\n"
        ",,Số đề án,Số đề án\n1,Đào tạo nghề,2,2\n2,Nuôi cá,1,1\n",
        encoding="utf-8",
    )
    loaded = load(path)
    facts = loaded.facts
    reasons = loaded.report.records.query("category == 'quarantined'")
    assert reasons["cell"].tolist() == ["s!B5"]
    assert "ACTIVITY_KEYWORDS" in reasons["reason"].iloc[0]
    assert facts["activity"].tolist() == ["TRAIN"]
