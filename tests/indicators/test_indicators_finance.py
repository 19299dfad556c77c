"""Disbursement rate and on-time completion, on hand-worked frames."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kcanalysis.errors import ParameterError
from kcanalysis.indicators import disbursement_rate, on_time_completion


def test_disbursement_published_mttn_2013(make_facts):
    # vietnamplus.vn (2013): 23 343 million VND disbursed by September, "60.97% of the
    # year's plan" of 38 285 -> 23343 / 38285 = 0.60972
    facts = make_facts(
        dict(area="MTTN", year=2013, period="FY", indicator="budget_kc", planned=38285),
        dict(area="MTTN", year=2013, period="M9", indicator="disbursed", actual=23343),
    )
    out = disbursement_rate(facts, plan_period="FY")
    row = out[out["period"] == "M9"].iloc[0]
    assert row["disbursement_pct"] == pytest.approx(60.97, abs=0.005)
    assert row["budget_kc_planned_mvnd"] == 38285 and row["disbursed_mvnd"] == 23343
    assert row["plan_period"] == "FY"
    # Without plan_period, M9 is not compared with the FY plan
    same = disbursement_rate(facts)
    m9 = same[same["period"] == "M9"].iloc[0]
    assert math.isnan(m9["disbursement_ratio"])
    assert m9["reason"] == "planned budget not reported"


def test_disbursement_matched_total_and_zero_plan(make_facts, one):
    facts = make_facts(
        dict(level="KCQG", activity="DEMO", indicator="budget_kc", planned=400),
        dict(level="KCQG", activity="DEMO", indicator="disbursed", actual=100),
        dict(level="KCDP", activity="DEMO", indicator="budget_kc", planned=600),
        dict(level="KCDP", activity="DEMO", indicator="disbursed", actual=450),
        dict(level="KCDP", activity="TRAIN", indicator="budget_kc", planned=0),
        dict(level="KCDP", activity="TRAIN", indicator="disbursed", actual=0),
    )
    out = disbursement_rate(facts, activities=None)
    # ALL, ALL: (100 + 450 + 0) / (400 + 600 + 0) = 0.55
    total = one(out, level="ALL", activity="ALL")
    assert total["disbursement_ratio"] == pytest.approx(0.55)
    assert total["disbursement_pct"] == pytest.approx(55.0)
    zero = one(out, level="KCDP", activity="TRAIN")
    assert math.isnan(zero["disbursement_ratio"])
    assert zero["reason"] == "planned budget is zero"


def _dated(make_projects):
    return make_projects(
        # on time: finished on its planned end
        dict(level="KCDP", planned_end="2015-10-31", actual_end="2015-10-31"),
        # late: finished 5 days after its planned end
        dict(level="KCDP", planned_end="2015-10-31", actual_end="2015-11-05"),
        # overdue: unfinished, planned end passed before as_of (2015-12-31) -> late
        dict(
            level="KCDP",
            status="ongoing",
            planned_end="2015-12-01",
            actual_end=None,
            completion_pct=60.0,
        ),
        # not yet due on 2015-12-31: excluded, counted
        dict(
            level="KCDP",
            status="ongoing",
            planned_end="2016-03-31",
            actual_end=None,
            completion_pct=30.0,
        ),
        # cancelled: excluded, counted
        dict(level="KCDP", status="cancelled", planned_end="2015-06-30", actual_end=None),
        # completed without a finish date: excluded, counted as undated
        dict(level="KCQG", status="completed", planned_end="2015-09-30", actual_end=None),
        # KCQG on time: finished before its planned end
        dict(level="KCQG", planned_end="2015-09-30", actual_end="2015-09-15"),
    )


def test_on_time_completion_by_hand(make_projects, one):
    out = on_time_completion(_dated(make_projects), as_of="2015-12-31")
    kcdp = one(out, level="KCDP")
    # due = on time 1 + late 2 (one finished late, one overdue) = 3 -> 1 / 3
    assert kcdp["on_time_ratio"] == pytest.approx(1 / 3)
    assert (kcdp["n_projects"], kcdp["n_cancelled"], kcdp["n_not_due"]) == (5, 1, 1)
    assert (kcdp["n_due"], kcdp["n_on_time"], kcdp["n_late"], kcdp["n_overdue"]) == (3, 1, 2, 1)
    kcqg = one(out, level="KCQG")
    assert kcqg["n_undated"] == 1 and kcqg["on_time_ratio"] == pytest.approx(1.0)
    # ALL pools both: (1 + 1) / (3 + 1) = 0.5
    total = one(out, level="ALL")
    assert total["on_time_ratio"] == pytest.approx(0.5)
    assert total["on_time_pct"] == pytest.approx(50.0)
    assert total["n_projects"] == 7
    assert total["as_of"] == pd.Timestamp("2015-12-31")
    assert total["area_name"] == "Đắk Lắk" and total["period"] == "FY"


def test_on_time_as_of_and_grace(make_projects, one):
    projects = _dated(make_projects)
    # Read on 2015-11-30, the unfinished project due 2015-12-01 is not yet due:
    # KCDP due = 2 (on time 1, late 1) -> 0.5
    early = one(on_time_completion(projects, as_of="2015-11-30"), level="KCDP")
    assert early["on_time_ratio"] == pytest.approx(0.5)
    assert early["n_not_due"] == 2
    # With 7 days' grace the project 5 days late counts as on time: 2 / 3
    grace = one(on_time_completion(projects, as_of="2015-12-31", grace_days=7), level="KCDP")
    assert grace["on_time_ratio"] == pytest.approx(2 / 3)
    with pytest.raises(ParameterError):
        on_time_completion(projects, grace_days=-1)


def test_on_time_nothing_due_gives_nan_and_reason(make_projects):
    projects = make_projects(
        dict(status="ongoing", planned_end="2016-06-30", actual_end=None, completion_pct=10.0),
    )
    out = on_time_completion(projects, as_of="2015-12-31", levels=["ALL"])
    row = out.iloc[0]
    assert math.isnan(row["on_time_ratio"])
    assert row["reason"] == "no project due by 2015-12-31"
    cancelled = make_projects(dict(status="cancelled", actual_end=None))
    row = on_time_completion(cancelled, as_of="2015-12-31", levels=["ALL"]).iloc[0]
    assert row["reason"] == "every project cancelled"
