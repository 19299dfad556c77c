"""DEA on data spanning many orders of magnitude: scaling, residual checks, stacking."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linprog

from kcanalysis.methods import _lp, dea, malmquist, super_efficiency

REF = Path(__file__).parents[1] / "data" / "reference"

# Budgets 1e3 .. 1e11 (one province-year tiny, one huge), projects 1..21 and trainees
# = budget / r, with r the budget per trainee. Unit 8 has the smallest r (1000) and one
# project. With one output and CRS, for unit o:
#   budget row:   theta * b_o >= sum_j l_j t_j r_j >= 1000 * sum_j l_j t_j >= 1000 * t_o,
#   so theta >= 1000 * t_o / b_o = 1000 / r_o;
#   lambda_8 = t_o / t_8 reaches it: projects l_8 * 1 = t_o / 1e8 <= (1000 / r_o) * p_o
#   because that is 1000 * p_o / b_o >= 1000 / 1e11 = 1e-8 (p_o >= 1, b_o <= 1e11).
# Hence theta_o = 1000 / r_o exactly. Before the per-unit scaling, unit 0 came out as 0:
# its trainees (0.25) divided by the largest (1e8) fell below HiGHS's tolerance of 1e-7.
_BUDGET = 10.0 ** np.arange(3, 12)
_PROJECTS = np.array([20.0, 17, 8, 10, 21, 18, 15, 10, 1])
_PER_TRAINEE = np.array([4000.0, 2000, 1600, 5000, 1600, 1600, 4000, 2500, 1000])


def _wide_panel() -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    x = pd.DataFrame({"budget": _BUDGET, "projects": _PROJECTS}, index=[f"P{i}" for i in range(9)])
    y = pd.DataFrame({"trainees": _BUDGET / _PER_TRAINEE}, index=x.index)
    return x, y, 1000.0 / _PER_TRAINEE  # 0.25, 0.5, 0.625, 0.2, 0.625, 0.625, 0.25, 0.4, 1


@pytest.mark.parametrize("orientation", ["input", "output"])
def test_budgets_from_1e3_to_1e11_in_one_column(orientation):
    x, y, expected = _wide_panel()
    got = dea(x, y, "crs", orientation)
    # CRS: input and output efficiency are equal (theta = 1/phi).
    np.testing.assert_allclose(got["efficiency"], expected, rtol=1e-9)
    assert (got["note"] == "").all()
    # Targets of the smallest unit (theta = 0.25): 0.25 * budget 1e3 = 250, lambda_8 =
    # t_0 / t_8 = 0.25 / 1e8 -> 2.5e-9 projects; its output stays 0.25 (input orientation).
    if orientation == "input":
        assert got.loc["P0", "target_budget"] == pytest.approx(250.0, rel=1e-9)
        assert got.loc["P0", "target_trainees"] == pytest.approx(0.25, rel=1e-9)
        assert got.loc["P0", "peers"] == ("P8",)


def test_malmquist_on_wide_data_is_one_when_nothing_changes():
    # Same data in both years: every D^a(b) equals the same-year score, so
    # M = EC = TC = 1 for every unit. Before the fix unit P0 had theta = 0 and M = NaN.
    x, y, _ = _wide_panel()
    one = pd.concat([x, y], axis=1).rename_axis("dmu").reset_index()
    panel = pd.concat([one.assign(period=2019), one.assign(period=2020)])
    got = malmquist(panel, ["budget", "projects"], ["trainees"])
    np.testing.assert_allclose(got[["M", "EC", "TC", "PEch"]], 1.0, rtol=1e-9)


def _per_unit(x, y, x_ref, y_ref, **kw):
    """The LP of every evaluated unit solved on its own (a stack of one block)."""
    out = [_lp.solve_radial(x[i : i + 1], y[i : i + 1], x_ref, y_ref, **kw) for i in range(len(x))]
    return np.concatenate([o[0] for o in out]), np.concatenate([o[1] for o in out])


def _fls_arrays():
    # tests/data/reference/dea_fls_11dmu (DataEnvelopmentAnalysis.jl "FLS Book data").
    data = pd.read_csv(REF / "dea_fls_11dmu" / "data.csv", index_col="dmu")
    return data[["x1", "x2"]].to_numpy(float), data[["y1"]].to_numpy(float)


@pytest.mark.parametrize("rts", ["crs", "vrs"])
@pytest.mark.parametrize("orientation", ["input", "output"])
@pytest.mark.parametrize("leave_out", [False, True])
def test_stacked_and_per_unit_agree_on_fls_reference(rts, orientation, leave_out):
    x, y = _fls_arrays()
    kw = {"rts": rts, "orientation": orientation}
    if leave_out:  # super-efficiency: unit i out of its own reference set
        kw["exclude"] = np.arange(len(x))
        stacked = _lp.solve_radial(x, y, x, y, **kw)
        single = [
            _lp.solve_radial(
                x[i : i + 1],
                y[i : i + 1],
                x,
                y,
                exclude=np.array([i]),
                rts=rts,
                orientation=orientation,
            )
            for i in range(len(x))
        ]
        single_score = np.concatenate([s[0] for s in single])
        np.testing.assert_allclose(stacked[0], single_score, atol=1e-9, rtol=0)
        return
    score = _lp.solve_radial(x, y, x, y, **kw)[0]
    one_score = _per_unit(x, y, x, y, **kw)[0]
    np.testing.assert_allclose(score, one_score, atol=1e-9, rtol=0)
    # Phase 2: lambdas need not be unique (FLS unit 11 has theta = 1 with itself or with
    # unit 1 plus a slack as peer), but the maximal sum of slacks is.
    stacked = _lp.solve_slacks(x, y, x, y, score, **kw)
    single = [
        _lp.solve_slacks(x[i : i + 1], y[i : i + 1], x, y, score[i : i + 1], **kw)
        for i in range(len(x))
    ]
    total = stacked[1].sum(axis=1) + stacked[2].sum(axis=1)
    one_total = [s[1].sum() + s[2].sum() for s in single]
    np.testing.assert_allclose(total, one_total, atol=1e-9, rtol=0)


def test_stacked_and_per_unit_agree_on_malmquist_reference():
    # tests/data/reference/malmquist_deajl: every same- and cross-period CRS and VRS LP.
    data = pd.read_csv(REF / "malmquist_deajl" / "data.csv").sort_values(["period", "dmu"])
    periods = sorted(data["period"].unique())
    xs = {p: data.loc[data["period"] == p, ["x"]].to_numpy(float) for p in periods}
    ys = {p: data.loc[data["period"] == p, ["y"]].to_numpy(float) for p in periods}
    for a in periods:
        for b in periods:
            for rts in ("crs", "vrs"):
                kw = {"rts": rts, "orientation": "input"}
                score = _lp.solve_radial(xs[b], ys[b], xs[a], ys[a], **kw)[0]
                one = _per_unit(xs[b], ys[b], xs[a], ys[a], **kw)[0]
                np.testing.assert_allclose(score, one, atol=1e-9, rtol=0, equal_nan=True)


def _one_unit_linprog(x: np.ndarray, y: np.ndarray, o: int, rts: str) -> float:
    """Input-oriented theta of unit ``o`` from scipy's linprog alone (default options).

    The textbook LP with each row divided by unit o's own value (x_o = y_o = 1), one
    unit at a time, no stacking and no column scaling.
    """
    n = len(x)
    xs, ys = x / x[o], y / y[o]
    a_ub = np.block([[-np.ones((x.shape[1], 1)), xs.T], [np.zeros((y.shape[1], 1)), -ys.T]])
    b_ub = np.concatenate([np.zeros(x.shape[1]), -np.ones(y.shape[1])])
    eq = {}
    if rts == "vrs":
        eq = {"A_eq": np.r_[0.0, np.ones(n)][None, :], "b_eq": [1.0]}
    res = linprog(np.r_[1.0, np.zeros(n)], A_ub=a_ub, b_ub=b_ub, bounds=(0, None), **eq)
    return res.x[0] if res.status == 0 else np.nan


_LINPROG_ABOVE = np.array([[64.0, 64.0, 64.0]] * 6 + [[64.0, 1.0, 64.0]])
_DATA = arrays(np.float64, (7, 3), elements=st.floats(1.0, 100.0))


@settings(deadline=None)
@given(_DATA, st.integers(0, 6), st.lists(st.integers(-8, 8), min_size=6, max_size=6))
def test_score_unchanged_when_other_units_are_multiplied_by_powers_of_ten(data, o, powers):
    # Under CRS the technology is the cone spanned by the units' (x_j, y_j), and
    # c * (x_j, y_j) spans the same ray: multiplying the other units' columns (their
    # inputs and outputs together) by 10^k leaves unit o's score where it was.
    x = pd.DataFrame(data[:, :2], columns=["budget", "projects"])
    y = pd.DataFrame(data[:, 2:], columns=["trainees"])
    factor = np.ones(7)
    factor[np.arange(7) != o] = 10.0 ** np.array(powers)
    base = dea(x, y, "crs", "input", slacks=False)["efficiency"].iloc[o]
    moved = dea(x.mul(factor, axis=0), y.mul(factor, axis=0), "crs", "input", slacks=False)
    assert moved["efficiency"].iloc[o] == pytest.approx(base, rel=1e-7)


@settings(deadline=None)
@given(
    arrays(np.float64, (7, 3), elements=st.floats(1.0, 100.0)),
    st.lists(st.integers(0, 8), min_size=7, max_size=7),
    st.sampled_from(["crs", "vrs"]),
)
@example(_LINPROG_ABOVE, [0, 0, 0, 0, 4, 7, 2], "crs")
def test_score_never_below_the_one_unit_linprog(data, powers, rts):
    # The one-unit LP solved by linprog alone is the textbook definition; the stacked,
    # scaled solve must never fall below it (the defect was theta = 0 for a small unit).
    # Budgets of 1 .. 1e10 in one column. The LP is given to linprog normalised by the
    # unit's own values: on the raw numbers linprog itself can stop above the minimum,
    # e.g. units (64, 64; 64) x 6 with budgets x 1, 1, 1, 1, 1e4, 1e7 and (6400, 1; 64):
    # unit 4 has theta = 1/64 (unit 6 alone: projects row 1/64, budget row 6400/64e4),
    # raw linprog returns 0.0156305.
    x = pd.DataFrame(data[:, :2], columns=["budget", "projects"])
    x["budget"] *= 10.0 ** np.array(powers)
    y = pd.DataFrame(data[:, 2:], columns=["trainees"])
    got = dea(x, y, rts, "input", slacks=False)["efficiency"].to_numpy()
    xa, ya = x.to_numpy(float), y.to_numpy(float)
    for o in range(7):
        plain = _one_unit_linprog(xa, ya, o, rts)
        if np.isfinite(plain):
            assert got[o] >= plain - 1e-7 * plain


def test_a_solution_that_breaks_a_constraint_is_solved_again(monkeypatch):
    # FLS reference unit 6 = (23, 6; 9) has CRS theta = 5/9 (tests/data/reference).
    # A chunk solver that returns lambda = 0, theta = 0 (the old defect) for every block
    # breaks the output row (0 >= 9 fails); the unit is then solved again alone.
    x, y = _fls_arrays()
    real = _lp._solve_chunk

    def broken(lp, idx, xs, status):
        xs[idx] = 0.0

    monkeypatch.setattr(_lp, "_solve_chunk", broken)
    score, lam, status = _lp.solve_radial(x, y, x, y, rts="crs", orientation="input")
    assert (status == 0).all()
    assert score[5] == pytest.approx(5 / 9, abs=1e-9)
    assert lam[5, 6] == pytest.approx(1 / 3, abs=1e-9)  # 1/3 of unit 7 = (25, 10; 27)
    monkeypatch.setattr(_lp, "_solve_chunk", real)


def test_a_solution_that_stays_broken_is_not_returned(monkeypatch):
    # If the re-solve breaks a constraint too, the unit gets status 4, no score and a note.
    x, y = _fls_arrays()

    class Bad:
        status = 0
        x = None

    def bad_stack(lp, *, presolve=False):
        res = Bad()
        res.x = np.zeros(lp.c.size)
        return res

    monkeypatch.setattr(_lp, "_linprog_stack", bad_stack)
    score, lam, status = _lp.solve_radial(x, y, x, y, rts="crs", orientation="input")
    assert (status == _lp.STATUS_RESIDUAL).all()
    assert np.isnan(score).all() and np.isnan(lam).all()
    got = dea(pd.DataFrame(x, columns=["a", "b"]), pd.DataFrame(y, columns=["c"]))
    assert got["efficiency"].isna().all()
    assert (got["note"] == "LP solution failed the feasibility check").all()


def test_super_efficiency_on_wide_data():
    # P8 left out of its own frontier. Per trainee (CRS, one output) P8 uses budget 1000
    # and projects 1 / 1e8 = 1e-8; a mix of the others needs theta >= its projects per
    # trainee / 1e-8, and the least projects per trainee is P7's: 10 * 2500 / 1e10 = 2.5e-6
    # (P6: 15 * 4000 / 1e9 = 6e-5, the rest more). P7 alone: budget row 2500 / 1000 = 2.5,
    # projects row 2.5e-6 / 1e-8 = 250 -> theta = 250. The others keep 1000 / r.
    x, y, expected = _wide_panel()
    got = super_efficiency(x, y, "crs", "input")
    assert got.loc["P8", "efficiency"] == pytest.approx(250.0, rel=1e-9)
    np.testing.assert_allclose(got["efficiency"].iloc[:8], expected[:8], rtol=1e-9)
