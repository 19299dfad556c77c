"""Tests of kcanalysis.methods.bootstrap.ratio_ci."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.methods import DEFAULT_SEED, ratio_ci

RNG = np.random.default_rng(7)
BUDGET = RNG.uniform(50, 400, size=(4, 24))  # million VND per project, 4 funding views
OUTPUT = RNG.poisson(25, size=(4, 24)).astype(float)  # trainees, jobs, models, firms


def _plain_scipy(num, den, method, seed=DEFAULT_SEED):
    """The METHODS.md recipe: paired bootstrap of sum(num)/sum(den) straight from scipy."""
    res = stats.bootstrap(
        (num, den),
        lambda a, b, axis=-1: a.sum(axis=axis) / b.sum(axis=axis),
        paired=True,
        vectorized=True,
        method=method,
        n_resamples=2000,
        rng=np.random.default_rng(seed),
    )
    return res.confidence_interval


def test_estimate_is_ratio_of_sums_not_mean_of_ratios():
    # 100 + 300 million VND for 20 + 10 trainees -> 400 / 30 = 13.33 per trainee
    # (the mean of the project ratios 5 and 30 would be 17.5).
    got = ratio_ci([100.0, 300.0], [20.0, 10.0])
    assert got["estimate"].iloc[0] == pytest.approx(400 / 30)
    assert got["method"].iloc[0] == "percentile"  # n = 2 < 10
    assert got["n"].iloc[0] == 2


@pytest.mark.parametrize(("n", "method"), [(24, "BCa"), (8, "percentile")])
def test_matches_plain_scipy_paired_bootstrap(n, method):
    got = ratio_ci(BUDGET[0, :n], OUTPUT[0, :n])
    ci = _plain_scipy(BUDGET[0, :n], OUTPUT[0, :n], method)
    assert got["method"].iloc[0] == method
    assert got["low"].iloc[0] == pytest.approx(ci.low, rel=1e-10)
    assert got["high"].iloc[0] == pytest.approx(ci.high, rel=1e-10)
    assert got["low"].iloc[0] < got["estimate"].iloc[0] < got["high"].iloc[0]


def test_four_ratios_in_one_call_equal_four_single_calls():
    names = ["per_trainee", "per_job", "per_model", "per_firm"]
    batched = ratio_ci(BUDGET, OUTPUT, names=names)
    assert list(batched.index) == names
    for i, name in enumerate(names):
        single = ratio_ci(BUDGET[i], OUTPUT[i])
        for col in ["estimate", "low", "high"]:
            assert batched.loc[name, col] == pytest.approx(single[col].iloc[0], rel=1e-10)


def test_seeded_and_reproducible():
    a, b = ratio_ci(BUDGET, OUTPUT), ratio_ci(BUDGET, OUTPUT)
    assert a.equals(b)
    c = ratio_ci(BUDGET, OUTPUT, seed=1)
    assert not np.allclose(a["low"], c["low"])


def test_zero_denominator_total_gives_nan_with_reason():
    got = ratio_ci([10.0, 20.0, 30.0], [0.0, 0.0, 0.0])
    row = got.iloc[0]
    assert math.isnan(row["estimate"]) and math.isnan(row["low"]) and math.isnan(row["high"])
    assert "zero" in row["reason"]
    assert not np.isinf(got[["estimate", "low", "high"]].to_numpy()).any()


def test_resamples_with_zero_denominator_never_give_inf():
    # Only the last of 11 projects has output: some resamples miss it entirely.
    got = ratio_ci(np.arange(1.0, 12.0), [0.0] * 10 + [5.0])
    row = got.iloc[0]
    assert row["estimate"] == pytest.approx(66 / 5)
    assert not np.isinf(got[["estimate", "low", "high"]].to_numpy()).any()
    assert "zero denominator" in row["reason"]


def test_single_project_gives_point_estimate_only():
    row = ratio_ci([120.0], [40.0]).iloc[0]
    assert row["estimate"] == pytest.approx(3.0)
    assert math.isnan(row["low"]) and math.isnan(row["high"])
    assert "fewer than 2" in row["reason"]


def test_degenerate_all_resamples_equal():
    # Budget exactly 2x output for every project: every resample gives 2.
    den = np.arange(1.0, 13.0)
    row = ratio_ci(2 * den, den).iloc[0]
    assert (row["estimate"], row["low"], row["high"]) == pytest.approx((2.0, 2.0, 2.0))
    assert "same ratio" in row["reason"]


def test_missing_value_drops_project_for_that_ratio_only():
    budget = BUDGET.copy()
    budget[1, 5] = np.nan
    got = ratio_ci(budget, OUTPUT)
    assert list(got["n"]) == [24, 23, 24, 24]
    assert "missing" in got["reason"].iloc[1]
    keep = np.arange(24) != 5
    assert got["estimate"].iloc[1] == pytest.approx(budget[1, keep].sum() / OUTPUT[1, keep].sum())
    assert got["reason"].iloc[0] == ""


def test_ratio_ci_errors():
    with pytest.raises(DataError, match="shape"):
        ratio_ci([1.0, 2.0], [1.0])
    with pytest.raises(DataError, match="non-negative"):
        ratio_ci([1.0, -2.0], [1.0, 1.0])
    with pytest.raises(ParameterError, match="method"):
        ratio_ci([1.0, 2.0], [1.0, 1.0], method="studentized")
    with pytest.raises(DataError, match="names"):
        ratio_ci(BUDGET, OUTPUT, names=["a"])


def test_se_log_is_the_spread_of_the_resampled_log_ratios():
    # Projects (1; 1) and (4; 1). A resample is {p1, p1} -> 1, {p1, p2} -> 5/2 or
    # {p2, p2} -> 4, with probabilities 1/4, 1/2, 1/4. On the log: mean
    # 0.5 ln 2.5 + 0.25 ln 4 = 0.80472; E[x^2] = 0.5 (ln 2.5)^2 + 0.25 (ln 4)^2 = 0.90025;
    # variance 0.90025 - 0.80472^2 = 0.25268, SD 0.50267. 20.000 resamples: within 2 %.
    got = ratio_ci([1.0, 4.0], [1.0, 1.0], n_resamples=20_000)
    assert got["se_log"].iloc[0] == pytest.approx(0.50267, rel=0.02)
    # Every project at the same unit cost: every resample gives 2 -> SE exactly 0.
    same = ratio_ci([2.0, 4.0, 6.0], [1.0, 2.0, 3.0])
    assert same["se_log"].iloc[0] == 0.0
    # A resample with no trainees (zero denominator) -> log undefined -> SE unknown.
    assert np.isnan(ratio_ci([1.0, 4.0], [0.0, 1.0])["se_log"].iloc[0])


def test_se_log_with_a_few_undefined_resamples():
    # Projects (1; 1), (1; 1), (5; 0). k draws of the third among 3: k = 0 -> ratio 1
    # (p 8/27), k = 1 -> 7/2 (12/27), k = 2 -> 11 (6/27), k = 3 -> no trainees (1/27).
    # Cumulative 0.296, 0.741, 0.963: the 15.87 % quantile of log ratio is log 1 = 0 and
    # the 84.13 % one log 11, so the SE is log(11) / 2 = 1.198948.
    got = ratio_ci([1.0, 1.0, 5.0], [1.0, 1.0, 0.0], n_resamples=20_000)
    assert got["se_log"].iloc[0] == pytest.approx(math.log(11) / 2)
