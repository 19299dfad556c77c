"""The totals in a rendered report's tables equal the totals of the loaded facts."""

import pytest

from kcanalysis.reporting import render_report
from kcanalysis.sections.analysis import load_report_data

from .htmltables import read_tables, vi_number

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("lost")
    html = render_report("province_report", {"province": "Đắk Lắk", "year": 2024}, out)
    return read_tables(html.read_text(encoding="utf-8"))


def _facts(indicator, activity="ALL"):
    f = load_report_data().facts
    sel = f[
        (f["area_code"] == "66")
        & (f["year"] == 2024)
        & (f["period"] == "FY")
        & (f["level"] == "ALL")
        & (f["activity"] == activity)
        & (f["indicator"] == indicator)
    ]
    return sel.iloc[0]


@pytest.mark.parametrize(
    ("label", "indicator"),
    [
        ("Kinh phí khuyến công", "budget_kc"),
        ("Số học viên", "trainees"),
        ("Số đề án", "projects"),
        ("Số việc làm mới", "jobs_created"),
    ],
)
def test_headline_table_equals_the_facts(tables, label, indicator):
    table = tables["Bảng 1"].set_index("Chỉ tiêu")
    row = _facts(indicator)
    assert vi_number(table.loc[label, "Thực hiện"]) == round(row["actual"])
    assert vi_number(table.loc[label, "Kế hoạch"]) == round(row["planned"])


def test_activity_table_adds_up_to_the_total_spending(tables):
    mix = next(t for t in tables.values() if "Tỷ trọng" in t.columns and "Nội dung" in t.columns)
    total = mix["Thực hiện"].map(vi_number).sum()
    assert total == pytest.approx(_facts("budget_kc")["actual"], abs=0.05 * len(mix))
    assert mix["Tỷ trọng"].map(vi_number).sum() == pytest.approx(100, abs=0.1 * len(mix))
