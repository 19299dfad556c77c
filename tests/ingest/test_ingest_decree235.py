"""Decree 235/2025 activities in a 2026 project list (projects_decree235, made up)."""

from __future__ import annotations

import pytest

from kcanalysis.ingest import load

# By hand from the fixture (million VND): MACH 400; DIGI 350 + 250 = 600 (2 projects);
# SUST 500; ARTI 120; INTL 80; the total 400 + 600 + 500 + 120 + 80 = 1.700 agrees with
# "Tổng cộng". Disbursed: DIGI 300 + 250 = 550, SUST 450, ARTI 120, INTL 60.
EXPECTED = {
    # activity: (projects, budget_kc, disbursed)
    "MACH": (1, 400, 380),
    "DIGI": (2, 600, 550),
    "SUST": (1, 500, 450),
    "ARTI": (1, 120, 120),
    "INTL": (1, 80, 60),
}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_decree_235_heading_loads_under_its_activity(data, suffix):
    loaded = load(data / f"projects_decree235{suffix}")
    facts = loaded.facts
    report = loaded.report
    assert (report.area_code, report.year) == ("66", 2026)
    assert report.quarantined == 0  # no project left out for its heading
    assert set(facts["vintage"]) == {"2025"}  # new Đắk Lắk, not the pre-merger province
    got = facts.set_index(["activity", "indicator"])["actual"]
    for activity, (n, budget, disbursed) in EXPECTED.items():
        assert got[(activity, "projects")] == n, activity
        assert got[(activity, "budget_kc")] == budget, activity
        assert got[(activity, "disbursed")] == disbursed, activity
    assert facts.loc[facts["indicator"] == "budget_kc", "actual"].sum() == 1700
