"""Programme periods as the sum of their years; every number worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kcanalysis import programme
from kcanalysis.aggregate import add_totals
from kcanalysis.errors import ParameterError
from kcanalysis.params import ProgrammeReviewParams
from kcanalysis.schema import validate_facts


def _row(code, year, actual=np.nan, planned=np.nan, period="FY", vintage="", ind="budget_kc"):
    return {
        "area_code": code,
        "area_name": "x",
        "vintage": vintage,
        "year": year,
        "period": period,
        "level": "ALL",
        "activity": "ALL",
        "indicator": ind,
        "unit": "million VND" if ind.startswith("budget") else "persons",
        "planned": planned,
        "actual": actual,
        "qualifier": "",
        "source": "hand-made test table",
        "note": "",
    }


def _facts(rows):
    return add_totals(validate_facts(pd.DataFrame(rows), "test"))


# New Đắk Lắk (66) = old Đắk Lắk (66) + Phú Yên (54) from 1 July 2025.
ACROSS = [
    _row("66", 2023, 1000, planned=1100),
    _row("54", 2023, 500, planned=500),
    _row("66", 2024, 1200, planned=1200),
    _row("54", 2024, 600, planned=700),
    _row("66", 2025, 2000, planned=2000),
    # the province's own total for the period, as the new department reported it
    _row("66", 2025, 5600, period="P2021-2025", vintage="2025"),
]


def test_a_period_sum_crosses_the_merger_with_predecessor_sums():
    totals = programme.period_totals(_facts(ACROSS), "66", "P2021-2025", 2025)
    b = totals.set_index("indicator").loc["budget_kc"]
    # 2023: 1.000 + 500 = 1.500; 2024: 1.200 + 600 = 1.800; 2025: 2.000 (own).
    # Sum 1.500 + 1.800 + 2.000 = 5.300 over 3 years; 2021 and 2022 have no figures.
    assert b["actual_sum"] == 5300
    assert b["n_years"] == 3 and b["missing_years"] == "2021, 2022"
    assert b["basis"] == "predecessors"
    # Plans 1.600 + 1.900 + 2.000 = 5.500; 5.300 / 5.500 = 0,96364.
    assert b["fulfilment_ratio"] == pytest.approx(5300 / 5500)
    table = programme.yearly_table(_facts(ACROSS), "66", "P2021-2025", 2025)
    budget = table[table["indicator"] == "budget_kc"]
    assert budget["basis"].tolist() == ["predecessors", "predecessors", "own"]


def test_a_reported_period_total_that_disagrees_with_the_sum_is_flagged():
    b = programme.period_totals(_facts(ACROSS), "66", "P2021-2025", 2025).iloc[0]
    # Reported 5.600 against the sum 5.300: 300 > max(0,5; 0,05 % of 5.300 = 2,65).
    assert b["reported_actual"] == 5600 and b["differs"]
    agree = [*ACROSS[:-1], _row("66", 2025, 5301, period="P2021-2025", vintage="2025")]
    b = programme.period_totals(_facts(agree), "66", "P2021-2025", 2025).iloc[0]
    assert not b["differs"]  # 1 < 2,65: rounding


def test_constant_prices_are_deflated_year_by_year():
    table = programme.yearly_table(_facts(ACROSS), "66", "P2021-2025", 2025)
    real = table[table["indicator"] == "budget_kc"].set_index("year")["actual_real"]
    # cpi_vietnam.csv: 2024 +3,63 %, 2025 +3,31 %. At 2025 prices:
    # 2023: 1.500 x 1,0363 x 1,0331 = 1.605,88; 2024: 1.800 x 1,0331 = 1.859,58; 2025: 2.000.
    assert real[2023] == pytest.approx(1500 * 1.0363 * 1.0331)
    assert real[2024] == pytest.approx(1800 * 1.0331)
    assert real[2025] == pytest.approx(2000)


def test_fulfilment_against_a_programme_target():
    # Huế (46): same territory before and after the merger (Thừa Thiên Huế renamed).
    rows = [_row("46", y, 1000) for y in range(2021, 2026)]
    rows.append(_row("46", 2025, planned=6000, period="P2021-2025", vintage="2008"))
    b = programme.period_totals(_facts(rows), "46", "P2021-2025", 2025).iloc[0]
    # 5 years x 1.000 = 5.000 against the approved 6.000: 5.000 / 6.000 = 83,3 %.
    assert b["actual_sum"] == 5000 and b["target"] == 6000
    assert b["reached_ratio"] == pytest.approx(5000 / 6000)


def test_the_pace_of_the_2026_2030_programme():
    rows = [
        _row("66", 2030, planned=10000, period="P2026-2030", vintage="2025"),
        _row("66", 2026, 1500),
        _row("66", 2027, 2500),
    ]
    pace = programme.pace(_facts(rows), "66", 2027, "P2026-2030")
    # After 2 of 5 years: 1.500 + 2.500 = 4.000 of 10.000 (40 %); the 3 years left need
    # (10.000 - 4.000) / 3 = 2.000 a year.
    assert (pace["years_done"], pace["years_total"]) == (2, 5)
    assert pace["cumulative"] == 4000 and pace["share"] == pytest.approx(0.4)
    assert pace["needed_per_year"] == pytest.approx(2000)
    assert programme.pace(_facts(rows[1:]), "66", 2027, "P2026-2030") is None  # no plan


def test_periods_and_review_parameters():
    assert programme.previous_period("P2021-2025") == "P2016-2020"
    assert programme.running_period(2027) == "P2026-2030"
    assert programme.running_period(2025) == "P2021-2025"
    params = ProgrammeReviewParams(province="Gia Lai", period="P2021-2025")
    assert (params.province, params.year) == ("52", 2025)  # the new Gia Lai
    with pytest.raises(ParameterError, match="the period's last year"):
        ProgrammeReviewParams(province="66", year=2024, period="P2021-2025")
    with pytest.raises(ParameterError, match="programme period"):
        ProgrammeReviewParams(province="66", year=2025, period="FY")
