"""Plan fulfilment and acceptance share, on hand-worked frames."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.indicators import acceptance_share, plan_fulfilment
from kcanalysis.schema import validate_facts


def test_total_is_ratio_of_sums_not_mean_of_ratios(make_facts, one):
    facts = make_facts(
        dict(level="KCQG", activity="TRAIN", planned=100, actual=80),
        dict(level="KCDP", activity="TRAIN", planned=300, actual=330),
    )
    out = plan_fulfilment(facts)
    # KCQG: 80 / 100 = 0.8; KCDP: 330 / 300 = 1.1
    assert one(out, level="KCQG", activity="TRAIN")["fulfilment_ratio"] == pytest.approx(0.8)
    assert one(out, level="KCDP", activity="TRAIN")["fulfilment_ratio"] == pytest.approx(1.1)
    # Total: (80 + 330) / (100 + 300) = 410 / 400 = 1.025, not the mean (0.8 + 1.1) / 2 = 0.95
    total = one(out, level="ALL", activity="ALL")
    assert total["fulfilment_ratio"] == pytest.approx(1.025)
    assert total["fulfilment_pct"] == pytest.approx(102.5)
    assert total["planned"] == 400 and total["actual"] == 410
    assert total["reason"] == "" and total["note"] == ""


def test_computed_total_uses_parts_that_report_both(make_facts, one):
    facts = make_facts(
        dict(level="KCQG", activity="TRAIN", planned=100, actual=80),
        dict(level="KCDP", activity="TRAIN", actual=50),  # no plan given
    )
    out = plan_fulfilment(facts)
    total = one(out, level="ALL", activity="ALL")
    # Matched parts only: 80 / 100 = 0.8 (add_totals alone would give (80 + 50) / 100 = 1.3)
    assert total["fulfilment_ratio"] == pytest.approx(0.8)
    assert total["actual"] == 80
    assert total["note"] == "ratio over the 1 of 2 parts that report both"
    kcdp = one(out, level="KCDP", activity="TRAIN")
    assert math.isnan(kcdp["fulfilment_ratio"])
    assert kcdp["reason"] == "planned number of trainees not reported"


def test_no_part_reports_both_gives_nan_and_reason(make_facts, one):
    facts = make_facts(
        dict(level="KCQG", activity="TRAIN", planned=100),
        dict(level="KCDP", activity="TRAIN", actual=50),
    )
    total = one(plan_fulfilment(facts), level="ALL", activity="ALL")
    # add_totals would give 50 / 100 = 0.5, comparing different parts
    assert math.isnan(total["fulfilment_ratio"])
    assert (
        total["reason"] == "no part reports both number of trainees and planned number of trainees"
    )


def test_reported_total_is_used_as_reported(make_facts, one):
    facts = make_facts(
        dict(level="KCQG", activity="TRAIN", planned=100, actual=80),
        dict(level="KCDP", activity="TRAIN", planned=300, actual=330),
        dict(level="ALL", activity="ALL", planned=500, actual=450),
    )
    total = one(plan_fulfilment(facts), level="ALL", activity="ALL")
    # The published total 450 / 500 = 0.9 wins over the sum of parts (1.025)
    assert total["fulfilment_ratio"] == pytest.approx(0.9)


def test_zero_plan_gives_nan_with_reason_never_inf(make_facts):
    facts = make_facts(dict(indicator="budget_kc", planned=0, actual=50))
    row = plan_fulfilment(facts).iloc[0]
    assert math.isnan(row["fulfilment_ratio"]) and math.isnan(row["fulfilment_pct"])
    assert row["reason"] == "planned budget is zero"
    assert row["qualifier"] == ""


def test_qualifier_of_actual_travels_to_ratio(make_facts, one):
    facts = make_facts(
        dict(indicator="trainees", planned=7000, actual=7700, qualifier=">"),
        dict(indicator="projects", planned=10, actual=9),
    )
    out = plan_fulfilment(facts)
    # "more than 7.700" of 7.000 planned: fulfilment is more than 1.1
    row = one(out, indicator="trainees")
    assert row["fulfilment_ratio"] == pytest.approx(1.1)
    assert row["qualifier"] == ">"
    assert one(out, indicator="projects")["qualifier"] == ""


def test_qualified_plan_flips_the_ratio(make_facts, one):
    # The plan row gives only a plan, "more than 10.000"; the actual comes from M9.
    facts = make_facts(
        dict(indicator="budget_kc", period="FY", planned=10000, qualifier=">"),
        dict(indicator="budget_kc", period="M9", actual=6000),
    )
    row = one(plan_fulfilment(facts, plan_period="FY"), period="M9")
    # 6000 / (more than 10000) = less than 0.6
    assert row["fulfilment_ratio"] == pytest.approx(0.6)
    assert row["qualifier"] == "<"


def test_periods_are_not_mixed_unless_asked(make_facts, one):
    facts = make_facts(
        dict(indicator="budget_kc", period="FY", planned=1000),
        dict(indicator="budget_kc", period="M8", actual=600),
        dict(indicator="budget_kc", period="M8", year=2014, planned=900, actual=450),
    )
    same = plan_fulfilment(facts)
    m8 = one(same, period="M8", year=2015)
    assert math.isnan(m8["fulfilment_ratio"])  # no M8 plan in 2015
    assert m8["reason"] == "planned budget not reported"
    # 2014 M8 compares with its own M8 plan: 450 / 900 = 0.5
    assert one(same, period="M8", year=2014)["fulfilment_ratio"] == pytest.approx(0.5)
    asked = plan_fulfilment(facts, plan_period="FY")
    row = one(asked, period="M8", year=2015)
    # 600 / 1000 = 0.6 of the year's plan
    assert row["fulfilment_ratio"] == pytest.approx(0.6)
    assert row["plan_period"] == "FY"
    # the 2014 M8 actual has no FY plan for 2014
    assert math.isnan(one(asked, period="M8", year=2014)["fulfilment_ratio"])


def test_published_mttn_budget_against_year_plan():
    # Published figures (vietnam.vn, "Phát huy hiệu quả vốn mới khuyến công"): 47 017 of
    # 60 840 million VND by November 2025 ("77.27% of the year's plan": 47017 / 60840 =
    # 0.77280); 2024 KCDP 43 735 of 52 026 ("84.06%": 43735 / 52026 = 0.84064).
    rows = [
        ("MTTN", 2025, "FY", "ALL", 60840.0, None),
        ("MTTN", 2025, "M11", "ALL", None, 47017.0),
        ("MTTN", 2024, "FY", "KCDP", 52026.0, 43735.0),
    ]
    facts = validate_facts(
        pd.DataFrame(
            [
                {
                    "area_code": a,
                    "area_name": "MTTN",
                    "year": y,
                    "period": p,
                    "level": lv,
                    "activity": "ALL",
                    "indicator": "budget_kc",
                    "unit": "million VND",
                    "planned": pl,
                    "actual": ac,
                    "qualifier": "",
                    "source": "vietnam.vn",
                    "note": "",
                }
                for a, y, p, lv, pl, ac in rows
            ]
        )
    )
    out = plan_fulfilment(facts, plan_period="FY")
    m11 = out[(out["period"] == "M11")].iloc[0]
    assert m11["fulfilment_pct"] == pytest.approx(77.28, abs=0.005)
    kcdp = out[(out["year"] == 2024)].iloc[0]
    assert kcdp["fulfilment_pct"] == pytest.approx(84.06, abs=0.005)


def test_indicators_default_to_those_with_a_plan(make_facts):
    facts = make_facts(
        dict(indicator="projects", planned=10, actual=9),
        dict(indicator="trainees", actual=300),
    )
    assert plan_fulfilment(facts)["indicator"].tolist() == ["projects"]
    both = plan_fulfilment(facts, indicators=["projects", "trainees"])
    assert sorted(both["indicator"]) == ["projects", "trainees"]


def test_result_is_display_ready(make_facts):
    facts = make_facts(dict(level="KCQG", activity="TRAIN", planned=10, actual=9))
    out = plan_fulfilment(facts, levels=["ALL"], activities=["ALL"])
    assert list(out.columns[:9]) == [
        "area_code",
        "area_name",
        "year",
        "period",
        "plan_period",
        "level",
        "activity",
        "indicator",
        "unit",
    ]
    assert out["area_name"].tolist() == ["Đắk Lắk"]
    assert out["unit"].tolist() == ["persons"]


def test_bad_inputs_raise(make_facts):
    facts = make_facts(dict(planned=1, actual=1))
    with pytest.raises(DataError, match="lacks column"):
        plan_fulfilment(facts.drop(columns="qualifier"))
    with pytest.raises(ParameterError, match="not known"):
        plan_fulfilment(facts, indicators=["trainee"])


def test_acceptance_share_from_facts_and_zero(make_facts, one):
    # Đắk Lắk 2021 (tapchicongthuong.vn): 16 projects, 14 accepted -> 14 / 16 = 0.875
    facts = make_facts(
        dict(year=2021, indicator="projects", planned=16, actual=16),
        dict(year=2021, indicator="projects_accepted", actual=14),
        dict(year=2022, indicator="projects", actual=0),
        dict(year=2022, indicator="projects_accepted", actual=0),
    )
    out = acceptance_share(facts)
    assert one(out, year=2021)["acceptance_ratio"] == pytest.approx(0.875)
    assert one(out, year=2021)["acceptance_pct"] == pytest.approx(87.5)
    zero = one(out, year=2022)
    assert np.isnan(zero["acceptance_ratio"])
    assert zero["reason"] == "number of projects is zero"


def test_acceptance_share_from_projects(make_projects, one):
    projects = make_projects(
        dict(level="KCDP", status="accepted"),
        dict(level="KCDP", status="completed"),
        dict(level="KCQG", status="accepted"),
        dict(level="KCQG", status="cancelled"),  # not carried out: left out
    )
    out = acceptance_share(projects)
    # KCDP 1 / 2 = 0.5; KCQG 1 / 1 = 1; all (1 + 1) / (2 + 1) = 2 / 3
    assert one(out, level="KCDP")["acceptance_ratio"] == pytest.approx(0.5)
    assert one(out, level="KCQG")["acceptance_ratio"] == pytest.approx(1.0)
    assert one(out, level="ALL")["acceptance_ratio"] == pytest.approx(2 / 3)
    assert one(out, level="ALL")["projects"] == 3
