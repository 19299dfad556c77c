"""A regional overview worth sending, and a report on one province's own file.

Sections are built in process (fast); each rule has a control.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kcanalysis import plots
from kcanalysis.plots import plot_funnel
from kcanalysis.sections import province_report, regional_overview

DATA = Path(__file__).parents[1] / "data" / "ingest"


@pytest.fixture(scope="module")
def m8():
    return regional_overview(region="MTTN", year=2011, period="M8")


@pytest.fixture(scope="module")
def fy2024():
    return regional_overview(region="MTTN", year=2024)


# --- the regional overview ------------------------------------------------------------


def test_the_jan_aug_2011_overview_shows_the_seed_figures_per_province(m8):
    rows = m8.rows
    assert len(rows) == 15
    # The seed article: more than 7.700 rural workers trained plus 1.150 in management,
    # 8.850 trainees in all; the demo panel is built to add up to them.
    assert rows["trainees"].sum() == 8850
    html = m8.provinces_table()
    assert "Số liệu chính theo tỉnh" in html and "Quảng Bình" in html and "Lâm Đồng" in html
    assert "Số học viên: 8.850." in m8.header()


def test_empty_sections_are_folded_into_one_note(m8, fy2024):
    head = m8.header()
    assert "Kỳ này không có: xếp hạng có khoảng tin cậy, biểu đồ phễu. Lý do: hai mục" in head
    assert m8.ranking() == "" and m8.funnel() == ""
    assert "3. Đường biên hiệu quả" in m8.frontier()  # numbered among the sections shown
    # Control: with the project lists of a full year both sections are there.
    assert "Kỳ này không có" not in fy2024.header()
    assert "3. Xếp hạng có khoảng tin cậy" in fy2024.ranking()


def test_the_summary_box_adds_up_the_table(fy2024):
    rows = fy2024.rows
    due, ok = int(rows["n_due"].sum()), int(rows["n_on_time"].sum())
    pct = f"{100 * ok / due:.1f}".replace(".", ",")
    assert f"{ok}/{due} đề án đến hạn hoàn thành đúng hạn ({pct}%)." in fy2024.header()


def test_why_15_provinces_and_not_14_is_said_before_the_merger(m8):
    assert "Bài báo ngày 16/09/2011 nói 14 tỉnh" in m8.header()
    # Control: the post-merger region has its 8 units and no such note.
    assert "14 tỉnh" not in regional_overview(region="MTTN", year=2026).header()


def test_the_charts_carry_the_tables_row_numbers(monkeypatch, fy2024):
    seen = {}
    real = plots.plot_funnel

    def spy(df, **kwargs):
        seen["df"], seen["numbers"] = df, kwargs.get("numbers")
        return real(df, **kwargs)

    monkeypatch.setattr(plots, "plot_funnel", spy)
    fy2024.funnel()
    assert seen["numbers"] == "no"
    numbers = dict(zip(fy2024.rows["area_name"], fy2024.rows["no"], strict=True))
    assert seen["df"]["no"].tolist() == seen["df"]["area_name"].map(numbers).tolist()


def test_number_points_writes_each_number_on_the_chart():
    df = pd.DataFrame(
        {"area_name": ["A", "B", "C"], "denominator": [4.0, 8.0, 12.0], "value": [0.5, 0.6, 0.7]}
    )
    with_numbers = plot_funnel(df.assign(no=[1, 2, 3]), target=0.6, numbers="no").axes[0]
    texts = [t.get_text() for t in with_numbers.texts]
    assert {"1", "2", "3"} <= set(texts)
    # Control: without the option no number is written.
    assert not {"1", "2", "3"} & {t.get_text() for t in plot_funnel(df, target=0.6).axes[0].texts}


# --- one province's own file ----------------------------------------------------------


@pytest.fixture(scope="module")
def own():
    return province_report(province="67", year=2011, data=[str(DATA / "projects_kp.csv")])


def test_one_province_gets_one_sentence_instead_of_the_peer_sections(own):
    html = own.quality()
    assert "So sánh với các tỉnh khác" in html and "--data" in html
    assert "biểu đồ phễu của vùng" not in html.replace("biểu đồ phễu, hiệu quả", "")
    assert "Hình" not in html and "Trung vị vùng" not in own.schedule().split("kc-note")[0]


def test_the_demo_region_keeps_its_peer_sections():
    # Control: 15 provinces with data, so the funnel and the efficiency comparison stay.
    html = province_report(province="Đắk Lắk", year=2024).quality()
    assert "Vị trí trên biểu đồ phễu của vùng" in html and "So sánh với các tỉnh khác" not in html


def test_no_table_of_dashes_and_no_one_bar_chart(own, tmp_path):
    # The list gives no end dates: one sentence, not a row "4 | 0 | 0 | 0 | –".
    html = own.schedule()
    assert "Chưa tính được tỷ lệ đúng hạn" in html and "Tỷ lệ đúng hạn</th>" not in html
    path = tmp_path / "one.csv"
    path.write_text(
        "KẾT QUẢ KHUYẾN CÔNG NĂM 2024 TỈNH ĐẮK LẮK\n"
        "Chỉ tiêu,ĐVT,Kế hoạch,Thực hiện\n"
        "Kinh phí khuyến công,triệu đồng,500,480\n",
        encoding="utf-8",
    )
    one_bar = province_report(province="66", year=2024, data=[str(path)]).schedule()
    assert "Hình" not in one_bar  # 480 / 500 = 96 % is in Table 1; one bar is no chart
    assert "96,0%" in one_bar
    # Control: the demo report, with six indicators against plan, has its Figure 1.
    assert "Hình 1." in province_report(province="Đắk Lắk", year=2024).schedule()
