"""No misleading statement in a report: each rule with a control that shows it can fail.

The sections are built in process (no notebook), so these tests are fast.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from kcanalysis import plots
from kcanalysis.plots import plot_dea_frontier, plot_ranking
from kcanalysis.sections import province_report, regional_overview
from kcanalysis.sections import shared as S  # noqa: N812
from kcanalysis.sections.ingest_words import ingest_message
from kcanalysis.sections.province import ProvinceReport

DATA = Path(__file__).parents[1] / "data" / "ingest"
#: Words that give English text away in a Vietnamese report.
ENGLISH = re.compile(
    r"\b(the|is|are|not|of|and|row|rows|amount|expected|unknown|duplicate|outside|"
    r"negative|unit|activity|year)\b"
)


@pytest.fixture(scope="module")
def dak_lak_2024():
    return province_report(province="Đắk Lắk", year=2024)


@pytest.fixture(scope="module")
def own_list():
    # One province's own project list (Đắk Nông 2011): four projects, no separate plan.
    return province_report(province="67", year=2011, data=[str(DATA / "projects_kp.csv")])


# --- the trend: a rise or a fall only when the interval excludes 0 ----------------------


def _with_trend(report: ProvinceReport, slope: float, low: float, high: float) -> list[str]:
    ts = SimpleNamespace(slope=slope, low=low, high=high, intercept=0.0)
    mk = SimpleNamespace(p=0.502, tau=0.15, n=13, method="normal", reportable=True)
    report.__dict__["trend"] = (pd.DataFrame(), ts, mk)
    report.__dict__.pop("findings", None)
    return [f for f in report.findings if "mỗi năm" in f]


def test_no_trend_is_stated_when_the_interval_spans_zero():
    # The case of the issue: slope 0.15 a year, interval -0.53 to 0.74.
    report = province_report(province="Đắk Lắk", year=2024)
    (line,) = _with_trend(report, 0.15, -0.53, 0.74)
    assert line.startswith("Tổng kinh phí cho một học viên không có xu hướng rõ rệt")
    assert "-0,53 đến 0,74" in line and "tăng" not in line


def test_a_rise_is_stated_when_the_interval_excludes_zero():
    # Control: the same slope with an interval 0.05 to 0.74 is a rise.
    report = province_report(province="Đắk Lắk", year=2024)
    (line,) = _with_trend(report, 0.15, 0.05, 0.74)
    assert "tăng khoảng 0,15" in line


# --- a project list is its own plan ----------------------------------------------------


def test_a_project_list_gives_no_fulfilment(own_list):
    f = own_list.fulfilment.set_index("indicator")
    # projects_kp.csv: 262,5 + 1.500 + 300 + 120 = 2.182,5 million VND, listed and done.
    assert f.loc["budget_kc", "actual"] == pytest.approx(2182.5)
    assert f["fulfilment_ratio"].isna().all() and f["planned"].isna().all()
    assert own_list.headline["budget_kc_plan_pct"] is None
    text = " ".join(own_list.findings) + own_list.schedule()
    assert "100,0%" not in text and not re.search(r"đạt [\d,]+%", text)
    assert "không có số kế hoạch riêng" in text


def test_a_separate_plan_still_gives_a_fulfilment(dak_lak_2024):
    # Control: the demo facts have their own plan: 5.329 / 5.914 = 90,1 %.
    f = dak_lak_2024.fulfilment.set_index("indicator")
    assert f.loc["budget_kc", "fulfilment_ratio"] == pytest.approx(5329 / 5914)
    assert "đạt 90,1% kế hoạch" in dak_lak_2024.findings[0]


# --- a regional median needs three provinces -------------------------------------------


def test_a_regional_median_needs_three_provinces():
    assert np.isnan(S.regional_median(pd.Series([4.0, 8.0])))
    assert S.regional_median(pd.Series([4.0, 8.0, 5.0, np.nan])) == 5.0  # median of 4, 5, 8


def test_one_provinces_file_shows_no_median_and_says_why(own_list):
    assert own_list.fulfilment["region_median"].isna().all()
    html = own_list.schedule()
    # One province alone: the note says a median needs 3 provinces and how to add them.
    assert "cần số liệu của ít nhất 3 tỉnh" in html and "--data" in html


def test_the_demo_region_has_its_median(dak_lak_2024):
    # Control: 15 provinces report spending in MTTN 2024, so the median is shown.
    assert dak_lak_2024.fulfilment.set_index("indicator").loc["budget_kc", "region_median"] > 0


# --- every quarantined row, with its reason in the report's language --------------------


def test_every_quarantined_row_is_listed_in_vietnamese():
    report = province_report(
        province="68", year=2017, data=[str(DATA / "canonical_quarantine.csv")]
    )
    html = report.data_quality()
    assert len(report.data.quarantined) == 8
    for file, cell, _ in report.data.quarantined:
        assert f"<td>{file}</td><td>{cell}</td>" in html
    reasons = [ingest_message(r, "vi") for _, _, r in report.data.quarantined]
    assert "số âm -8.300 ở cột thực hiện; số liệu phải không âm" in reasons
    assert not [r for r in reasons if ENGLISH.search(r)]
    assert "Các dòng bị cách ly khi đọc tệp số liệu" in html


def test_the_english_detector_sees_the_readers_own_words():
    # Control: the reader's English reasons are caught by the same pattern.
    report = province_report(
        province="68", year=2017, data=[str(DATA / "canonical_quarantine.csv")]
    )
    assert all(ENGLISH.search(ingest_message(r, "en")) for _, _, r in report.data.quarantined)


def test_an_unknown_reader_message_becomes_a_vietnamese_pointer():
    text = ingest_message("Sheet1!B7: something new went wrong", "vi")
    assert text.startswith("Sheet1!B7: ") and "kcanalysis validate" in text
    assert not ENGLISH.search(text)


# --- the DEA chart draws the model as it is ---------------------------------------------


def test_the_reports_dea_chart_has_no_one_output_frontier(monkeypatch, dak_lak_2024):
    seen = {}
    real = plots.plot_dea_frontier

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(plots, "plot_dea_frontier", spy)
    html = S.dea_figure(dak_lak_2024.dea, "vi", dak_lak_2024.num, dak_lak_2024.name)
    assert seen["frontier"] is False
    assert "Không vẽ đường biên: phép so sánh dùng hai đầu ra" in html  # the caption says why
    fig = real(
        dak_lak_2024.dea.assign(efficiency=dak_lak_2024.dea["crs"]),
        x="budget_kc_real",
        y="trainees",
        frontier=False,
    )
    assert fig.axes[0].get_lines() == []


def test_the_frontier_ray_is_drawn_when_asked():
    # Control: the same chart with the ray on has one line.
    df = pd.DataFrame(
        {"area_name": ["A", "B"], "x": [1.0, 2.0], "y": [1.0, 1.0], "efficiency": [1.0, 0.5]}
    )
    assert len(plot_dea_frontier(df, x="x", y="y").axes[0].get_lines()) == 1


# --- the caterpillar keeps every province ----------------------------------------------


def test_the_caterpillar_keeps_provinces_with_an_undefined_upper_limit(monkeypatch):
    seen = []
    real = plots.plot_ranking

    def spy(df, **kwargs):
        seen.append(df)
        return real(df, **kwargs)

    monkeypatch.setattr(plots, "plot_ranking", spy)
    report = regional_overview(region="MTTN", year=2024)
    html = report.ranking()
    (drawn,) = seen
    open_ended = drawn["ci_high_real_mvnd"].isna() & drawn["ci_low_real_mvnd"].notna()
    assert open_ended.any()  # the demo has such provinces, and they are drawn
    assert len(drawn) == len(report.data.projects.query("year == 2024")["area_code"].unique())
    assert "mũi tên" in html


def test_an_open_ended_bar_runs_to_the_edge_with_an_arrow():
    df = pd.DataFrame(
        {
            "area_name": ["A", "B", "C"],
            "estimate": [9.0, 12.0, 7.0],
            "low": [8.0, 10.0, 5.5],
            "high": [10.0, np.nan, 8.0],  # B: upper limit undefined
        }
    )
    ax = plot_ranking(df, lang="vi").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B", "A", "C"]
    (arrow,) = [ln for ln in ax.get_lines() if ln.get_marker() == ">"]
    # The edge is 1.1 x the largest finite value, 12: 13.2.
    assert list(arrow.get_xdata()) == pytest.approx([13.2])
    # Control: with every bound known there is no arrow.
    ax = plot_ranking(df.fillna(14.0), lang="vi").axes[0]
    assert not [ln for ln in ax.get_lines() if ln.get_marker() == ">"]


# --- Table 5: an output is charged only the activity that produced it -------------------


def test_cost_per_output_uses_the_producing_activities(dak_lak_2024):
    c = dak_lak_2024.cost_by_activity.set_index("output")
    # Demo facts, Đắk Lắk 2024: one model from DEMO, which spent 532 million VND.
    assert c.loc["models", "cost_per_unit_mvnd"] == pytest.approx(532.0)
    # Trainees: TRAIN 640 + MGMT 121 = 761 for 1.487,5 + 305,5 = 1.793 -> 2,356.
    assert c.loc["trainees", "cost_per_unit_mvnd"] == pytest.approx(1793 / 761)
    html = dak_lak_2024.quality()
    assert "Mô hình trình diễn kỹ thuật" in html and "532,0" in html
    # Control: the whole budget per model, 5.329, is what the old table showed.
    assert "5.329,0" not in html.split("Bảng")[1]


def test_outputs_without_an_activity_breakdown_get_no_cost(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text(
        "KẾT QUẢ KHUYẾN CÔNG NĂM 2024 TỈNH ĐẮK LẮK\n"
        "Chỉ tiêu,ĐVT,Kế hoạch,Thực hiện\n"
        "Kinh phí khuyến công,triệu đồng,500,480\n"
        "Số mô hình trình diễn,mô hình,2,2\n",
        encoding="utf-8",
    )
    report = province_report(province="66", year=2024, data=[str(path)])
    c = report.cost_by_activity.set_index("output")
    assert np.isnan(c.loc["models", "cost_per_unit_mvnd"]) if "cost_per_unit_mvnd" in c else True
    assert "không chia theo nội dung hoạt động" in c.loc["models", "reason"]
