"""Tests of kcanalysis.methods.malmquist."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kcanalysis.errors import DataError
from kcanalysis.methods import malmquist, malmquist_summary

REF = Path(__file__).parents[1] / "data" / "reference"


@pytest.fixture(scope="module")
def deajl():
    # Source: DataEnvelopmentAnalysis.jl test/malmquist.jl (CRS, input orientation,
    # Färe et al. 1994); tests/data/reference/malmquist_deajl. Tolerance per row.
    data = pd.read_csv(REF / "malmquist_deajl" / "data.csv")
    expected = pd.read_csv(REF / "malmquist_deajl" / "expected.csv")
    return data, expected


def test_reproduces_deajl_reference(deajl):
    data, expected = deajl
    got = malmquist(data, inputs=["x"], outputs=["y"], dmu="dmu", period="period")
    assert list(got.columns[:8]) == [
        "dmu",
        "from_period",
        "to_period",
        "M",
        "EC",
        "TC",
        "PEch",
        "SEch",
    ]
    merged = expected.merge(got, on=["dmu", "from_period", "to_period"], suffixes=("_ref", ""))
    assert len(merged) == len(expected) == 10
    for col in ["M", "EC", "TC"]:
        diff = (merged[col] - merged[f"{col}_ref"]).abs()
        assert (diff <= merged["tolerance"]).all(), merged[[col, f"{col}_ref"]]


def test_hand_worked_first_pair(deajl):
    # Period 1 frontier: best y/x = 4/3 (dmu 2); period 2: best y/x = 2 (dmu 2).
    # dmu 1: (2, 1) then (1, 1). D1(t1) = 0.5/(4/3) = 0.375, D2(t2) = 1/2 = 0.5,
    # D1(t2) = 1/(4/3) = 0.75, D2(t1) = 0.5/2 = 0.25.
    # M = sqrt(0.75/0.375 * 0.5/0.25) = 2 > 1: productivity grew (same output, half input).
    data, _ = deajl
    got = malmquist(data, ["x"], ["y"]).set_index(["dmu", "from_period"])
    assert got.loc[(1, 1), "M"] == pytest.approx(2.0)
    assert got.loc[(1, 1), "EC"] == pytest.approx(0.5 / 0.375)


def test_vrs_split_hand_worked(deajl):
    # dmu 4: (x, y) = (4, 3) in period 1 and (3, 3) in period 2.
    # VRS period 1: y = 3 lies between (2, 1) and (3, 4): 1 + 3l = 3 -> l = 2/3,
    # x = 2 + 2/3 = 8/3 -> theta = (8/3)/4 = 2/3. Period 2: between (1, 1) and (2, 4):
    # x = 1 + 2/3 = 5/3 -> theta = 5/9. PEch = (5/9)/(2/3) = 5/6;
    # EC = 0.8888888889 (reference) -> SEch = (8/9)/(5/6) = 16/15.
    data, _ = deajl
    got = malmquist(data, ["x"], ["y"]).set_index(["dmu", "from_period"])
    assert got.loc[(4, 1), "PEch"] == pytest.approx(5 / 6)
    assert got.loc[(4, 1), "SEch"] == pytest.approx(16 / 15)


def test_identities_hold(deajl):
    data, _ = deajl
    got = malmquist(data, ["x"], ["y"])
    np.testing.assert_allclose(got["M"], got["EC"] * got["TC"], rtol=1e-12)
    np.testing.assert_allclose(got["PEch"] * got["SEch"], got["EC"], rtol=1e-12)


def test_period_order_and_row_order_do_not_matter(deajl):
    data, _ = deajl
    a = malmquist(data, ["x"], ["y"])
    b = malmquist(data.sample(frac=1.0, random_state=3), ["x"], ["y"])
    pd.testing.assert_frame_equal(a, b)


def test_unbalanced_panel_names_missing_pairs(deajl):
    data, _ = deajl
    holey = data[~((data["dmu"] == 4) & (data["period"] == 2))]
    with pytest.raises(DataError, match=r"missing dmu-period pairs: \(4, 2\)"):
        malmquist(holey, ["x"], ["y"])
    with pytest.raises(DataError, match="more than one row"):
        malmquist(pd.concat([data, data.head(1)]), ["x"], ["y"])
    with pytest.raises(DataError, match="lacks columns"):
        malmquist(data, ["budget"], ["y"])


def test_nan_and_negative_values_are_rejected(deajl):
    data, _ = deajl
    bad = data.copy()
    bad.loc[0, "x"] = np.nan
    with pytest.raises(DataError, match="missing"):
        malmquist(bad, ["x"], ["y"])
    bad.loc[0, "x"] = -1.0
    with pytest.raises(DataError, match="negative"):
        malmquist(bad, ["x"], ["y"])


def test_zero_inputs_give_nan_not_crash(deajl):
    data, _ = deajl
    # dmu 3 inactive in period 2 (no budget, no output): its own indices are undefined,
    # the others are unchanged because a zero unit adds nothing to the frontier.
    zero = data.copy()
    zero.loc[(zero["dmu"] == 3) & (zero["period"] == 2), ["x", "y"]] = 0.0
    got = malmquist(zero, ["x"], ["y"]).set_index(["dmu", "from_period"])
    assert math.isnan(got.loc[(3, 1), "M"])
    assert math.isnan(got.loc[(3, 2), "PEch"])
    assert got.loc[(1, 1), "M"] == pytest.approx(2.0)  # reference value, as above


def test_summary_is_geometric_mean(deajl):
    data, expected = deajl
    got = malmquist_summary(malmquist(data, ["x"], ["y"]), by="dmu")
    # dmu 1: M = 2 then 4 (reference) -> geometric mean sqrt(8); EC 4/3 and 2 -> sqrt(8/3).
    assert got.loc[1, "M"] == pytest.approx(math.sqrt(8))
    assert got.loc[1, "EC"] == pytest.approx(math.sqrt(8 / 3))
    assert got.loc[1, "n"] == 2
    by_period = malmquist_summary(malmquist(data, ["x"], ["y"]), by="period")
    # TC is 1.5 for every dmu from period 1 to 2 in the reference.
    assert by_period.loc[(1, 2), "TC"] == pytest.approx(1.5)
    overall = malmquist_summary(malmquist(data, ["x"], ["y"]), by=None)
    assert overall["M"].iloc[0] == pytest.approx(np.exp(np.log(expected["M"]).mean()), rel=1e-6)
