"""How the report sections word the methods' results (trend, Malmquist refusal)."""

from __future__ import annotations

from kcanalysis import methods
from kcanalysis.sections import shared as S  # noqa: N812
from kcanalysis.sections.words import say, translate_reason

_COST = [100.0, 110.0, 121.0, 133.1]  # +10 % a year exactly (log slope log 1.1)
_YEARS = [2021, 2022, 2023, 2024]


def _trend(values, years):
    return methods.theil_sen(values, years), methods.mann_kendall(values, years)


def test_four_years_give_no_mann_kendall_p_and_say_why():
    ts, mk = _trend(_COST, _YEARS)
    vi = S.trend_text(_COST, _YEARS, ts, mk, "vi")
    en = S.trend_text(_COST, _YEARS, ts, mk, "en")
    # n = 4: the smallest attainable p is 2/24 = 0.083, so no test is reported.
    assert "p =" not in vi and "p =" not in en
    assert "với dưới 5 năm, kiểm định xu hướng không thể cho p dưới 5%" in vi
    assert "Only 4 years of data" in en
    # Growth: 100 * (1.1 - 1) = 10 % a year, interval 10 to 10 (all pairwise slopes equal).
    assert "Tính theo tốc độ: 10,0% mỗi năm (khoảng tin cậy 95%: 10,0 đến 10,0" in vi
    assert "As a rate: 10.0% a year" in en
    assert S.trend_finding_key(ts, mk) == "f_trend_up_short"


def test_five_years_report_the_test():
    cost, years = [*_COST, 146.41], [*_YEARS, 2025]
    ts, mk = _trend(cost, years)
    vi = S.trend_text(cost, years, ts, mk, "vi")
    # n = 5 increasing: p = 2/120 = 0.0167 -> "0,017".
    assert "p = 0,017 (5 năm, tính chính xác)" in vi
    assert "Mann–Kendall" not in vi  # method names live in the appendix
    assert "exact" not in vi
    assert S.trend_finding_key(ts, mk) == "f_trend_up"


def test_malmquist_refusal_reads_in_vietnamese():
    reason = "no CPI for 2004 (CPI table covers 2005-2025)"
    text = say("malmquist_refused", "vi", reason=translate_reason(reason, "vi"))
    assert text == (
        "Không tính chỉ số Malmquist vì chưa có chỉ số giá tiêu dùng năm 2004 (bảng CPI có "
        "các năm 2005–2025): so sánh theo giá hiện hành sẽ tính cả lạm phát vào thay đổi "
        "công nghệ."
    )


def test_funnel_note_names_the_limits_used():
    import pandas as pd

    from kcanalysis.panel import funnel_choice

    few = S.funnel_text(funnel_choice(pd.Series([10, 20, 40]), pd.Series([5, 10, 20])), "vi")
    assert few.startswith("Các đường giới hạn cho biết tỷ lệ đúng hạn có thể dao động")
    assert "tính chính xác theo số đề án đến hạn" in few
    assert "Với 3 tỉnh, chưa đủ để ước lượng mức phân tán thêm" in few
    # phi = 1.6, tau2 = 7/3600 = 0.0019 (worked in tests/indicators/test_panel_methods.py).
    on_time = pd.Series([50, 50, 50, 50, 50, 50, 60, 40, 60, 40])
    od = S.funnel_text(funnel_choice(pd.Series([100] * 10), on_time), "vi")
    assert "(φ = 1,60)" in od and "τ² = 0,0019" in od
    en = S.funnel_text(funnel_choice(pd.Series([100] * 10), on_time), "en")
    assert "additive method" in en and "genuinely" not in en


def test_dea_notes_in_vietnamese():
    from kcanalysis.panel import dea_scores
    from tests.indicators.test_panel_methods import _dea_panel

    html = S.dea_notes(dea_scores(_dea_panel()), "vi")
    assert (
        "Độ nhạy: khi bỏ tỉnh hiệu quả nhất (A), 6 trong 9 tỉnh còn lại có điểm hiệu quả chung"
        in html
    )
    assert "Không đưa vào so sánh hiệu quả: K (số cơ sở được hỗ trợ không được báo cáo)." in html


def test_bootstrap_note_says_census_and_rough():
    import pandas as pd

    one = S.bootstrap_note(pd.Series([12]), None, "vi")
    assert one.startswith("Danh sách đề án là toàn bộ các đề án chứ không phải một mẫu")
    assert one.endswith("Với 12 đề án (dưới 20), khoảng này chỉ là ước lượng thô.")
    assert "rough" not in S.bootstrap_note(pd.Series([25]), None, "en")
    many = S.bootstrap_note(pd.Series([25, 8]), pd.Series(["Huế", "Kon Tum"]), "en")
    assert many.endswith("fewer than 20 projects, whose intervals are rough: Kon Tum.")


def test_names_from_data_are_escaped_once_in_the_dea_notes():
    from kcanalysis.panel import dea_scores
    from tests.indicators.test_panel_methods import _dea_panel

    panel = _dea_panel()
    panel.loc[10, "area_name"] = "K <b>"
    html = S.dea_notes(dea_scores(panel), "en")
    assert "K &lt;b&gt; (number of establishments supported not reported)" in html


def test_a_province_left_out_of_the_dea_is_not_highlighted_on_its_chart():
    # Found by rendering every demo province-year: a province without establishments is
    # left out of the DEA (named in the notes), and asking to highlight it failed.
    from kcanalysis.panel import dea_scores
    from kcanalysis.sections import blocks as B  # noqa: N812
    from tests.indicators.test_panel_methods import _dea_panel

    scores = dea_scores(_dea_panel())
    assert "K" not in set(scores["area_name"])  # K has no establishments
    html = S.dea_figure(scores, "vi", B.Numbering("vi"), highlight="K")
    assert "<img" in html and "Không đưa vào so sánh hiệu quả: K" in html
