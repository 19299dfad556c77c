"""Tests of kcanalysis.methods.dea: CCR/BCC scores, slacks, peers, super-efficiency."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.methods import dea, super_efficiency

REF = Path(__file__).parents[1] / "data" / "reference"
TOL = 1e-8  # tolerance stated in tests/data/reference/README.md


@pytest.fixture(scope="module")
def fls():
    # Source: DataEnvelopmentAnalysis.jl test/dea.jl, "FLS Book data" (results tested
    # against R there); tests/data/reference/dea_fls_11dmu.
    data = pd.read_csv(REF / "dea_fls_11dmu" / "data.csv", index_col="dmu")
    expected = pd.read_csv(REF / "dea_fls_11dmu" / "expected.csv", index_col="dmu")
    return data[["x1", "x2"]], data[["y1"]], expected


@pytest.mark.parametrize(
    ("rts", "orientation", "column"),
    [
        ("crs", "input", "crs_input_theta"),
        ("vrs", "input", "vrs_input_theta"),
        ("crs", "output", "crs_output_phi"),
        ("vrs", "output", "vrs_output_phi"),
    ],
)
def test_scores_reproduce_fls_reference(fls, rts, orientation, column):
    x, y, expected = fls
    got = dea(x, y, rts=rts, orientation=orientation)
    assert got.index.equals(x.index)
    if orientation == "input":
        np.testing.assert_allclose(got["theta"], expected[column], atol=TOL, rtol=0)
        np.testing.assert_allclose(got["efficiency"], expected[column], atol=TOL, rtol=0)
        assert got["phi"].isna().all()
    else:  # the reference gives Farrell phi >= 1; efficiency = 1/phi
        np.testing.assert_allclose(got["phi"], expected[column], atol=TOL, rtol=0)
        np.testing.assert_allclose(got["efficiency"], 1 / expected[column], atol=TOL, rtol=0)


def test_crs_input_phase2_slacks_reproduce_fls_reference(fls):
    x, y, expected = fls
    got = dea(x, y, rts="crs", orientation="input")
    for col in ["x1", "x2"]:
        np.testing.assert_allclose(
            got[f"slack_{col}"], expected[f"crs_input_slack_{col}"], atol=TOL, rtol=0
        )
    np.testing.assert_allclose(got["slack_y1"], 0.0, atol=TOL)


def test_peers_lambdas_and_targets_by_hand(fls):
    x, y, _ = fls
    got = dea(x, y, rts="crs", orientation="input")
    # DMU 6 = (23, 6; 9), theta = 5/9: its projection is 1/3 of DMU 7 = (25, 10; 27):
    # (8.333, 3.333; 9); theta * x = (12.778, 3.333) -> slack on x1 = 4.444 (reference).
    assert got.loc[6, "peers"] == (7,)
    assert got.loc[6, "lambdas"] == pytest.approx({7: 1 / 3})
    assert got.loc[6, "target_x1"] == pytest.approx(25 / 3)
    assert got.loc[6, "target_x2"] == pytest.approx(10 / 3)
    assert got.loc[6, "target_y1"] == pytest.approx(9.0)
    # Efficient DMUs are their own peer.
    assert got.loc[1, "peers"] == (1,)
    # DMU 11 = (5, 17; 12) has theta = 1 but a slack of 4 on x2 (reference): phase 2
    # projects it onto DMU 1 = (5, 13; 12), so its peer is DMU 1, not itself.
    assert got.loc[11, "peers"] == (1,)
    assert got.loc[11, "lambdas"] == pytest.approx({1: 1.0})
    assert got.loc[11, "target_x2"] == pytest.approx(13.0)


def test_projected_unit_is_efficient(fls):
    x, y, _ = fls
    got = dea(x, y, rts="vrs", orientation="output")
    x2, y2 = x.astype(float), y.astype(float)
    x2.loc[10] = [got.loc[10, "target_x1"], got.loc[10, "target_x2"]]
    y2.loc[10] = [got.loc[10, "target_y1"]]
    again = dea(x2, y2, rts="vrs", orientation="output")
    assert again.loc[10, "efficiency"] == pytest.approx(1.0, abs=1e-9)


def test_dominating_unit_by_hand():
    # A uses (1, 1) for 10 outputs and beats everyone. B = (2, 2; 5): CRS needs
    # lambda_A = 0.5 for 5 outputs, i.e. inputs (0.5, 0.5) = 0.25 * (2, 2) -> 0.25.
    x = pd.DataFrame(
        {"budget": [1.0, 2.0, 3.0, 4.0], "projects": [1.0, 2.0, 5.0, 1.5]}, list("ABCD")
    )
    y = pd.DataFrame({"trainees": [10.0, 5.0, 8.0, 2.0]}, index=x.index)
    got = dea(x, y)
    assert got.loc["A", "efficiency"] == pytest.approx(1.0)
    assert got.loc["B", "efficiency"] == pytest.approx(0.25)
    assert (got.loc[["B", "C", "D"], "efficiency"] < 1).all()
    assert all(p == ("A",) for p in got["peers"])


def test_zero_input_and_output_rows_do_not_crash():
    x = pd.DataFrame({"budget": [0.0, 4.0, 6.0], "projects": [0.0, 2.0, 0.0]}, list("PQR"))
    y = pd.DataFrame({"jobs": [0.0, 8.0, 6.0]}, index=x.index)
    got = dea(x, y, orientation="input")
    assert math.isnan(got.loc["P", "efficiency"])
    assert "inputs are zero" in got.loc["P", "note"]
    # Q = (4, 2; 8) and R = (6, 0; 6): R's projects = 0 forces lambda_Q = 0 when
    # evaluating R, so R is efficient; Q: 8/4 = 2 per budget vs R 1 -> Q efficient too.
    assert got.loc["Q", "efficiency"] == pytest.approx(1.0)
    assert got.loc["R", "efficiency"] == pytest.approx(1.0)
    out = dea(x, y, orientation="output")
    assert math.isnan(out.loc["P", "efficiency"])
    assert "outputs are zero" in out.loc["P", "note"]


def test_single_unit_is_efficient():
    got = dea(pd.DataFrame({"x": [3.0]}), pd.DataFrame({"y": [2.0]}), rts="vrs")
    assert got["efficiency"].iloc[0] == pytest.approx(1.0)


def test_invalid_data_names_unit_and_column():
    x = pd.DataFrame({"budget": [1.0, np.nan]}, index=["Huế", "Đà Nẵng"])
    y = pd.DataFrame({"jobs": [1.0, 2.0]}, index=x.index)
    with pytest.raises(DataError, match=r"'budget' of unit 'Đà Nẵng'.*missing"):
        dea(x, y)
    x = pd.DataFrame({"budget": [1.0, 2.0]}, index=x.index)
    y = pd.DataFrame({"jobs": [1.0, -2.0]}, index=x.index)
    with pytest.raises(DataError, match=r"'jobs' of unit 'Đà Nẵng' is negative"):
        dea(x, y)
    with pytest.raises(DataError, match="same index"):
        dea(x, y.set_axis(["a", "b"]))
    with pytest.raises(ParameterError, match="rts"):
        dea(x, y.abs(), rts="drs")
    with pytest.raises(ParameterError, match="orientation"):
        dea(x, y.abs(), orientation="both")


def test_super_efficiency_by_hand():
    # One input, one output, CRS: score = (y/x) / best (y/x) among the others.
    # A: 2/2 = 1, B: 2/4 = 0.5 -> A's super-efficiency is 1/0.5 = 2; B stays 0.5.
    x = pd.DataFrame({"x": [2.0, 4.0]}, index=["A", "B"])
    y = pd.DataFrame({"y": [2.0, 2.0]}, index=["A", "B"])
    got = super_efficiency(x, y)
    assert got.loc["A", "efficiency"] == pytest.approx(2.0)
    assert got.loc["B", "efficiency"] == pytest.approx(0.5)
    assert got["feasible"].all()


def test_vrs_super_efficiency_infeasible_gives_nan(fls):
    x, y, expected = fls
    got = super_efficiency(x, y, rts="vrs")
    # DMU 9 has the largest output (31): no convex mix of the others reaches it.
    assert not got.loc[9, "feasible"]
    assert math.isnan(got.loc[9, "efficiency"])
    # Inefficient units keep their ordinary VRS score (reference), efficient ones >= 1.
    ineff = expected["vrs_input_theta"] < 1 - 1e-6
    np.testing.assert_allclose(
        got.loc[ineff, "efficiency"], expected.loc[ineff, "vrs_input_theta"], atol=TOL
    )
    feasible_eff = ~ineff & got["feasible"]
    assert (got.loc[feasible_eff, "efficiency"] >= 1 - 1e-9).all()


def test_super_efficiency_crs_keeps_inefficient_scores(fls):
    x, y, expected = fls
    got = super_efficiency(x, y, rts="crs", orientation="output")
    ineff = expected["crs_output_phi"] > 1 + 1e-6
    np.testing.assert_allclose(
        got.loc[ineff, "phi"], expected.loc[ineff, "crs_output_phi"], atol=TOL
    )
    assert (got.loc[~ineff, "efficiency"] >= 1 - 1e-9).all()


_positive = arrays(np.float64, (8, 3), elements=st.floats(0.5, 100.0))


_A = 27.6328125
#: Found by Hypothesis: before inputs were divided by their largest value, the solver's
#: tolerance gave an input-oriented score that moved by 2e-5 (relative) when the budget
#: was multiplied by 58.
_BADLY_SCALED = np.array(
    [
        [1, _A, _A],
        [_A, _A, _A],
        [_A, _A, _A],
        [2, 4.44757603, _A],
        [_A, _A, _A],
        [76, 14.34765625, 89.125],
        [_A, _A, _A],
        [_A, _A, _A],
    ]
)


@settings(max_examples=25, deadline=None)
@given(_positive, st.floats(1e-3, 1e4))
@example(_BADLY_SCALED, 58.0)
def test_efficiency_invariant_to_rescaling_an_input_and_crs_le_vrs(data, factor):
    x = pd.DataFrame(data[:, :2], columns=["budget", "projects"])
    y = pd.DataFrame(data[:, 2:], columns=["trainees"])
    scaled = x.assign(budget=x["budget"] * factor)
    for orientation in ("input", "output"):
        crs = dea(x, y, "crs", orientation, slacks=False)["efficiency"]
        vrs = dea(x, y, "vrs", orientation, slacks=False)["efficiency"]
        assert (crs <= vrs + 1e-7).all()
        assert ((crs > 0) & (vrs <= 1 + 1e-7)).all()
        again = dea(scaled, y, "crs", orientation, slacks=False)["efficiency"]
        np.testing.assert_allclose(again, crs, rtol=1e-6)
