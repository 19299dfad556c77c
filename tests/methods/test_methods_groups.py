"""Tests of kcanalysis.methods.groups (Kruskal-Wallis + Dunn) and multiple (p adjustment)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.methods import adjust_pvalues, compare_groups

REF = Path(__file__).parents[1] / "data" / "reference"


def test_kruskal_reproduces_scipy_documentation_example():
    # Source: SciPy documentation example for scipy.stats.mstats.kruskal (with ties);
    # tests/data/reference/kruskal_scipy, tolerance 1e-12.
    data = pd.read_csv(REF / "kruskal_scipy" / "data.csv")
    expected = pd.read_csv(REF / "kruskal_scipy" / "expected.csv").iloc[0]
    res = compare_groups(data["value"], data["group"])
    assert res.h == pytest.approx(expected["H"], abs=1e-12)
    assert res.p == pytest.approx(expected["pvalue"], abs=1e-12)
    assert res.df == 2
    assert res.n == 13
    assert list(res.pairs[["group_a", "group_b"]].itertuples(index=False, name=None)) == [
        ("a", "b"),
        ("a", "c"),
        ("b", "c"),
    ]


def test_dunn_without_ties_hand_worked():
    # Ranks are the values 1..6; mean ranks a 1.5, b 3.5, c 5.5; N(N+1)/12 = 3.5,
    # 1/2 + 1/2 = 1 -> se = sqrt(3.5). z_ab = -2/sqrt(3.5), z_ac = -4/sqrt(3.5).
    res = compare_groups([1, 2, 3, 4, 5, 6], ["a", "a", "b", "b", "c", "c"])
    pairs = res.pairs.set_index(["group_a", "group_b"])
    z_ab, z_ac = -2 / math.sqrt(3.5), -4 / math.sqrt(3.5)
    assert pairs.loc[("a", "b"), "z"] == pytest.approx(z_ab)
    assert pairs.loc[("a", "c"), "z"] == pytest.approx(z_ac)
    assert pairs.loc[("b", "c"), "z"] == pytest.approx(z_ab)
    p_ab, p_ac = 2 * stats.norm.sf(-z_ab), 2 * stats.norm.sf(-z_ac)  # 0.2851, 0.0325
    assert pairs.loc[("a", "c"), "p"] == pytest.approx(p_ac)
    # Holm over 3 pairs: 3 * p_ac, then max(3 p_ac, 2 p_ab) for both remaining pairs.
    assert pairs.loc[("a", "c"), "p_adj"] == pytest.approx(3 * p_ac)
    assert pairs.loc[("a", "b"), "p_adj"] == pytest.approx(2 * p_ab)
    assert pairs.loc[("b", "c"), "p_adj"] == pytest.approx(2 * p_ab)


def test_dunn_with_ties_hand_worked():
    # Pooled 1, 2, 2, 2, 3, 4 -> ranks 1, 3, 3, 3, 5, 6. a = (1, 2, 2): mean rank 7/3;
    # b = (2, 3, 4): 14/3. Tie group t = 3: sum(t^3 - t) = 24;
    # 6*7/12 - 24/(12*5) = 3.5 - 0.4 = 3.1; times (1/3 + 1/3) -> var = 6.2/3.
    res = compare_groups([1, 2, 2, 2, 3, 4], ["a", "a", "a", "b", "b", "b"])
    row = res.pairs.iloc[0]
    z = (7 / 3 - 14 / 3) / math.sqrt(6.2 / 3)
    assert row["z"] == pytest.approx(z)
    assert row["mean_rank_a"] == pytest.approx(7 / 3)
    assert row["p_adj"] == pytest.approx(row["p"])  # one pair: nothing to adjust


def test_all_equal_values_and_nan():
    res = compare_groups([5.0, 5.0, 5.0, 5.0, np.nan], ["x", "x", "y", "y", "y"])
    assert (res.h, res.p, res.n) == (0.0, 1.0, 4)
    assert res.pairs["z"].iloc[0] == 0.0
    assert res.pairs["p"].iloc[0] == 1.0


def test_compare_groups_errors():
    with pytest.raises(DataError, match="2 non-empty groups"):
        compare_groups([1.0, 2.0, 3.0], ["a", "a", "a"])
    with pytest.raises(DataError, match="length"):
        compare_groups([1.0, 2.0], ["a"])


def test_adjust_pvalues_hand_worked():
    p = [0.01, 0.04, 0.03, 0.005]
    # BH: sorted 0.005, 0.01, 0.03, 0.04 -> m p / rank = 0.02, 0.02, 0.04, 0.04 (already
    # monotone) -> back in input order: 0.02, 0.04, 0.04, 0.02.
    np.testing.assert_allclose(adjust_pvalues(p, "bh"), [0.02, 0.04, 0.04, 0.02])
    # Holm: 4*0.005 = 0.02, 3*0.01 = 0.03, 2*0.03 = 0.06, 1*0.04 -> running max 0.06.
    np.testing.assert_allclose(adjust_pvalues(p, "holm"), [0.03, 0.06, 0.06, 0.02])
    np.testing.assert_allclose(adjust_pvalues(p, "bonferroni"), [0.04, 0.16, 0.12, 0.02])


def test_adjust_pvalues_keeps_nan_and_series_index():
    p = pd.Series([0.01, np.nan, 0.04], index=["Huế", "Đà Nẵng", "Kon Tum"])
    got = adjust_pvalues(p, "bh")
    assert list(got.index) == list(p.index)
    assert math.isnan(got["Đà Nẵng"])
    # m = 2 (NaN not counted): 0.01 -> 0.02, 0.04 -> 0.04.
    np.testing.assert_allclose(got.dropna(), [0.02, 0.04])


def test_adjust_pvalues_errors():
    with pytest.raises(ParameterError, match="method"):
        adjust_pvalues([0.1], "fdr")
    with pytest.raises(DataError, match=r"\[0, 1\]"):
        adjust_pvalues([0.1, 1.5])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30))
def test_bh_matches_scipy_and_is_monotone(p):
    # scipy.stats.false_discovery_control is an independent BH implementation.
    got = adjust_pvalues(p, "bh")
    np.testing.assert_allclose(got, stats.false_discovery_control(p), rtol=1e-12, atol=1e-15)
    assert np.all(got >= np.asarray(p) - 1e-15)
    holm = adjust_pvalues(p, "holm")
    order = np.argsort(p, kind="stable")
    assert np.all(np.diff(holm[order]) >= -1e-15)
