"""Tests of kcanalysis.methods.funnel: control limits and overdispersion."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.methods import funnel_limits, overdispersion

REF = Path(__file__).parents[1] / "data" / "reference"
Z95, Z998 = 1.959963984540054, 3.090232306167813  # Phi^-1(0.975), Phi^-1(0.999)


def _wilson(p: float, n: float, z: float) -> tuple[float, float]:
    """Textbook Wilson score interval of an observed proportion (independent of the module)."""
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def test_poisson_limits_reproduce_funnelplotr():
    # Source: NHS-R FunnelPlotR tests/testthat/test-poisson_limits.R
    # (tests/data/reference/funnel_poisson_funnelplotr); published values are rounded,
    # tolerance 1e-6.
    expected = pd.read_csv(REF / "funnel_poisson_funnelplotr" / "expected.csv")
    target = float(expected["target"].iloc[0])
    got = funnel_limits(expected["expected_events"], target, kind="poisson")
    assert list(got.columns) == ["denominator", "lower_95", "upper_95", "lower_998", "upper_998"]
    np.testing.assert_allclose(got["denominator"], expected["expected_events"])
    for ours, theirs in [
        ("lower_95", "ll95"),
        ("upper_95", "ul95"),
        ("lower_998", "ll99_8"),
        ("upper_998", "ul99_8"),
    ]:
        np.testing.assert_allclose(got[ours], expected[theirs], atol=1e-6, rtol=0)


def test_proportion_limits_are_inverted_wilson():
    # Hand: target 0.5, n = 100: 0.5 -/+ 1.959964 * sqrt(0.25/100) = 0.5 -/+ 0.0979982.
    got = funnel_limits([100], 0.5, kind="proportion")
    assert got["lower_95"].iloc[0] == pytest.approx(0.5 - Z95 * 0.05, abs=1e-9)
    assert got["upper_998"].iloc[0] == pytest.approx(0.5 + Z998 * 0.05, abs=1e-9)
    # Definition (PHE Fingertips): the observed proportion at the limit has a Wilson
    # interval that just touches the target.
    for n, target in [(40, 0.3), (250, 0.12), (1000, 0.8)]:
        row = funnel_limits([n], target, kind="proportion").iloc[0]
        assert _wilson(row["lower_95"], n, Z95)[1] == pytest.approx(target, abs=1e-9)
        assert _wilson(row["upper_95"], n, Z95)[0] == pytest.approx(target, abs=1e-9)
        assert _wilson(row["lower_998"], n, Z998)[1] == pytest.approx(target, abs=1e-9)


def test_proportion_limits_clip_to_unit_interval():
    # n = 4, target 0.1: 0.1 - 1.96 * 0.15 < 0 -> clipped to 0.
    row = funnel_limits([4], 0.1, kind="proportion").iloc[0]
    assert row["lower_95"] == 0.0
    assert row["upper_998"] == pytest.approx(0.1 + Z998 * 0.15)


def test_normal_limits_with_sd_se_and_tau2():
    # sd = 2 and n = 4 give se = 1: limits 10 -/+ 1.959964.
    row = funnel_limits([4], 10.0, kind="normal", sd=2.0).iloc[0]
    assert (row["lower_95"], row["upper_95"]) == pytest.approx((10 - Z95, 10 + Z95))
    # tau2 = 3 widens the standard error to sqrt(1 + 3) = 2.
    row = funnel_limits([4], 10.0, kind="normal", se=[1.0], tau2=3.0).iloc[0]
    assert row["upper_998"] == pytest.approx(10 + 2 * Z998)


def test_custom_levels_name_columns():
    got = funnel_limits([10, 20], 1.0, kind="poisson", levels=(0.9,))
    assert list(got.columns) == ["denominator", "lower_90", "upper_90"]
    assert len(got) == 2


def test_funnel_argument_errors():
    with pytest.raises(ParameterError, match="kind"):
        funnel_limits([10], 1.0, kind="gamma")
    with pytest.raises(ParameterError, match="exactly one"):
        funnel_limits([10], 1.0, kind="normal")
    with pytest.raises(ParameterError, match="tau2"):
        funnel_limits([10], 1.0, kind="poisson", tau2=0.5)
    with pytest.raises(ParameterError, match="levels"):
        funnel_limits([10], 1.0, kind="poisson", levels=(95,))
    with pytest.raises(DataError, match="positive"):
        funnel_limits([10, 0], 1.0, kind="poisson")
    with pytest.raises(DataError, match="positive"):
        funnel_limits([10, np.nan], 0.2, kind="proportion")


def test_overdispersion_without_winsorising_hand_worked():
    # z = (-2, 0, 2), s = 1: phi = 8/3; w = 1 each, sum w - sum w^2/sum w = 3 - 1 = 2;
    # tau2 = (3 * 8/3 - 2) / 2 = 3.
    res = overdispersion([-2.0, 0.0, 2.0], [1.0, 1.0, 1.0], target=0.0, winsor=None)
    assert res.phi == pytest.approx(8 / 3)
    assert res.tau2 == pytest.approx(3.0)
    assert res.n == 3


def test_overdispersion_winsorises_at_10_and_90_percent():
    # z = (-10, -1, 0, 1, 10): linear 10% quantile = -10 + 0.4 * 9 = -6.4, 90% = 6.4.
    # sum z^2 = 2 * 6.4^2 + 2 = 83.92, phi = 16.784; tau2 = (83.92 - 4) / (5 - 1) = 19.98.
    res = overdispersion([-10.0, -1.0, 0.0, 1.0, 10.0], [1.0] * 5, target=0.0)
    assert res.phi == pytest.approx(16.784)
    assert res.tau2 == pytest.approx(19.98)


def test_overdispersion_clips_tau2_at_zero():
    # z = (-0.5, 0.5): phi = 0.25 < 1, I*phi - (I-1) = -0.5 -> tau2 = 0.
    res = overdispersion([9.5, 10.5], [1.0, 1.0], target=10.0, winsor=None)
    assert res.phi == pytest.approx(0.25)
    assert res.tau2 == 0.0


def test_overdispersion_errors():
    with pytest.raises(DataError, match="positive"):
        overdispersion([1.0, 2.0], [1.0, 0.0], target=1.0)
    with pytest.raises(DataError, match="at least 2"):
        overdispersion([1.0, np.nan], [1.0, 1.0], target=1.0)


def test_exact_binomial_limits_by_hand():
    # Spiegelhalter (2005), appendix A.1.1, n = 10, target 0.5, 95 %:
    # F(1) = 11/1024, F(2) = 56/1024 -> r_0.025 = 2,
    # alpha = (56/1024 - 0.025) / (45/1024) = 0.675556 -> (2 - 0.675556) / 10 = 0.132444.
    # F(7) = 968/1024, F(8) = 1013/1024 -> r_0.975 = 8,
    # alpha = (1013/1024 - 0.975) / (45/1024) = 0.324444 -> (8 - 0.324444) / 10 = 0.767556.
    got = funnel_limits([10], 0.5, "binomial", levels=(0.95,))
    assert got["lower_95"].iloc[0] == pytest.approx((2 - 0.0296875 / (45 / 1024)) / 10)
    assert got["upper_95"].iloc[0] == pytest.approx((8 - (1013 / 1024 - 0.975) / (45 / 1024)) / 10)
    with pytest.raises(ParameterError, match="not defined for exact binomial"):
        funnel_limits([10], 0.5, "binomial", tau2=0.01)
