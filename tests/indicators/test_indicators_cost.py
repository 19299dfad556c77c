"""Cost-effectiveness and leverage, on hand-worked frames."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kcanalysis.errors import ParameterError
from kcanalysis.indicators import cost_effectiveness, leverage

# Annual average CPI change (%) from kcanalysis/data/cpi_vietnam.csv, rows 2014 and 2015.
CPI_2014, CPI_2015 = 4.08455447, 0.63120091
# Prices of 2013 in 2015 prices: CPI(2015) / CPI(2013) = (1 + 4.08455447%) (1 + 0.63120091%)
FACTOR_2013_TO_2015 = (1 + CPI_2014 / 100) * (1 + CPI_2015 / 100)  # = 1.0474153712...


def _training(make_facts, year=2015):
    return make_facts(
        dict(year=year, level="KCQG", activity="TRAIN", indicator="budget_kc", actual=100),
        dict(year=year, level="KCQG", activity="TRAIN", indicator="trainees", actual=20),
        dict(year=year, level="KCDP", activity="TRAIN", indicator="budget_kc", actual=300),
        dict(year=year, level="KCDP", activity="TRAIN", indicator="trainees", actual=30),
    )


def test_cost_per_trainee_is_ratio_of_sums_by_level(make_facts, one):
    out = cost_effectiveness(_training(make_facts), base_year=2015, outputs=["trainees"])
    # KCQG 100 / 20 = 5; KCDP 300 / 30 = 10 million VND per trainee
    assert one(out, level="KCQG")["cost_per_unit_mvnd"] == pytest.approx(5.0)
    assert one(out, level="KCDP")["cost_per_unit_mvnd"] == pytest.approx(10.0)
    # ALL: (100 + 300) / (20 + 30) = 400 / 50 = 8, not the mean of 5 and 10 (7.5)
    total = one(out, level="ALL")
    assert total["cost_per_unit_mvnd"] == pytest.approx(8.0)
    assert total["budget_kc_mvnd"] == 400 and total["output_count"] == 50
    assert total["output"] == "trainees" and total["output_unit"] == "persons"
    assert total["reason"] == ""


def test_whole_budget_is_charged_at_activity_all(make_facts, one):
    facts = _training(make_facts)
    demo = make_facts(
        dict(level="KCDP", activity="DEMO", indicator="budget_kc", actual=600),
        dict(level="KCDP", activity="DEMO", indicator="models", actual=2),
    )
    both = pd.concat([facts, demo], ignore_index=True)
    out = cost_effectiveness(both, base_year=2015, activities=None, outputs=["trainees"])
    # activity ALL charges all the money to trainees: (100 + 300 + 600) / 50 = 20
    assert one(out, level="ALL", activity="ALL")["cost_per_unit_mvnd"] == pytest.approx(20.0)
    # activity TRAIN charges training money only: 400 / 50 = 8
    assert one(out, level="ALL", activity="TRAIN")["cost_per_unit_mvnd"] == pytest.approx(8.0)
    # DEMO reports no trainees: flagged, not dropped
    row = one(out, level="KCDP", activity="DEMO")
    assert math.isnan(row["cost_per_unit_mvnd"])
    assert row["reason"] == "number of trainees not reported"


def test_zero_output_gives_nan_and_reason(make_facts, one):
    facts = make_facts(
        dict(indicator="budget_kc", actual=500),
        dict(indicator="trainees", actual=0),
        dict(indicator="jobs_created", actual=25),
    )
    out = cost_effectiveness(facts, base_year=2015, outputs=["trainees", "models", "jobs_created"])
    zero = one(out, output="trainees")
    assert math.isnan(zero["cost_per_unit_mvnd"]) and math.isnan(zero["cost_per_unit_real_mvnd"])
    assert zero["reason"] == "number of trainees is zero"
    missing = one(out, output="models")
    assert math.isnan(missing["cost_per_unit_mvnd"])
    assert missing["reason"] == "number of demonstration models not reported"
    # 500 / 25 = 20 million VND per job
    assert one(out, output="jobs_created")["cost_per_unit_mvnd"] == pytest.approx(20.0)


def test_constant_prices_use_cpi_by_hand(make_facts, one):
    out = cost_effectiveness(_training(make_facts, year=2013), base_year=2015, outputs=["trainees"])
    total = one(out, level="ALL")
    # 8 million VND per trainee in 2013 prices x 1.0474153712 = 8.3793 in 2015 prices
    assert total["cost_per_unit_real_mvnd"] == pytest.approx(8 * FACTOR_2013_TO_2015, rel=1e-12)
    assert total["budget_kc_real_mvnd"] == pytest.approx(400 * FACTOR_2013_TO_2015, rel=1e-12)
    assert total["base_year"] == 2015
    # In its own year's prices real equals nominal
    same = cost_effectiveness(
        _training(make_facts, year=2013), base_year=2013, outputs=["trainees"]
    )
    assert one(same, level="ALL")["cost_per_unit_real_mvnd"] == pytest.approx(8.0)


def test_default_base_year_is_latest_year_with_cpi(make_facts):
    facts = pd.concat([_training(make_facts, year=2013), _training(make_facts, year=2015)])
    out = cost_effectiveness(facts, outputs=["trainees"])
    assert set(out["base_year"]) == {2015}
    row = out[(out["year"] == 2013) & (out["level"] == "ALL")].iloc[0]
    assert row["cost_per_unit_real_mvnd"] == pytest.approx(8 * FACTOR_2013_TO_2015)


def test_multi_year_total_and_year_without_cpi_have_no_real_value(make_facts, one):
    facts = make_facts(
        dict(year=2016, period="P2012-2016", indicator="budget_kc", actual=1000),
        dict(year=2016, period="P2012-2016", indicator="trainees", actual=100),
        dict(year=2003, indicator="budget_kc", actual=300),
        dict(year=2003, indicator="trainees", actual=10),
    )
    out = cost_effectiveness(facts, base_year=2015, outputs=["trainees"])
    five = one(out, year=2016)
    assert five["cost_per_unit_mvnd"] == pytest.approx(10.0)  # 1000 / 100
    assert math.isnan(five["cost_per_unit_real_mvnd"])
    assert five["reason"].startswith("no constant prices for a multi-year total")
    early = one(out, year=2003)  # before the CPI table, which starts in 2005
    assert early["cost_per_unit_mvnd"] == pytest.approx(30.0)  # 300 / 10
    assert math.isnan(early["cost_per_unit_real_mvnd"])
    assert early["reason"] == "no CPI for 2003 (CPI table covers 2005-2025)"


def test_qualifiers_of_cost(make_facts, one):
    facts = make_facts(
        # "more than 7.700 trainees": the cost per trainee is at most 3850 / 7700 = 0.5
        dict(area="66", indicator="budget_kc", actual=3850),
        dict(area="66", indicator="trainees", actual=7700, qualifier=">"),
        # "more than 3.000 million VND": the cost is at least 3000 / 100 = 30
        dict(area="68", indicator="budget_kc", actual=3000, qualifier=">"),
        dict(area="68", indicator="trainees", actual=100),
        # both "more than": direction unknown
        dict(area="64", indicator="budget_kc", actual=3000, qualifier=">"),
        dict(area="64", indicator="trainees", actual=100, qualifier=">"),
    )
    out = cost_effectiveness(facts, base_year=2015, outputs=["trainees"])
    assert one(out, area_code="66")["qualifier"] == "<"
    assert one(out, area_code="66")["cost_per_unit_mvnd"] == pytest.approx(0.5)
    assert one(out, area_code="68")["qualifier"] == ">"
    assert one(out, area_code="64")["qualifier"] == "~"


def test_periods_are_not_mixed(make_facts):
    facts = make_facts(
        dict(period="M8", indicator="budget_kc", actual=400),
        dict(period="FY", indicator="trainees", actual=50),
    )
    out = cost_effectiveness(facts, base_year=2015, outputs=["trainees"])
    assert out["cost_per_unit_mvnd"].isna().all()
    assert set(out["period"]) == {"M8", "FY"}


def test_bad_parameters_raise(make_facts):
    facts = _training(make_facts)
    with pytest.raises(ParameterError, match="outputs"):
        cost_effectiveness(facts, outputs=["budget_total"])
    with pytest.raises(ParameterError, match="base_year=2030"):
        cost_effectiveness(facts, base_year=2030)


def test_leverage_published_dak_lak_2021(make_facts):
    # Đắk Lắk 2021 (tapchicongthuong.vn): 1 759 million VND of khuyến công money and
    # 3 140 of counterpart funds -> 3140 / 1759 = 1.7851 VND per VND
    facts = make_facts(
        dict(year=2021, indicator="budget_kc", actual=1759),
        dict(year=2021, indicator="budget_counterpart", actual=3140),
    )
    row = leverage(facts).iloc[0]
    assert row["leverage_ratio"] == pytest.approx(3140 / 1759)
    assert row["budget_kc_mvnd"] == 1759 and row["budget_counterpart_mvnd"] == 3140


def test_leverage_ratio_of_sums_zero_and_missing(make_facts, one):
    facts = make_facts(
        dict(level="KCQG", activity="MACH", indicator="budget_kc", actual=200),
        dict(level="KCQG", activity="MACH", indicator="budget_counterpart", actual=600),
        dict(level="KCDP", activity="MACH", indicator="budget_kc", actual=0),
        dict(level="KCDP", activity="MACH", indicator="budget_counterpart", actual=100),
        dict(year=2016, indicator="budget_kc", actual=50),
    )
    out = leverage(facts)
    # ALL: (600 + 100) / (200 + 0) = 3.5
    assert one(out, year=2015, level="ALL")["leverage_ratio"] == pytest.approx(3.5)
    zero = one(out, year=2015, level="KCDP")
    assert math.isnan(zero["leverage_ratio"])
    assert zero["reason"] == "khuyến công spending is zero"
    missing = one(out, year=2016)
    assert math.isnan(missing["leverage_ratio"])
    assert missing["reason"] == "counterpart funds not reported"
