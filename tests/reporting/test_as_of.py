"""A report reads project status on the last day of its period, not on the day it runs."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from kcanalysis.indicators import finance
from kcanalysis.panel import load_report_data
from kcanalysis.params import ProvinceReportParams
from kcanalysis.sections.province import ProvinceReport


def _clock(today: date) -> type:
    class Moved(date):
        @classmethod
        def today(cls):
            return today

    return Moved


@pytest.fixture(scope="module")
def unfinished():
    # The demo list with one 2024 project of Đắk Lắk (66) still in progress, planned to
    # end on 30 November 2024: late when read on 31 December 2024, not yet due when
    # read on 1 October 2024.
    demo = load_report_data()
    pr = demo.projects.copy()
    idx = pr[(pr["area_code"] == "66") & (pr["year"] == 2024)].index[0]
    pr.loc[idx, "status"] = "ongoing"
    pr.loc[idx, "actual_end"] = None
    pr.loc[idx, "planned_end"] = "2024-11-30"
    return dataclasses.replace(demo, projects=pr)


def test_rendering_with_the_clock_moved_gives_the_same_sections(monkeypatch, unfinished):
    params = ProvinceReportParams.from_dict({"province": "Đắk Lắk", "year": 2024})
    html, due = [], []
    for today in (date(2024, 10, 1), date(2027, 6, 1)):
        monkeypatch.setattr(finance, "date", _clock(today))
        report = ProvinceReport(params, unfinished)
        html.append(report.schedule() + report.quality())
        due.append(int(report.on_time["n_due"].iloc[0]))
    assert due[0] == due[1]
    assert html[0] == html[1]
