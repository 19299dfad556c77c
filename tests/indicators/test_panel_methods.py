"""How the reports call the methods on the regional panel (kcanalysis.panel)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kcanalysis.indicators import cost_ci
from kcanalysis.panel import load_report_data, malmquist_change, region_panel, shrink_log_costs


@pytest.fixture(scope="module")
def demo():
    return load_report_data()


def test_malmquist_refuses_money_it_cannot_deflate(demo):
    # The CPI table (kcanalysis/data/cpi_vietnam.csv) starts in 2005: 2004 prices are
    # unknown, so neither year can be put at constant prices. Nominal VND would put
    # inflation into TC; the index is refused and says why.
    panel = region_panel(demo.facts, "MTTN", 2024, "FY", 2004)
    assert panel["budget_kc_real"].isna().all()  # never the nominal figure
    assert panel["budget_kc"].notna().any()
    got = malmquist_change(demo.facts, "MTTN", 2024, "FY", 2004)
    assert got.empty
    assert got.attrs["reason"] == "no CPI for 2004 (CPI table covers 2005-2025)"


def test_malmquist_with_constant_prices_has_no_reason(demo):
    got = malmquist_change(demo.facts, "MTTN", 2024, "FY", 2024)
    assert len(got) >= 9
    assert "reason" not in got.attrs


def _province(code, costs_and_trainees):
    return [
        dict(area_code=code, year=2015, budget_kc=c * t, trainees=t) for c, t in costs_and_trainees
    ]


def test_shrinkage_survives_fixed_cost_norms_and_single_projects(make_projects):
    # A: three projects at 10 million VND per trainee (fixed norm): every resample gives
    # 10, so the bootstrap variance is 0 -> left out of the shrinkage, with its reason.
    # B: one project -> shown unshrunk (its raw cost) and marked.
    # C, D, E: spread of costs -> shrunk; only 3 provinces give tau^2 -> unstable (< 5).
    rows = (
        _province("66", [(10, 5), (10, 8), (10, 20)])
        + _province("68", [(12, 9)])
        + _province("64", [(8, 5), (12, 6), (9, 9), (15, 4)])
        + _province("01", [(20, 5), (25, 6), (18, 9), (30, 4)])
        + _province("48", [(5, 5), (6, 6), (4, 9), (7, 4)])
    )
    ci = cost_ci(make_projects(*rows), 2015, outputs=["trainees"], levels=["ALL"])
    assert ci.set_index("area_code").loc["66", "se_log"] == 0.0
    out = shrink_log_costs(ci).set_index("area_code")
    assert np.isnan(out.loc["66", "shrunk"])
    assert out.loc["66", "shrink_note"].startswith("sampling variance is zero")
    assert out.loc["68", "shrunk"] == out.loc["68", "cost_per_unit_real_mvnd"] == 12.0
    assert out.loc["68", "shrink_note"] == "single project: shown unshrunk"
    assert out.loc[["64", "01", "48"], "shrunk"].notna().all()
    assert out.attrs["k_log"] == 3 and out.attrs["tau2_unstable"]


def test_shrinkage_with_nothing_to_pool_does_not_raise(make_projects):
    rows = _province("66", [(10, 5), (10, 8)]) + _province("68", [(12, 9)])
    out = shrink_log_costs(cost_ci(make_projects(*rows), 2015, outputs=["trainees"]))
    assert out["shrunk"].isna().sum() >= 1
    assert np.isnan(out.attrs["tau2_log"])


def test_funnel_with_few_provinces_uses_exact_binomial_limits():
    from kcanalysis.panel import funnel_choice

    got = funnel_choice(pd.Series([10, 20, 40]), pd.Series([5, 10, 20]))
    assert got.method == "exact" and np.isnan(got.phi) and got.n_units == 3
    # target 35/70 = 0.5; n = 10 -> Spiegelhalter's exact 95 % limits 0.132444 / 0.767556
    # (worked in tests/methods/test_methods_funnel.py).
    row = got.limits.set_index("denominator").loc[10.0]
    assert row["lower_95"] == pytest.approx(0.132444, abs=1e-6)
    assert row["upper_95"] == pytest.approx(0.767556, abs=1e-6)


def test_funnel_allows_for_overdispersion_with_ten_provinces():
    from kcanalysis.panel import funnel_choice

    # 10 provinces, 100 projects due each, on time 50 x 6, 60, 40, 60, 40 -> target 0.5,
    # se = sqrt(0.25 / 100) = 0.05, z = 0 x 6, 2, -2, 2, -2. Sorted: -2, -2, 0 x 6, 2, 2;
    # numpy's 10 % and 90 % quantiles (positions 0.9 and 8.1) are -2 and 2, so the
    # winsorising changes nothing: sum z^2 = 4 * 4 = 16, phi = 1.6 > 1.
    # w = 1 / 0.0025 = 400 each: tau2 = (16 - 9) / (4000 - 160000 * 10 / 4000) = 7 / 3600.
    due = pd.Series([100] * 10)
    on_time = pd.Series([50, 50, 50, 50, 50, 50, 60, 40, 60, 40])
    got = funnel_choice(due, on_time)
    assert got.method == "additive"
    assert got.phi == pytest.approx(1.6)
    assert got.tau2 == pytest.approx(7 / 3600)
    # n = 100, 95 %: 0.0025 + 7/3600 = 1/225, sqrt = 1/15 -> 0.5 -+ 1.959964 / 15.
    row = got.limits.set_index("denominator").loc[100.0]
    assert row["lower_95"] == pytest.approx(0.5 - 1.959964 / 15)
    assert row["upper_95"] == pytest.approx(0.5 + 1.959964 / 15)
    # No extra spread (every province at 50 %): phi = 0 -> exact limits.
    flat = funnel_choice(due, pd.Series([50] * 10))
    assert flat.method == "exact" and flat.phi == 0.0


def _dea_panel():
    # Ten provinces with the same spending (100) and establishments = trainees / 10, so
    # CRS efficiency = trainees / best trainees. An eleventh has no establishments figure.
    trainees = [100.0, 80, 78, 75, 70, 60, 50, 40, 30, 20, 90]
    names = [*"ABCDEFGHIJ", "K"]
    return pd.DataFrame(
        {
            "area_code": [f"c{i}" for i in range(11)],
            "area_name": names,
            "budget_kc": 100.0,
            "budget_kc_real": 100.0,
            "trainees": trainees,
            "establishments": [t / 10 for t in trainees[:10]] + [np.nan],
        }
    )


def test_dea_leaves_out_a_missing_output_and_measures_leave_one_out():
    from kcanalysis.panel import dea_scores

    got = dea_scores(_dea_panel())
    # K's establishments are missing, not 0: left out with its reason.
    assert got.attrs["left_out"] == [("K", "number of establishments supported not reported")]
    assert "K" not in set(got["area_name"])
    # CRS scores t / 100; the frontier spending of B (80 trainees) is 100 * 0.8 = 80.
    b = got.set_index("area_name").loc["B"]
    assert b["crs"] == pytest.approx(0.8) and b["frontier_budget_kc_real"] == pytest.approx(80)
    # Without A (super-efficiency 100/80 = 1.25, the largest) the best is 80: scores
    # t / 80, a change of t/80 - t/100 = 0.0025 t, above 0.1 for t > 40:
    # B, C, D, E, F, G (80, 78, 75, 70, 60, 50) -> 6 of the other 9.
    assert got.attrs["loo"] == {"removed": "A", "moved": 6, "n": 9}


def test_dea_in_the_demo_does_not_count_missing_establishments_as_zero(demo):
    from kcanalysis.panel import dea_scores

    # January-August 2011: the demo reports no establishments for MTTN's provinces.
    got = dea_scores(region_panel(demo.facts, "MTTN", 2011, "M8", 2024))
    assert got.empty
    reasons = {r for _, r in got.attrs["left_out"]}
    assert reasons == {"number of establishments supported not reported"}
