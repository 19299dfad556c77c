"""Areas through time: the 2025 merger in the data layer and the province report.

Every number below is worked out by hand in the comment beside it. The facts are tiny
hand-made tables (budget_kc, million VND, level ALL / activity ALL) so that each sum can
be checked on paper.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kcanalysis import panel, units
from kcanalysis.aggregate import add_totals
from kcanalysis.datasets import load_published
from kcanalysis.errors import ParameterError, UnknownProvinceError
from kcanalysis.panel import ReportData
from kcanalysis.params import ProvinceReportParams
from kcanalysis.periods import vintage_of
from kcanalysis.schema import validate_facts
from kcanalysis.sections.province import ProvinceReport


def _row(code, year, value, period="FY", indicator="budget_kc", planned=np.nan):
    unit = "million VND" if indicator.startswith("budget") else "persons"
    return {
        "area_code": code,
        "area_name": "x",
        "year": year,
        "period": period,
        "level": "ALL",
        "activity": "ALL",
        "indicator": indicator,
        "unit": unit,
        "planned": planned,
        "actual": float(value),
        "qualifier": "",
        "source": "hand-made test table",
        "note": "",
    }


def _data(rows) -> ReportData:
    facts = validate_facts(pd.DataFrame(rows), "test")
    return ReportData(add_totals(facts), None, load_published(), False, (("t.csv", "0"),))


def _report(data, province, year, period="FY", lang="vi") -> ProvinceReport:
    params = ProvinceReportParams(
        province=province, year=year, period=period, lang=lang, region="VN"
    )
    return ProvinceReport(params, data)


def _change(report, indicator="budget_kc"):
    f = report.fulfilment.set_index("indicator")
    return f.loc[indicator, "last_year"], f.loc[indicator, "change"]


# Old Đắk Lắk (66) and Phú Yên (54) became new Đắk Lắk (66) on 1 July 2025.
DAK_LAK = [
    _row("66", 2024, 12000),
    _row("54", 2024, 8000),
    _row("66", 2025, 20000),  # FY 2025: the new unit, whole territory
    _row("66", 2026, 25000),
]


def test_a_new_units_2025_report_compares_with_its_predecessors_2024_sum():
    report = _report(_data(DAK_LAK), "Đắk Lắk", 2025)
    last, change = _change(report)
    # 2024: old Đắk Lắk 12.000 + Phú Yên 8.000 = 20.000; 20.000 / 20.000 - 1 = 0 %
    # (against old Đắk Lắk alone it would read 20.000 / 12.000 - 1 = +66,7 %).
    assert last == 20000
    assert change == pytest.approx(0.0)
    notes = report.merger_notes
    assert notes["compare"] == (
        "So sánh với năm 2024 là so sánh với tổng của các tỉnh cũ Đắk Lắk và Phú Yên."
    )
    assert "hợp nhất từ các tỉnh cũ Đắk Lắk và Phú Yên" in notes["unit"]
    html = str(report.header()) + str(report.schedule())
    assert "tổng của các tỉnh cũ Đắk Lắk và Phú Yên" in html


def test_2026_is_compared_with_the_new_units_own_2025():
    report = _report(_data(DAK_LAK), "66", 2026)
    last, change = _change(report)
    # 2025 is the new unit's own figure: 25.000 / 20.000 - 1 = +25 %; no predecessor sum.
    assert last == 20000
    assert change == pytest.approx(0.25)
    assert "compare" not in report.merger_notes


def test_a_reused_code_is_never_compared_with_the_other_territory():
    rows = [
        _row("52", 2024, 5000),  # Bình Định, old code 52
        _row("64", 2024, 7000),  # old Gia Lai, code 64
        _row("52", 2025, 15000),  # new Gia Lai, code 52 again
    ]
    data = _data(rows)
    new = _report(data, "Gia Lai", 2025)
    last, change = _change(new)
    # New Gia Lai 2025 against old Gia Lai + Bình Định: 15.000 / (7.000 + 5.000) - 1 =
    # +25 %; against Bình Định alone (the reused code) it would be 15.000 / 5.000 - 1 = +200 %.
    assert last == 12000 and change == pytest.approx(0.25)
    assert new.name == "Gia Lai"
    # Bình Định's own 2024 report sees only Bình Định: 5.000, nothing of new Gia Lai.
    old = _report(data, "Bình Định", 2024)
    assert old.name == "Bình Định"
    assert old.facts["actual"].max() == 5000
    assert set(old.facts["year"]) == {2024}


def test_a_missing_predecessor_leaves_the_comparison_out_with_its_reason():
    rows = [
        _row("68", 2024, 9000),  # old Lâm Đồng
        _row("67", 2024, 4000),  # Đắk Nông; Bình Thuận (60) has no 2024 figure
        _row("68", 2025, 16000),  # new Lâm Đồng = Lâm Đồng + Đắk Nông + Bình Thuận
    ]
    report = _report(_data(rows), "Lâm Đồng", 2025)
    last, change = _change(report)
    # 9.000 + 4.000 = 13.000 is only two of three predecessors: never shown.
    assert np.isnan(last) and np.isnan(change)
    assert report.merger_notes["compare"].startswith("Không so sánh với năm 2024")
    assert "Bình Thuận" in report.merger_notes["compare"]
    assert panel.restate(_data(rows).facts, ["68"]).empty


def test_a_trend_across_the_merger_is_one_series_of_predecessor_sums():
    rows = []
    # budget and trainees per year; old Đắk Lắk + Phú Yên to 2024, new Đắk Lắk after.
    for year, (a, b) in {2022: (1000, 1000), 2023: (1500, 1500), 2024: (2000, 2000)}.items():
        rows += [_row("66", year, a), _row("54", year, b)]
        rows += [
            _row("66", year, 100, indicator="trainees"),
            _row("54", year, 100, indicator="trainees"),
        ]
    rows += [_row("66", 2025, 5000), _row("66", 2025, 200, indicator="trainees")]
    series = panel.province_trend(_data(rows).facts, "66", "FY", 2025, 2024)
    # Sums: 2022 2.000, 2023 3.000, 2024 4.000 (predecessors), 2025 5.000 (own);
    # trainees 200 every year.
    assert series["budget_kc"].tolist() == [2000, 3000, 4000, 5000]
    assert series["trainees"].tolist() == [200, 200, 200, 200]
    assert series["basis"].tolist() == ["predecessors"] * 3 + ["own"]
    # Bình Định's (52) old series never continues into new Gia Lai's (52).
    old = panel.province_trend(_data([*rows, _row("52", 2024, 1)]).facts, "52", "FY", 2024, 2024)
    assert old["budget_kc"].tolist() == [1]


def test_predecessors_is_the_inverse_of_successor():
    from kcanalysis import successor

    # provinces_63_to_34.csv: new Gia Lai = old Gia Lai (64) + Bình Định (52);
    # new Lâm Đồng = Lâm Đồng (68) + Bình Thuận (60) + Đắk Nông (67).
    assert units.predecessors("52") == ["64", "52"]
    assert units.predecessors("68") == ["68", "60", "67"]
    for code in units.unit_codes("2025"):
        assert all(successor(old) == code for old in units.predecessors(code))
    assert sum(len(units.predecessors(c)) for c in units.unit_codes("2025")) == 63


@pytest.mark.parametrize(
    ("value", "year", "period", "unit_id"),
    [
        ("Gia Lai", 2026, "FY", "52@2025"),
        ("Gia Lai", 2024, "FY", "64@2008"),
        ("Bình Định", 2025, "M6", "52@2008"),  # first six months: still Bình Định
        ("52", 2024, "FY", "52@2008"),
        ("52", 2026, "FY", "52@2025"),
        ("Phú Yên", 2025, "Q2", "54@2008"),
        ("Thừa Thiên Huế", 2026, "FY", "46@2025"),  # renamed, same territory
    ],
)
def test_the_resolver_reads_names_and_codes_for_their_date(value, year, period, unit_id):
    assert units.resolve(value, year, period).id == unit_id


def test_a_merged_away_name_is_refused_after_the_merger_and_accepted_before():
    with pytest.raises(ParameterError, match=r"Bình Định joined Gia Lai \(52\) on 1 July 2025"):
        ProvinceReportParams(province="Bình Định", year=2026)
    with pytest.raises(ParameterError, match=r"joined Đắk Lắk \(66\)"):
        ProvinceReportParams(province="Phú Yên", year=2025, period="H2")
    assert ProvinceReportParams(province="Bình Định", year=2024).province == "52"
    assert ProvinceReportParams(province="Phú Yên", year=2025, period="M6").province == "54"
    # "Gia Lai" in 2026 is the new unit (52), not old Gia Lai's code 64.
    assert ProvinceReportParams(province="Gia Lai", year=2026).province == "52"
    with pytest.raises(UnknownProvinceError, match="Use code 52"):
        units.resolve("64", 2026)


def test_2025_is_split_by_the_merger():
    # M1..M6, Q1, Q2 end by 30 June 2025: the old map; FY, H2, Q3, Q4, M7.. the new one.
    assert [vintage_of(2025, p) for p in ("M6", "Q1", "Q2")] == ["2008"] * 3
    assert [vintage_of(2025, p) for p in ("FY", "H2", "Q3", "Q4", "M7")] == ["2025"] * 5
    assert vintage_of(2024, "FY") == "2008" and vintage_of(2026, "M6") == "2025"


def test_a_region_without_recorded_membership_is_refused_before_any_kernel():
    # region_members.csv records MTTN to 2030.
    with pytest.raises(ParameterError, match="Region MTTN has no recorded members for 2031"):
        ProvinceReportParams(province="Đắk Lắk", year=2031, region="MTTN")
    assert ProvinceReportParams(province="Đắk Lắk", year=2026).region == "MTTN"
    assert ProvinceReportParams(province="Hà Nội", year=2026).region == "VN"


def test_mttn_after_the_merger_is_its_8_successor_units():
    from kcanalysis.provinces import region_members

    assert region_members("MTTN", 2026) == ["44", "46", "48", "51", "52", "56", "66", "68"]
    assert len(region_members("MTTN", 2025, "M6")) == 15
    assert len(region_members("VN", 2026)) == 34 and len(region_members("VN", 2024)) == 63


def test_a_new_units_report_lists_its_predecessors_published_figures_by_name():
    rows = [_row("52", 2025, 15000)]
    report = _report(_data(rows), "Gia Lai", 2025)
    pub = report.published
    # published_figures.csv / _2020s.csv: old Gia Lai (64) and Bình Định (52) rows, each
    # labelled as a former province; nothing is labelled as new Gia Lai's own.
    assert len(pub) > 0
    assert set(pub["vintage"]) == {"2008"}
    assert set(pub["area_code"]) <= {"52", "64"}
    assert "Bình Định (tỉnh cũ, trước 1/7/2025)" in set(pub["who"])
    # Bình Định's 2024 report never shows a new Gia Lai (vintage 2025) figure.
    old = _report(_data([_row("52", 2024, 5000)]), "Bình Định", 2024)
    assert set(old.published["vintage"]) <= {"2008"}


def test_relative_data_paths_are_resolved_against_the_callers_folder(tmp_path, monkeypatch):
    (tmp_path / "own.csv").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    params = ProvinceReportParams(province="66", year=2024, data=["own.csv"])
    assert params.data == [str(tmp_path / "own.csv")]


def test_no_rise_is_stated_when_the_slopes_interval_spans_zero():
    rows = []
    # Real cost per trainee (2024 prices, million VND): 2021 10, 2022 12, 2023 9, 2024 11
    # (budget / 100 trainees, deflated). Theil-Sen pairwise slopes span both signs, so the
    # interval includes 0 and the summary must not say "tăng" or "giảm".
    for year, budget in {2021: 1000, 2022: 1200, 2023: 900, 2024: 1100}.items():
        rows += [_row("66", year, budget), _row("66", year, 100, indicator="trainees")]
    report = _report(_data(rows), "66", 2024)
    _, ts, _ = report.trend
    assert ts.low <= 0 <= ts.high
    trend = [f for f in report.findings if "xu hướng" in f or "mỗi năm" in f]
    assert len(trend) == 1 and trend[0].startswith(
        "Tổng kinh phí cho một học viên không có xu hướng rõ rệt"
    )
