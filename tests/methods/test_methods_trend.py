"""Tests of kcanalysis.methods.trend: Mann-Kendall and Theil-Sen."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.methods import growth_rate, mann_kendall, theil_sen

REF = Path(__file__).parents[1] / "data" / "reference"


def _brute_force_p(values: list[float]) -> float:
    """Two-sided exact p by enumerating every permutation (independent of the module)."""
    values = np.asarray(values, dtype=float)

    def s_of(seq):
        return sum(
            np.sign(seq[j] - seq[i]) for i in range(len(seq)) for j in range(i + 1, len(seq))
        )

    s_obs = abs(s_of(values))
    all_s = [abs(s_of(np.array(p))) for p in itertools.permutations(values)]
    return float(np.mean(np.array(all_s) >= s_obs))


def test_mann_kendall_reproduces_holycross_by_hand_example():
    # Source: "Mann-Kendall by hand", mathcs.holycross.edu (Little, Montserrat);
    # tests/data/reference/mk_holycross. n = 14, one tied pair (12.9 twice): S = 54,
    # Var(S) = (14)(13)(33)/18 - (2)(1)(9)/18, Z = 2.9058, one-sided p = 0.0018.
    data = pd.read_csv(REF / "mk_holycross" / "data.csv")
    expected = pd.read_csv(REF / "mk_holycross" / "expected.csv").set_index("quantity")["value"]
    res = mann_kendall(data["value"], data["t"])
    assert res.n == int(expected["n"]) == 14
    assert res.s == int(expected["S"]) == 54
    assert res.var_s == pytest.approx((14 * 13 * 33 - 2 * 1 * 9) / 18, abs=1e-12)
    assert round(res.z, 4) == pytest.approx(float(expected["Z"]), abs=1e-12)
    assert res.method == "normal"
    # two-sided p from the normal approximation is twice the published one-sided 0.0018
    assert round(res.p / 2, 4) == pytest.approx(float(expected["p_one_sided_upper"]), abs=1e-12)
    # tau = S / (n(n-1)/2) = 54 / 91 (n_pairs = 91 in the reference)
    assert res.tau == pytest.approx(54 / float(expected["n_pairs"]))


def test_mann_kendall_ties_hand_worked():
    # [1, 2, 2, 3]: five concordant pairs, one tied pair -> S = 5.
    # Var = (4*3*13 - 2*1*9)/18 = 138/18; z = (5 - 1)/sqrt(138/18).
    # Exact: 4!/2! = 12 distinct orderings, only ascending (S=5) and descending (S=-5)
    # reach |S| >= 5, so p = 2/12.
    res = mann_kendall([1, 2, 2, 3])
    assert res.s == 5
    assert res.var_s == pytest.approx(138 / 18)
    assert res.z == pytest.approx(4 / math.sqrt(138 / 18))
    assert res.method == "exact"
    assert res.p == pytest.approx(2 / 12)


def test_exact_p_with_ties_matches_brute_force_enumeration():
    values = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]  # n = 8, one tie
    assert mann_kendall(values).p == pytest.approx(_brute_force_p(values), abs=1e-12)
    values = [2.0, 2.0, 3.0, 1.0, 3.0, 5.0, 3.0]  # several ties
    assert mann_kendall(values).p == pytest.approx(_brute_force_p(values), abs=1e-12)


def test_exact_p_without_ties_matches_scipy_exact_kendall_for_n10():
    # scipy's exact Kendall null distribution is an independent implementation.
    values = [1, 3, 2, 4, 6, 5, 8, 7, 10, 9]
    res = mann_kendall(values)
    ref = stats.kendalltau(np.arange(10), values, method="exact")
    assert res.method == "exact"
    assert res.p == pytest.approx(ref.pvalue, rel=1e-12)
    assert res.s == 37  # 45 pairs, 4 discordant: 41 - 4


def test_n_two_and_all_equal_series():
    # n = 2: S = 1, Var = 2*1*9/18 = 1, z = (1-1)/1 = 0; both orders equally likely -> p = 1.
    res = mann_kendall([3.0, 5.0])
    assert (res.n, res.s, res.var_s, res.z, res.p, res.tau) == (2, 1, 1.0, 0.0, 1.0, 1.0)
    # all equal: S = 0 and the tie correction removes all variance.
    res = mann_kendall([4.0, 4.0, 4.0, 4.0])
    assert (res.s, res.var_s, res.z, res.p, res.tau) == (0, 0.0, 0.0, 1.0, 0.0)


def test_nans_are_dropped_and_time_order_is_kept():
    # Order by time: 2010 -> 1, 2012 -> 3, 2013 -> 2 (2011 missing): S = +1 +1 -1 = 1.
    res = mann_kendall([2.0, np.nan, 1.0, 3.0], times=[2013, 2011, 2010, 2012])
    assert res.n == 3
    assert res.s == 1


def test_normal_approximation_above_ten_points():
    res = mann_kendall(np.arange(11.0))
    # S = 55, Var = 11*10*27/18 = 165, z = 54/sqrt(165)
    assert res.method == "normal"
    assert res.s == 55
    assert res.z == pytest.approx(54 / math.sqrt(165))
    assert res.p == pytest.approx(2 * stats.norm.sf(54 / math.sqrt(165)))


def test_trend_input_errors():
    with pytest.raises(DataError, match="at least 2"):
        mann_kendall([1.0, np.nan])
    with pytest.raises(DataError, match="distinct"):
        mann_kendall([1.0, 2.0, 3.0], times=[2010, 2010, 2011])
    with pytest.raises(DataError, match="one time per value"):
        theil_sen([1.0, 2.0, 3.0], times=[2010, 2011])
    with pytest.raises(ParameterError):
        theil_sen([1.0, 2.0, 3.0], confidence=95)


def test_theil_sen_uses_real_time_values():
    # Years 2010, 2011, 2013 (2012 missing): pairwise slopes 1/1, 3/3, 2/2 -> slope 1.
    # With row positions 0, 1, 2 the slopes would be 1, 1.5, 2 (median 1.5).
    res = theil_sen([1.0, 2.0, 4.0], times=[2010, 2011, 2013])
    assert res.slope == pytest.approx(1.0)
    # intercept = median(y) - slope * median(t) = 2 - 2011
    assert res.intercept == pytest.approx(-2009.0)
    assert theil_sen([1.0, 2.0, 4.0]).slope == pytest.approx(1.5)


def test_theil_sen_exact_line_and_n_two():
    res = theil_sen([5.0, 7.0, 9.0, 11.0], times=[2000, 2001, 2002, 2003])
    assert (res.slope, res.low, res.high) == pytest.approx((2.0, 2.0, 2.0))
    res = theil_sen([1.0, 4.0], times=[2010, 2013])  # one pair: slope 3/3, no interval
    assert res.slope == pytest.approx(1.0)
    assert math.isnan(res.low) and math.isnan(res.high)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=3, max_size=14))
def test_reversing_the_series_negates_s_and_keeps_p(values):
    forward, backward = mann_kendall(values), mann_kendall(values[::-1])
    assert backward.s == -forward.s
    assert backward.p == pytest.approx(forward.p)
    assert 0.0 <= forward.p <= 1.0


def test_mann_kendall_is_not_a_test_below_five_points():
    # n = 4, increasing: S = 6 is reached only by the 2 monotone orderings of 4! = 24,
    # so the smallest two-sided p is 2/24 = 0.0833 > 0.05: not reportable as a test.
    four = mann_kendall([1.0, 2.0, 3.0, 4.0])
    assert four.p == pytest.approx(2 / 24)
    assert not four.reportable
    # n = 5: 2/120 = 0.0167 < 0.05 is attainable.
    five = mann_kendall([1.0, 2.0, 3.0, 4.0, 5.0])
    assert five.p == pytest.approx(2 / 120)
    assert five.reportable


def test_theil_sen_confidence_below_half_is_refused():
    with pytest.raises(ParameterError, match=r"not alpha.*confidence=0\.95"):
        theil_sen([1.0, 3.0, 2.0, 5.0], confidence=0.05)
    with pytest.raises(ParameterError, match="strictly between 0 and 1"):
        theil_sen([1.0, 3.0, 2.0, 5.0], confidence=1.0)


def test_growth_rate_by_hand():
    # 100, 110, 121, 133.1: every pairwise slope of the log is log(1.1), so the growth
    # is 100 * (1.1 - 1) = 10 % a year and Sen's interval is the single value 10 %.
    got = growth_rate([100.0, 110.0, 121.0, 133.1], times=[2020, 2021, 2022, 2023])
    assert got.pct == pytest.approx(10.0)
    assert got.low_pct == pytest.approx(10.0) and got.high_pct == pytest.approx(10.0)
    # 100, 50, 100 over 2020-2022: log slopes -log 2, 0 (over 2 years), +log 2; the median
    # is 0 -> 0 % a year.
    assert growth_rate([100.0, 50.0, 100.0], [2020, 2021, 2022]).pct == pytest.approx(0.0)


def test_growth_rate_needs_positive_values():
    with pytest.raises(DataError, match=r"positive values; value 0.0 at position 1"):
        growth_rate([10.0, 0.0, 12.0])
