"""The totals in a rendered report's tables equal the totals of the loaded facts."""

from pathlib import Path

import pytest

from kcanalysis.panel import load_report_data
from kcanalysis.reporting import render_report

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


GOOD_FIXTURES = sorted(
    p
    for p in (Path(__file__).parents[1] / "data" / "ingest").iterdir()
    if p.suffix in (".csv", ".xlsx", ".xls")
    and not p.name.startswith(("broken_", "many_"))
    and "title_conflict" not in p.name
)


def _report_keys(facts):
    from kcanalysis import provinces
    from kcanalysis.periods import vintage_of

    cols = ["area_code", "vintage", "year", "period"]
    keys = facts[cols].drop_duplicates().itertuples(index=False)
    # A report is about the map of its year and period; a pre-merger province's own
    # programme-period total (vintage 2008, ending in 2025) has no report of its own.
    return [
        k
        for k in keys
        if k.area_code in provinces.codes() and k.vintage == vintage_of(k.year, k.period)
    ]


@pytest.mark.parametrize("fixture", GOOD_FIXTURES, ids=lambda p: p.name)
def test_every_good_fixture_reports_the_totals_it_loaded(fixture):
    # For each province-year-period a fixture holds, the headline table of the report built
    # on that file shows exactly the loaded totals (all levels, all activities).
    from kcanalysis import add_totals, load, vocab
    from kcanalysis.params import ProvinceReportParams
    from kcanalysis.sections.province import ProvinceReport

    facts = add_totals(load(fixture).facts)
    keys = _report_keys(facts)
    assert keys, f"{fixture.name} holds no province figures"
    compared = 0
    for key in keys:
        params = ProvinceReportParams(
            province=key.area_code, year=int(key.year), period=key.period, data=[str(fixture)]
        )
        report = ProvinceReport(params)
        table = read_tables(report.schedule())["Bảng 1"].set_index("Chỉ tiêu")
        rows = facts[
            (facts["area_code"] == key.area_code)
            & (facts["year"] == key.year)
            & (facts["period"] == key.period)
            & (facts["level"] == "ALL")
            & (facts["activity"] == "ALL")
        ]
        for row in rows.itertuples():
            label = vocab.indicator_label(row.indicator, "vi")
            if label not in table.index or row.actual != row.actual:
                continue
            shown = vi_number(table.loc[label, "Thực hiện"])
            assert shown == round(row.actual), (fixture.name, key, row.indicator)
            compared += 1
    plans_only = facts["actual"].isna().all()
    assert compared > 0 or plans_only, f"{fixture.name}: no loaded total was compared"
