"""The shared rules: qualifier arithmetic, safe division and memoised totals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kcanalysis.indicators import _ratios, plan_fulfilment


@pytest.mark.parametrize(
    ("num_q", "den_q", "expected"),
    [
        ("", "", ""),
        (">", "", ">"),  # more than N over D: the ratio is more
        ("<", "", "<"),
        ("", ">", "<"),  # N over more than D: the ratio is less
        ("", "<", ">"),
        (">", "<", ">"),  # both push the ratio up
        ("<", ">", "<"),  # both push it down
        (">", ">", "~"),  # they pull apart: about
        ("~", "", "~"),
        ("", "~", "~"),
    ],
)
def test_ratio_qualifier_table(num_q, den_q, expected):
    assert _ratios.ratio_qualifier([num_q], [den_q]) == [expected]


def test_group_qualifiers_matches_combine_rule():
    keys = pd.DataFrame({"k": ["a", "a", "b", "b", "c", "d", "d"]})
    q = pd.Series(["", ">", ">", "<", "", "~", ">"])
    out = _ratios.group_qualifiers(q, keys)
    # a: "" + ">" -> ">"; b: ">" + "<" -> "~"; c: "" -> ""; d: "~" + ">" -> "~"
    assert out.to_dict() == {"a": ">", "b": "~", "c": "", "d": "~"}


def test_divide_never_gives_inf_or_zero_for_bad_denominators():
    ratio, why = _ratios.divide(
        np.array([10.0, 10.0, np.nan, 0.0, 6.0]),
        np.array([0.0, np.nan, 5.0, 4.0, 3.0]),
        "spending",
        "number of trainees",
    )
    assert math.isnan(ratio[0]) and math.isnan(ratio[1]) and math.isnan(ratio[2])
    assert not np.isinf(ratio).any()
    # 0 / 4 = 0 is a real zero; 6 / 3 = 2
    assert ratio[3] == 0.0 and ratio[4] == 2.0
    assert why == [
        "number of trainees is zero",
        "number of trainees not reported",
        "spending not reported",
        "",
        "",
    ]


def test_totals_memo_follows_content_not_identity(make_facts, one):
    facts = make_facts(
        dict(level="KCQG", activity="TRAIN", planned=100, actual=80),
        dict(level="KCDP", activity="TRAIN", planned=100, actual=100),
    )
    first = one(plan_fulfilment(facts), level="ALL", activity="ALL")
    assert first["fulfilment_ratio"] == pytest.approx(0.9)  # (80 + 100) / 200
    changed = facts.copy()
    changed.loc[changed["level"] == "KCQG", "actual"] = 40.0
    second = one(plan_fulfilment(changed), level="ALL", activity="ALL")
    assert second["fulfilment_ratio"] == pytest.approx(0.7)  # (40 + 100) / 200
    # the caller's table is never modified
    assert facts["actual"].tolist() == [80.0, 100.0]


def test_with_totals_memo_is_keyed_on_content_and_order(make_facts):
    # The memo must give what the plain computation gives, see a changed cell or a new
    # row order as a new frame, and never let a caller's change reach a later call.
    facts = make_facts(
        dict(level="KCDP", activity="TRAIN", actual=100),
        dict(level="KCDP", activity="DEMO", actual=50),
    )
    overall = lambda f: f.loc[(f["level"] == "ALL") & (f["activity"] == "ALL"), "actual"]  # noqa: E731
    first = _ratios.with_totals(facts)
    pd.testing.assert_frame_equal(first, _ratios._with_totals(facts))
    assert overall(first).tolist() == [150.0]  # 100 + 50
    first.loc[:, "actual"] = -1.0  # a caller's change stays with the caller
    assert overall(_ratios.with_totals(facts)).tolist() == [150.0]
    changed = facts.assign(actual=[100.0, 60.0])
    assert overall(_ratios.with_totals(changed)).tolist() == [160.0]  # 100 + 60
    # Totals only: nothing is added, so the result keeps the input's order, and a memo
    # blind to order would hand back the first order.
    totals = make_facts(dict(indicator="trainees", actual=5), dict(indicator="models", actual=2))
    pd.testing.assert_frame_equal(_ratios.with_totals(totals), _ratios._with_totals(totals))
    reordered = totals.iloc[::-1]
    got = _ratios.with_totals(reordered)
    assert got["indicator"].tolist() == ["models", "trainees"]
    pd.testing.assert_frame_equal(got, _ratios._with_totals(reordered))
