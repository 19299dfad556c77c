import numpy as np
import pandas as pd

from kcanalysis.aggregate import add_totals, aggregate, combine_qualifiers
from kcanalysis.schema import validate_facts, validate_projects

BASE = {
    "area_code": "66",
    "year": 2021,
    "level": "KCDP",
    "title": "t",
    "beneficiary": "b",
    "budget_counterpart": 0.0,
    "participants": None,
    "models": None,
    "establishments": None,
    "jobs_created": None,
    "completion_pct": 100.0,
    "planned_end": "2021-10-01",
    "actual_end": "2021-10-01",
    "source": "hand",
}


def _projects():
    rows = [
        {
            **BASE,
            "project_id": "a",
            "activity": "TRAIN",
            "status": "accepted",
            "budget_kc": 100.0,
            "disbursed": 90.0,
            "trainees": 20.0,
        },
        {
            **BASE,
            "project_id": "b",
            "activity": "TRAIN",
            "status": "completed",
            "budget_kc": 300.0,
            "disbursed": 300.0,
            "trainees": 20.0,
            "budget_counterpart": 50.0,
        },
        {
            **BASE,
            "project_id": "c",
            "activity": "TRAIN",
            "status": "cancelled",
            "budget_kc": 80.0,
            "disbursed": 0.0,
            "trainees": None,
            "actual_end": None,
            "completion_pct": None,
        },
        {
            **BASE,
            "project_id": "d",
            "activity": "DEMO",
            "status": "ongoing",
            "level": "KCQG",
            "budget_kc": 500.0,
            "disbursed": 200.0,
            "trainees": None,
            "models": 1.0,
            "completion_pct": 60.0,
            "actual_end": None,
        },
    ]
    return validate_projects(pd.DataFrame(rows))


def _get(facts, level, activity, indicator, column="actual"):
    sel = facts[
        (facts["level"] == level)
        & (facts["activity"] == activity)
        & (facts["indicator"] == indicator)
    ]
    return sel[column].item()


def test_aggregate_by_hand():
    facts = aggregate(_projects())
    # TRAIN: 3 listed (planned), 2 not cancelled (actual); budget planned 100+300+80 = 480,
    # actual 100+300 = 400; trainees 20+20 = 40; 1 accepted; disbursed 90+300 = 390.
    assert _get(facts, "KCDP", "TRAIN", "projects", "planned") == 3
    assert _get(facts, "KCDP", "TRAIN", "projects") == 2
    assert _get(facts, "KCDP", "TRAIN", "budget_kc", "planned") == 480
    assert _get(facts, "KCDP", "TRAIN", "budget_kc") == 400
    assert _get(facts, "KCDP", "TRAIN", "trainees") == 40
    assert _get(facts, "KCDP", "TRAIN", "projects_accepted") == 1
    assert _get(facts, "KCDP", "TRAIN", "disbursed") == 390
    # budget_total = extension + counterpart: 100 + (300 + 50) = 450.
    assert _get(facts, "KCDP", "TRAIN", "budget_total") == 450
    # DEMO: 1 model at 60 % completion counts as more than half complete.
    assert _get(facts, "KCQG", "DEMO", "models_over_half_complete") == 1
    assert not ((facts["activity"] == "TRAIN") & (facts["indicator"] == "models")).any()


def test_add_totals_sums_levels_and_activities_without_overwriting():
    facts = add_totals(aggregate(_projects()))
    # ALL levels, ALL activities budget_kc: 400 (TRAIN, KCDP) + 500 (DEMO, KCQG) = 900.
    assert _get(facts, "ALL", "ALL", "budget_kc") == 900
    assert _get(facts, "KCDP", "ALL", "budget_kc") == 400
    assert _get(facts, "ALL", "TRAIN", "trainees") == 40
    again = add_totals(facts)
    assert len(again) == len(facts)


def test_add_totals_carries_qualifiers_and_partial_plans():
    rows = [
        {
            "area_code": "66",
            "area_name": "Đắk Lắk",
            "year": 2014,
            "period": "FY",
            "level": lvl,
            "activity": "TRAIN",
            "indicator": "budget_kc",
            "unit": "million VND",
            "planned": plan,
            "actual": act,
            "qualifier": q,
            "source": "s",
            "note": "",
        }
        for lvl, plan, act, q in (("KCQG", np.nan, 210.0, ""), ("KCDP", 3000.0, 3000.0, ">"))
    ]
    facts = add_totals(validate_facts(pd.DataFrame(rows)))
    total = facts[(facts["level"] == "ALL") & (facts["activity"] == "TRAIN")].iloc[0]
    assert total["actual"] == 3210 and total["qualifier"] == ">"
    assert total["note"] == "plan given for 1 of 2 parts"


def test_combine_qualifiers():
    assert combine_qualifiers(["", ""]) == ""
    assert combine_qualifiers(["", ">"]) == ">"
    assert combine_qualifiers([">", "<"]) == "~"
    assert combine_qualifiers(["~", ""]) == "~"


def _published_total(area, year):
    from kcanalysis.datasets import load_published

    facts = add_totals(load_published())
    sel = facts[
        (facts["area_code"] == area)
        & (facts["year"] == year)
        & (facts["period"] == "FY")
        & (facts["level"] == "ALL")
        & (facts["activity"] == "ALL")
        & (facts["indicator"] == "budget_kc")
    ]
    return sel.iloc[0]


def test_reported_level_total_wins_over_a_partial_activity_breakdown():
    # Bình Định 2017 (published_figures.csv): KCDP plan 2.520 million VND; the activity
    # rows (262,5 + 60 + 162,5 = 485) cover only part of it. The overall total is 2.520.
    row = _published_total("52", 2017)
    assert row["planned"] == 2520


def test_level_totals_give_an_overall_total_with_qualifier():
    # Đắk Lắk 2014: KCQG 210 + KCDP "more than" 3.000 = more than 3.210 million VND.
    row = _published_total("66", 2014)
    assert row["actual"] == 3210 and row["qualifier"] == ">"


def test_add_totals_combines_qualifiers_of_every_mix_like_combine_qualifiers():
    # Each group of two to three activity rows gets one mix of qualifiers; the total's
    # qualifier must be what combine_qualifiers says for that mix (the vectorised rule in
    # add_totals is checked against the plain one, over every mix of up to three marks).
    import itertools

    mixes = [m for n in (2, 3) for m in itertools.product(["", ">", "<", "~"], repeat=n)]
    activities = ["TRAIN", "DEMO", "MACH"]
    rows = []
    for year, mix in enumerate(mixes, start=1900):
        for activity, q in zip(activities, mix, strict=False):
            rows.append(
                {
                    "area_code": "66",
                    "area_name": "Đắk Lắk",
                    "year": year,
                    "period": "FY",
                    "level": "KCDP",
                    "activity": activity,
                    "indicator": "budget_kc",
                    "unit": "million VND",
                    "planned": 1.0,
                    "actual": 1.0,
                    "qualifier": q,
                    "source": "test",
                    "note": "",
                }
            )
    totals = add_totals(pd.DataFrame(rows))
    got = totals[(totals["level"] == "ALL") & (totals["activity"] == "ALL")].set_index("year")
    for year, mix in enumerate(mixes, start=1900):
        assert got.loc[year, "qualifier"] == combine_qualifiers(mix), mix
        assert got.loc[year, "actual"] == len(mix)  # 1 per row
