"""Bootstrap intervals for cost per output and leverage from project lists."""

from __future__ import annotations

import math

import numpy as np
import pytest

from kcanalysis.aggregate import aggregate
from kcanalysis.indicators import cost_ci, cost_effectiveness, leverage_ci

FACTOR_2013_TO_2015 = (1 + 4.08455447 / 100) * (1 + 0.63120091 / 100)  # cpi_vietnam.csv


def _training_projects(make_projects, n, year=2015):
    # Budgets 100, 110, ..., trainees 10, 12, ...: varied so the bootstrap has spread.
    return make_projects(
        *[
            dict(
                year=year,
                level="KCDP" if i % 2 else "KCQG",
                budget_kc=100.0 + 10 * i,
                trainees=10.0 + 2 * i,
                jobs_created=None,
            )
            for i in range(n)
        ]
    )


def test_cost_ci_estimate_is_ratio_of_sums(make_projects, one):
    projects = _training_projects(make_projects, 4)
    out = cost_ci(projects, base_year=2015, outputs=["trainees"])
    total = one(out, level="ALL")
    # (100 + 110 + 120 + 130) / (10 + 12 + 14 + 16) = 460 / 52 = 8.846
    assert total["cost_per_unit_mvnd"] == pytest.approx(460 / 52)
    assert total["budget_kc_mvnd"] == 460 and total["output_count"] == 52
    assert total["n_projects"] == 4
    assert total["ci_low_mvnd"] <= total["cost_per_unit_mvnd"] <= total["ci_high_mvnd"]
    assert total["ci_low_mvnd"] < total["ci_high_mvnd"]
    # n = 4 < 10: percentile interval
    assert total["ci_method"] == "percentile"
    # KCQG: projects 0 and 2: (100 + 120) / (10 + 14) = 220 / 24
    assert one(out, level="KCQG")["cost_per_unit_mvnd"] == pytest.approx(220 / 24)
    # the same point estimate as cost_effectiveness on the aggregated projects
    facts_cost = cost_effectiveness(aggregate(projects), base_year=2015, outputs=["trainees"])
    assert one(facts_cost, level="ALL")["cost_per_unit_mvnd"] == pytest.approx(460 / 52)


def test_cost_ci_bca_from_ten_projects_and_seeded(make_projects, one):
    projects = _training_projects(make_projects, 12)
    a = cost_ci(projects, base_year=2015, outputs=["trainees"], levels=["ALL"])
    b = cost_ci(projects, base_year=2015, outputs=["trainees"], levels=["ALL"])
    assert one(a, level="ALL")["ci_method"] == "BCa"
    # same seed, same interval
    assert a["ci_low_mvnd"].iloc[0] == b["ci_low_mvnd"].iloc[0]
    other = cost_ci(projects, base_year=2015, outputs=["trainees"], levels=["ALL"], seed=7)
    assert other["ci_low_mvnd"].iloc[0] != a["ci_low_mvnd"].iloc[0]


def test_cost_ci_constant_prices(make_projects, one):
    projects = _training_projects(make_projects, 4, year=2013)
    row = one(cost_ci(projects, base_year=2015, outputs=["trainees"]), level="ALL")
    # every bound scales by CPI(2015) / CPI(2013) = 1.0474153712
    for nominal, real in [
        ("cost_per_unit_mvnd", "cost_per_unit_real_mvnd"),
        ("ci_low_mvnd", "ci_low_real_mvnd"),
        ("ci_high_mvnd", "ci_high_real_mvnd"),
    ]:
        assert row[real] == pytest.approx(row[nominal] * FACTOR_2013_TO_2015)


def test_cost_ci_zero_missing_and_single_project(make_projects, one):
    projects = make_projects(
        dict(level="KCQG", budget_kc=100.0, trainees=0.0, models=None),
        dict(level="KCDP", budget_kc=50.0, trainees=5.0, models=None),
    )
    out = cost_ci(projects, base_year=2015, outputs=["trainees", "models"])
    zero = one(out, level="KCQG", output="trainees")
    assert math.isnan(zero["cost_per_unit_mvnd"]) and math.isnan(zero["ci_low_mvnd"])
    assert zero["reason"] == "number of trainees is zero"
    missing = one(out, level="ALL", output="models")
    assert math.isnan(missing["cost_per_unit_mvnd"])
    assert missing["reason"] == "number of demonstration models not reported"
    single = one(out, level="KCDP", output="trainees")
    assert single["cost_per_unit_mvnd"] == pytest.approx(10.0)  # 50 / 5
    assert math.isnan(single["ci_low_mvnd"]) and math.isnan(single["ci_high_mvnd"])
    assert "no interval" in single["reason"]


def test_cost_ci_leaves_out_cancelled_and_filters_activity(make_projects, one):
    projects = make_projects(
        dict(activity="TRAIN", budget_kc=100.0, trainees=10.0),
        dict(activity="TRAIN", budget_kc=200.0, trainees=30.0),
        dict(activity="TRAIN", status="cancelled", budget_kc=999.0, trainees=1.0),
        dict(activity="DEMO", budget_kc=500.0, models=1.0),
    )
    everything = one(cost_ci(projects, base_year=2015, outputs=["trainees"]), level="ALL")
    # (100 + 200 + 500) / (10 + 30 + 0) = 20; the cancelled project is left out
    assert everything["cost_per_unit_mvnd"] == pytest.approx(20.0)
    training = one(
        cost_ci(projects, base_year=2015, outputs=["trainees"], activities=["TRAIN"]),
        level="ALL",
    )
    # (100 + 200) / (10 + 30) = 7.5
    assert training["cost_per_unit_mvnd"] == pytest.approx(7.5)
    assert training["activity"] == "TRAIN"


def test_leverage_ci(make_projects, one):
    projects = make_projects(
        *[dict(budget_kc=100.0, budget_counterpart=float(c)) for c in (100, 150, 200, 250, 300)]
    )
    row = one(leverage_ci(projects), level="ALL")
    # (100 + 150 + 200 + 250 + 300) / (5 * 100) = 1000 / 500 = 2
    assert row["leverage_ratio"] == pytest.approx(2.0)
    assert row["ci_low"] < 2.0 < row["ci_high"]
    assert np.isfinite(row["ci_low"]) and row["ci_method"] == "percentile"
