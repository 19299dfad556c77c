"""Tests of kcanalysis.methods.shrinkage: DerSimonian-Laird EB and James-Stein."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kcanalysis.errors import DataError
from kcanalysis.methods import dersimonian_laird, james_stein, shrink

REF = Path(__file__).parents[1] / "data" / "reference"


def test_james_stein_reproduces_efron_morris_c():
    # Source: Efron & Morris (1975, 1977), data as in R package pscl `EfronMorris`;
    # tests/data/reference/eb_efron_morris: c = 0.212 to 3 dp.
    # Convention that reproduces it: y = batting average after 45 at-bats (column y),
    # sigma^2 = ybar (1 - ybar) / 45 with ybar the grand mean of y (-> c = 0.2124).
    # Other candidates miss: the season averages p give 0.2130 and the arcsine
    # transform sqrt(45) asin(2y - 1) with sigma^2 = 1 gives 0.2092.
    data = pd.read_csv(REF / "eb_efron_morris" / "data.csv")
    expected = pd.read_csv(REF / "eb_efron_morris" / "expected.csv").set_index("quantity")
    y = data["y"].to_numpy()
    assert len(y) == int(expected.loc["k", "value"])
    ybar = y.mean()
    res = james_stein(y, sigma2=ybar * (1 - ybar) / 45)
    assert round(res.c, 3) == pytest.approx(float(expected.loc["james_stein_shrinkage_c", "value"]))
    # Hand: Clemente 0.400 -> ybar + c (0.400 - ybar) = 0.2654 + 0.212 * 0.1346 = 0.294.
    assert res.shrunk[0] == pytest.approx(0.2654 + 0.212 * (0.400 - 0.2654), abs=5e-4)
    assert res.mean == pytest.approx(ybar)


def test_james_stein_positive_part_and_all_equal():
    # y = (0, 1, 2, 3): sum (y - ybar)^2 = 5; sigma2 = 10 -> c = 1 - 1 * 10 / 5 = -1 -> 0.
    res = james_stein([0.0, 1.0, 2.0, 3.0], sigma2=10.0)
    assert res.c == 0.0
    np.testing.assert_allclose(res.shrunk, 1.5)
    assert james_stein([0.0, 1.0, 2.0, 3.0], 10.0, positive_part=False).c == pytest.approx(-1.0)
    same = james_stein([2.0, 2.0, 2.0, 2.0], sigma2=1.0)
    np.testing.assert_allclose(same.shrunk, 2.0)
    with pytest.raises(DataError, match="at least 4"):
        james_stein([1.0, 2.0, 3.0], sigma2=1.0)


def test_shrink_two_units_hand_worked():
    # y = (0, 2), s^2 = (1, 1): mu_FE = 1, Q = 2, sum w - sum w^2/sum w = 1 -> tau2 = 1.
    # B = 1/(1+1) = 0.5, mu = 1 -> shrunk = 1 + 0.5 (y - 1) = (0.5, 1.5).
    got = shrink([0.0, 2.0], [1.0, 1.0])
    assert got.attrs["tau2"] == pytest.approx(1.0)
    assert got.attrs["mu"] == pytest.approx(1.0)
    np.testing.assert_allclose(got["shrunk"], [0.5, 1.5])
    np.testing.assert_allclose(got["weight"], [0.5, 0.5])
    assert list(got.columns[:4]) == ["estimate", "variance", "shrunk", "weight"]


def test_shrink_unequal_variances_hand_worked():
    # y = (0, 3), s^2 = (1, 4): w = (1, 0.25); mu_FE = 0.75/1.25 = 0.6;
    # Q = 0.36 + 0.25 * 5.76 = 1.8; denominator 1.25 - 1.0625/1.25 = 0.4 -> tau2 = 2.
    # w* = (1/3, 1/6) -> mu = 0.5 / 0.5 = 1; B = (2/3, 1/3);
    # shrunk = (1 - 2/3, 1 + 2/3) = (1/3, 5/3): the noisier unit moves more.
    got = shrink(pd.Series([0.0, 3.0], index=["Huế", "Kon Tum"]), [1.0, 4.0])
    assert got.attrs["tau2"] == pytest.approx(2.0)
    assert got.attrs["mu"] == pytest.approx(1.0)
    np.testing.assert_allclose(got["weight"], [2 / 3, 1 / 3])
    np.testing.assert_allclose(got["shrunk"], [1 / 3, 5 / 3])
    assert list(got.index) == ["Huế", "Kon Tum"]
    assert dersimonian_laird([0.0, 3.0], [1.0, 4.0]) == pytest.approx(2.0)


def test_shrink_tau2_clipped_at_zero_pools_everything():
    # Identical estimates: Q = 0 < k - 1 -> tau2 = 0, B = 0, every unit -> mu = 1.
    got = shrink([1.0, 1.0, 1.0], [1.0, 2.0, 3.0])
    assert got.attrs["tau2"] == 0.0
    np.testing.assert_allclose(got["shrunk"], 1.0)
    np.testing.assert_allclose(got["weight"], 0.0)


def test_shrink_nan_rows_are_kept_and_skipped():
    got = shrink([0.0, np.nan, 2.0], [1.0, 1.0, 1.0])
    assert math.isnan(got["shrunk"].iloc[1])
    assert got.attrs["k"] == 2
    np.testing.assert_allclose(got["shrunk"].iloc[[0, 2]], [0.5, 1.5])  # as the 2-unit case


def test_shrink_errors():
    with pytest.raises(DataError, match="positive"):
        shrink([1.0, 2.0], [1.0, 0.0])
    with pytest.raises(DataError, match="at least 2"):
        shrink([1.0], [1.0])
    with pytest.raises(DataError, match="length"):
        shrink([1.0, 2.0], [1.0])
