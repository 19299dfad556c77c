"""Layout 2: project lists, with section headings or with columns, aggregated to facts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from ingest_helpers import assert_accounted

from kcanalysis.errors import DataError
from kcanalysis.ingest import ingest, load

# projects_sections (Bình Định 2017, local programme), by hand from the fixture:
# PROD: 100 + 112,5 + 50 = 262,5 extension; 200 + 150 + 50 = 400 counterpart; 100+100+50 = 250
# disbursed. INFO: 40 + 20 = 60; counterpart 0 and "-" (computed as total - extension = 0).
# CAP: 162,5, counterpart computed 0, disbursed 55. The published plan lists PROD 262,5,
# INFO 60 and CAP 162,5 (baobinhdinh.vn).
SECTIONS = {
    # (activity, indicator): (planned, actual)
    ("PROD", "projects"): (3, 3),
    ("PROD", "budget_kc"): (262.5, 262.5),
    ("PROD", "budget_counterpart"): (400, 400),
    ("PROD", "budget_total"): (662.5, 662.5),
    ("PROD", "disbursed"): (np.nan, 250),
    ("INFO", "projects"): (2, 2),
    ("INFO", "budget_kc"): (60, 60),
    ("INFO", "budget_counterpart"): (0, 0),
    ("INFO", "budget_total"): (60, 60),
    ("INFO", "disbursed"): (np.nan, 60),
    ("CAP", "projects"): (1, 1),
    ("CAP", "budget_kc"): (162.5, 162.5),
    ("CAP", "budget_counterpart"): (0, 0),
    ("CAP", "budget_total"): (162.5, 162.5),
    ("CAP", "disbursed"): (np.nan, 55),
}


@pytest.mark.parametrize("name", ["projects_sections.xlsx", "projects_sections.csv"])
def test_project_list_with_section_headings(data, name):
    loaded = load(data / name)
    facts = loaded.facts
    report = loaded.report
    assert (report.layout, report.area_code, report.year) == ("projects", "52", 2017)
    assert set(facts["level"]) == {"KCDP"}  # "DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG"
    got = facts[facts["indicator"] != "projects_accepted"].set_index(["activity", "indicator"])[
        ["planned", "actual"]
    ]
    assert sorted(got.index) == sorted(SECTIONS)
    for key, (planned, actual) in SECTIONS.items():
        np.testing.assert_equal(got.loc[key].tolist(), [planned, actual], err_msg=str(key))
    projects = loaded.projects
    assert projects["title"].tolist()[0] == "Xây dựng thương hiệu sản phẩm nón lá Phú Gia"
    assert projects["budget_kc"].tolist() == [100, 112.5, 50, 40, 20, 162.5]
    # headings, subtotals (checked: they agree), the numbering row and notes are structural
    assert report.structural_kinds() == {
        "blank": 1,
        "header": 3,
        "note": 2,
        "section": 3,
        "subtotal": 2,
        "title": 4,
    }
    assert report.warnings == []
    sheet = "Sheet1" if name.endswith(".xlsx") else "projects_sections"
    sources = facts.set_index(["activity", "indicator"])["source"]
    assert sources[("CAP", "projects")] == f"{name}!{sheet} row 18"
    assert sources[("PROD", "projects")] == f"{name}!{sheet} rows 10-12"
    assert_accounted(report, data / name)


@pytest.mark.parametrize("name", ["projects_columns.csv", "projects_columns.xlsx"])
def test_quarantine_reasons_of_a_project_list(data, name):
    result = ingest(data / name)
    report = result.report
    reasons = report.records.query("category == 'quarantined'").set_index("row")["reason"]
    assert reasons[5] == "duplicate project: same as row 2"
    assert reasons[6].startswith("unknown province 'Đắk Lắc Nông' (did you mean: Đắk Nông")
    assert reasons[7].startswith("negative amount -50 in budget_kc")
    assert reasons[8] == "text 'khoảng trăm' where a number is expected"
    assert reasons[9].startswith("year 2107 is outside the data")
    assert len(reasons) == 5
    # row 10: 350 disbursed of 100 extension funds is 3,5 times: a warning, the row stays
    assert len(report.warnings) == 1 and "!J10" in report.warnings[0].cell
    projects = result.projects
    assert projects["area_code"].tolist() == ["66", "66", "66", "66", "64"]  # "Daklak" is 66
    assert projects["status"].tolist() == [
        "accepted",
        "completed",
        "completed",
        "ongoing",
        "completed",
    ]
    assert projects["planned_end"].dt.strftime("%Y-%m-%d").tolist() == [
        "2021-11-30",
        "2021-12-31",
        "2021-12-31",
        "2021-12-15",
        "2021-10-15",
    ]
    facts = result.facts.set_index(["area_code", "level", "activity", "indicator"])
    # DEMO, KCĐP, Đắk Lắk: rows 3 and 10 -> 400 + 100 extension, 1200 + 200 counterpart
    assert facts.loc[("66", "KCDP", "DEMO", "budget_kc"), "actual"] == 500
    assert facts.loc[("66", "KCDP", "DEMO", "budget_total"), "planned"] == 1900
    assert facts.loc[("66", "KCDP", "DEMO", "models"), "actual"] == 2
    assert facts.loc[("66", "KCDP", "TRAIN", "projects_accepted"), "actual"] == 1
    assert facts.loc[("66", "KCDP", "TRAIN", "trainees"), "actual"] == 35
    assert facts.loc[("64", "KCDP", "PROD", "budget_kc"), "actual"] == 80
    assert_accounted(report, data / name)


@pytest.mark.parametrize("name", ["projects_kp.xlsx", "projects_kp.csv"])
def test_kp_columns_set_the_level_and_words_set_the_amount(data, name):
    loaded = load(data / name)
    projects = loaded.projects
    assert projects["level"].tolist() == ["KCQG", "KCQG", "KCDP", "KCDP"]
    assert projects["activity"].tolist() == ["TRAIN", "MACH", "DEMO", "INFO"]  # from titles
    # "262,5 triệu", "1,5 tỉ", "hơn 300 triệu", 120
    assert projects["budget_kc"].tolist() == [262.5, 1500.0, 300.0, 120.0]
    # "84,06%", 100, "120%" (above 100: kept out of completion_pct, with a warning), 100
    np.testing.assert_array_equal(projects["completion_pct"], [84.06, 100, np.nan, 100])
    texts = [w.text for w in loaded.report.warnings]
    assert any("'hơn 300 triệu' is approximate ('>')" in t for t in texts)
    assert any("percentage 120% is above 100%" in t for t in texts)
    assert loaded.report.area_code == "67"  # "TỈNH ĐẮK NÔNG"


def test_project_list_without_year_needs_the_argument(data, tmp_path):
    path = tmp_path / "no_year.csv"
    path.write_text(
        "STT,Tên đề án,Đơn vị thụ hưởng,KP KCĐP\n1,Đào tạo nghề may,HTX A,100\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="no year column"):
        load(path, province="Lâm Đồng")
    loaded = load(path, province="Lâm Đồng", year=2018)
    assert loaded.projects["year"].tolist() == [2018]
    with pytest.raises(DataError, match="names no province"):
        load(path, year=2018)


def test_project_list_without_level_is_an_error(tmp_path):
    path = tmp_path / "no_level.csv"
    path.write_text(
        "STT,Tên đề án,Đơn vị thụ hưởng,Kinh phí hỗ trợ\n1,Đào tạo nghề,HTX A,100\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="national \\(KCQG\\) or local \\(KCDP\\)"):
        load(path, province="Lâm Đồng", year=2018)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".xls"])
def test_wrapped_names_are_joined_and_a_breakdown_is_checked_not_loaded(data, suffix):
    # projects_breakdown (Phú Yên 2019, made up): 3 projects, two with their name wrapped
    # onto the row below; TỔNG CỘNG 950 = 500 + 150 + 300 agrees; below it "Trong đó:"
    # KCQG 500 (= project 1), KCĐP 450 (= 150 + 300) agree, "Đào tạo nghề" 160 does not
    # (the one TRAIN project has 150): one warning, on E14.
    path = data / f"projects_breakdown{suffix}"
    result = ingest(path)
    projects = result.projects
    assert projects["title"].tolist() == [
        "Hỗ trợ ứng dụng máy móc thiết bị trong chế biến cá ngừ đại dương",
        "Đào tạo nghề đan lát",
        "Mô hình trình diễn kỹ thuật sản xuất bánh tráng",
    ]
    assert projects["budget_kc"].tolist() == [500.0, 150.0, 300.0]
    assert projects["level"].tolist() == ["KCQG", "KCDP", "KCDP"]
    assert projects["area_code"].unique().tolist() == ["54"]  # Phú Yên before 2025
    report = result.report
    assert report.structural_kinds() == {
        "title": 3,
        "header": 1,
        "wrapped name": 2,
        "subtotal": 1,
        "breakdown": 4,
        "note": 1,
    }
    warnings = [str(w) for w in report.warnings]
    assert len(warnings) == 1, warnings
    assert "!E14: breakdown '- Đào tạo nghề' says 160" in warnings[0]
    assert "add up to 150" in warnings[0]
    assert_accounted(report, path)
    budget = result.facts.query("indicator == 'budget_kc'").groupby("level")["actual"].sum()
    assert budget.to_dict() == {"KCDP": 450.0, "KCQG": 500.0}  # breakdown rows not added


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".xls"])
def test_three_header_rows_with_of_which_parts(data, suffix):
    # projects_three_rows (Quảng Trị 2022, made up): "Kinh phí (triệu đồng)" over "Tổng số"
    # and "Trong đó" over "KCĐP" / "Đối ứng". KCĐP sets the level; the total 600 = 200 + 400
    # and 120 = 100 + 20 agree, so no warning.
    path = data / f"projects_three_rows{suffix}"
    result = ingest(path)
    projects = result.projects
    assert projects["budget_kc"].tolist() == [200.0, 100.0]
    assert projects["budget_counterpart"].tolist() == [400.0, 20.0]
    assert projects["level"].tolist() == ["KCDP", "KCDP"]
    assert projects["activity"].tolist() == ["MACH", "TRAIN"]
    report = result.report
    assert report.structural_kinds() == {"title": 1, "header": 3}
    assert report.warnings == []
    assert_accounted(report, path)


def test_a_projects_table_saved_as_csv_loads_back_exactly(tmp_path):
    # The canonical projects table (codes such as "CAP" and "accepted", English headers),
    # saved with to_csv as a user would, must load back as it was; only `source` differs,
    # since it names the file and row the project was read from.
    from kcanalysis import aggregate, datasets

    projects = datasets.load_demo().projects
    path = tmp_path / "projects.csv"
    projects.to_csv(path, index=False)
    result = ingest(path)
    assert result.report.quarantined == 0 and result.report.warnings == []
    got = result.projects.drop(columns="source")
    pd.testing.assert_frame_equal(got, projects.drop(columns="source").reset_index(drop=True))
    facts = aggregate(projects).drop(columns="source").reset_index(drop=True)
    pd.testing.assert_frame_equal(result.facts.drop(columns="source"), facts)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_approved_plan_gives_planned_figures_only(data, suffix):
    # projects_plan (Tây Ninh 2024, made up): "KẾ HOẠCH KHUYẾN CÔNG ..." with no status,
    # disbursement or completion column. Nothing in it says what was done, so the facts
    # carry no actual value (a report must not show the plan as 100% fulfilled).
    result = ingest(data / f"projects_plan{suffix}")
    assert result.projects["status"].tolist() == ["planned"] * 3
    facts = result.facts
    assert facts["actual"].isna().all()
    budget = facts.query("indicator == 'budget_kc'").set_index("activity")["planned"]
    assert budget.to_dict() == {"MACH": 500.5, "TRAIN": 200.0}  # 350 + "150,5"; 200
    notes = [m.text for m in result.report.notes]
    assert any("says this is a plan" in n for n in notes), notes


def test_a_plan_with_a_progress_column_reports_what_was_done(tmp_path):
    # The same title, but a disbursement column: the list reports progress on the plan.
    path = tmp_path / "plan_progress.csv"
    path.write_text(
        "KẾ HOẠCH KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2024 TỈNH TÂY NINH\n"
        "STT,Tên đề án,Đơn vị thụ hưởng,Kinh phí khuyến công hỗ trợ,Giải ngân\n"
        "1,Đào tạo nghề may công nghiệp,Công ty May,200,150\n",
        encoding="utf-8",
    )
    loaded = load(path)
    facts = loaded.facts
    budget = facts.query("indicator == 'budget_kc'")
    assert budget[["planned", "actual"]].values.tolist() == [[200.0, 200.0]]
    assert facts.query("indicator == 'disbursed'")["actual"].tolist() == [150.0]


@pytest.mark.parametrize(
    ("title", "plan"),
    [
        ("KẾ HOẠCH KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2024", True),
        ("DANH MỤC ĐỀ ÁN KHUYẾN CÔNG ĐƯỢC PHÊ DUYỆT NĂM 2024", True),
        ("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHUYẾN CÔNG NĂM 2018", False),
        ("DANH SÁCH ĐỀ ÁN KHUYẾN CÔNG NĂM 2021", False),
    ],
)
def test_which_titles_say_plan(title, plan):
    from kcanalysis.ingest.file_context import read_title

    assert read_title([("Sheet1!A1", title)]).is_plan is plan
