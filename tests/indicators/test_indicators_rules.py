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
