"""Year-on-year change, region share, region rank and labels, on hand-worked frames."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kcanalysis.errors import DataError
from kcanalysis.indicators import (
    add_labels,
    cost_effectiveness,
    region_rank,
    region_share,
    yoy_change,
)


def test_yoy_change_by_hand_and_periods_apart(make_facts, one):
    facts = make_facts(
        dict(year=2014, actual=200),
        dict(year=2015, actual=250),
        dict(year=2014, period="M8", actual=100),
        dict(year=2016, period="M8", actual=80),
    )
    out = yoy_change(facts)
    fy = one(out, year=2015, period="FY")
    # 250 - 200 = 50; 100 * (250 / 200 - 1) = 25%
    assert fy["previous_value"] == 200
    assert fy["change"] == pytest.approx(50.0)
    assert fy["change_pct"] == pytest.approx(25.0)
    assert fy["change_reason"] == ""
    # 2016 M8 has no 2015 M8 (the FY 2015 row is not used)
    m8 = one(out, year=2016, period="M8")
    assert math.isnan(m8["change"])
    assert m8["change_reason"] == "no value for 2015"


def test_yoy_zero_previous_and_qualifiers(make_facts, one):
    facts = make_facts(
        dict(year=2014, indicator="models", actual=0),
        dict(year=2015, indicator="models", actual=3),
        dict(year=2014, actual=3000, qualifier=">"),
        dict(year=2015, actual=3500),
    )
    out = yoy_change(facts)
    models = one(out, year=2015, indicator="models")
    assert models["change"] == 3  # 3 - 0
    assert math.isnan(models["change_pct"])
    assert models["change_reason"] == "previous value is zero"
    # 3500 against "more than 3000": the rise is at most 500 (16.7%)
    trainees = one(out, year=2015, indicator="trainees")
    assert trainees["change"] == pytest.approx(500)
    assert trainees["change_pct"] == pytest.approx(100 * (3500 / 3000 - 1))
    assert trainees["change_qualifier"] == "<"


def test_yoy_on_a_result_and_duplicate_keys(make_facts):
    facts = make_facts(
        dict(year=2014, indicator="budget_kc", actual=400),
        dict(year=2014, indicator="trainees", actual=40),
        dict(year=2015, indicator="budget_kc", actual=660),
        dict(year=2015, indicator="trainees", actual=60),
    )
    cost = cost_effectiveness(facts, base_year=2015, outputs=["trainees", "models"])
    out = yoy_change(cost, "cost_per_unit_mvnd")
    row = out[(out["year"] == 2015) & (out["output"] == "trainees")].iloc[0]
    # 660 / 60 = 11 against 400 / 40 = 10: +1 million VND, +10%
    assert row["change"] == pytest.approx(1.0)
    assert row["change_pct"] == pytest.approx(10.0)
    # two outputs per year: without `output` among the keys the rows are ambiguous
    with pytest.raises(DataError, match="several rows share"):
        yoy_change(cost, "cost_per_unit_mvnd", by=["period"])


def test_region_share_of_members(make_facts, one):
    facts = make_facts(
        dict(area="66", indicator="budget_kc", actual=100),
        dict(area="68", indicator="budget_kc", actual=300),
        dict(area="01", indicator="budget_kc", actual=5000),  # Hà Nội: not in MTTN
    )
    out = region_share(facts, "budget_kc")
    # MTTN has 15 members in 2015; two report: 100 / (100 + 300) = 0.25, 300 / 400 = 0.75
    assert len(out) == 15 and set(out["n_members"]) == {15} and set(out["n_reporting"]) == {2}
    assert one(out, area_code="66")["share_ratio"] == pytest.approx(0.25)
    assert one(out, area_code="68")["share_pct"] == pytest.approx(75.0)
    assert one(out, area_code="68")["region_total"] == 400
    gia_lai = one(out, area_code="64")
    assert math.isnan(gia_lai["share_ratio"])
    assert gia_lai["reason"] == "value not reported"
    assert "01" not in set(out["area_code"])
    assert out["share_ratio"].sum() == pytest.approx(1.0)


def test_region_share_qualifiers_and_reported_total(make_facts, one):
    facts = make_facts(
        dict(area="66", indicator="trainees", actual=100, qualifier=">"),
        dict(area="68", indicator="trainees", actual=300),
        dict(area="MTTN", indicator="trainees", actual=1000),
    )
    out = region_share(facts, "trainees")
    # own value "more than": the share is more; another member's "more than": it is less
    assert one(out, area_code="66")["qualifier"] == ">"
    assert one(out, area_code="68")["qualifier"] == "<"
    reported = region_share(facts, "trainees", total="reported")
    # against the region's own figure: 300 / 1000 = 0.3
    assert one(reported, area_code="68")["share_ratio"] == pytest.approx(0.3)
    assert one(reported, area_code="68")["qualifier"] == ""


def _ranked_frame():
    codes = ["66", "68", "64", "62", "67", "01"]
    values = [9.0, 7.0, 7.0, 5.0, np.nan, 100.0]  # Hà Nội (01) is outside MTTN
    return pd.DataFrame(
        {"area_code": codes, "year": 2015, "period": "FY", "level": "ALL", "score": values}
    )


def test_region_rank_ties_take_the_lowest_rank():
    out = region_rank(_ranked_frame(), "score")
    ranks = dict(zip(out["area_code"], out["rank"], strict=True))
    # 9, 7, 7, 5 -> 1, 2, 2, 4 (method "min"); no value -> no rank; Hà Nội dropped
    assert ranks["66"] == 1 and ranks["68"] == 2 and ranks["64"] == 2 and ranks["62"] == 4
    assert pd.isna(ranks["67"])
    assert "01" not in ranks
    assert set(out["n_ranked"]) == {4}
    tied = dict(zip(out["area_code"], out["tied"], strict=True))
    assert tied["68"] and tied["64"] and not tied["66"] and not tied["67"]
    assert set(out["rank_method"]) == {"min"}
    assert out["area_code"].tolist()[:4] in (["66", "68", "64", "62"], ["66", "64", "68", "62"])


def test_region_rank_ascending_for_costs():
    out = region_rank(_ranked_frame(), "score", ascending=True)
    ranks = dict(zip(out["area_code"], out["rank"], strict=True))
    # smallest first: 5 -> 1, 7, 7 -> 2, 2, 9 -> 4
    assert ranks["62"] == 1 and ranks["68"] == 2 and ranks["64"] == 2 and ranks["66"] == 4


def test_region_rank_compares_within_period():
    df = pd.concat(
        [_ranked_frame(), _ranked_frame().assign(period="M8", score=[1.0, 2, 3, 4, 5, 6])]
    )
    out = region_rank(df, "score")
    m8 = out[out["period"] == "M8"].set_index("area_code")["rank"]
    # M8 ranks among M8 values only: 5 (67) is the largest
    assert m8["67"] == 1 and m8["66"] == 5


def test_add_labels(make_facts):
    facts = make_facts(dict(level="KCQG", activity="TRAIN", actual=10))
    vi = add_labels(facts)
    assert vi["level_label"].iloc[0] == "Khuyến công quốc gia"
    assert vi["indicator_label"].iloc[0] == "Số học viên"
    assert list(vi.columns).index("level_label") == list(vi.columns).index("level") + 1
    en = add_labels(facts, lang="en")
    assert en["activity_label"].iloc[0] == "Vocational training"
