import math

import numpy as np
import pandas as pd
import pytest

from kcanalysis.panel import shrink_log_costs
from kcanalysis.sections.words import period_label, translate_reason


def _ci(costs, s):
    z = 1.959964
    costs = np.asarray(costs, dtype=float)
    return pd.DataFrame(
        {
            "cost_per_unit_real_mvnd": costs,
            "ci_low_real_mvnd": costs * np.exp(-z * s),
            "ci_high_real_mvnd": costs * np.exp(z * s),
            "se_log": s,
        }
    )


def test_log_shrinkage_by_hand():
    # log costs ln2, ln4, ln8 with se 0.1: mean ln4, Q = 2 (ln 2)^2 / 0.01 = 96.09,
    # tau^2 = (Q - 2) / (300 - 100) = 0.47045, B = 0.47045 / (0.47045 + 0.01) = 0.97919,
    # so 8 shrinks to 4 * 2^0.97919 = 7.8856.
    out = shrink_log_costs(_ci([2, 4, 8], 0.1))
    assert out.attrs["tau2_log"] == pytest.approx(0.47045, abs=1e-4)
    assert out["shrunk"].iloc[2] == pytest.approx(4 * 2**0.97919, rel=1e-4)


def test_log_shrinkage_pools_fully_when_noise_explains_the_spread():
    # se = 1: Q = 0.9609 < df = 2, so tau^2 = 0 and every province shrinks to 4.
    out = shrink_log_costs(_ci([2, 4, 8], 1.0))
    assert out.attrs["tau2_log"] == 0
    assert np.allclose(out["shrunk"], 4.0)


def test_unbounded_intervals_are_not_shrunk():
    ci = _ci([2, 4, 8, 5], 0.1)
    ci.loc[3, "ci_high_real_mvnd"] = np.nan
    ci.loc[3, "se_log"] = np.nan  # a resample with no trainees: log(cost) SE unknown
    out = shrink_log_costs(ci)
    assert math.isnan(out["shrunk"].iloc[3]) and out["shrunk"].iloc[:3].notna().all()


@pytest.mark.parametrize(
    ("text", "vi"),
    [
        ("number of trainees is zero", "số học viên bằng 0"),
        ("planned budget not reported", "kinh phí kế hoạch không được báo cáo"),
        (
            "fewer than 2 projects (n=1): no interval",
            "ít hơn 2 đề án (n=1): không có khoảng tin cậy",
        ),
        (
            "no project with known planned and actual end dates",
            "không có đề án nào biết cả ngày kết thúc theo kế hoạch và thực tế",
        ),
        ("every project cancelled", "mọi đề án đều bị hủy"),
    ],
)
def test_reasons_are_translated_for_vietnamese_reports(text, vi):
    assert translate_reason(text, "vi") == vi
    assert translate_reason(text, "en") == text


def test_period_labels():
    assert period_label("M8", "vi") == "8 tháng đầu năm"
    assert period_label("M8", "en") == "January–August"
    assert period_label("P2012-2016", "vi") == "Giai đoạn 2012–2016"
