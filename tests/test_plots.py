"""Report figures: structure, language, number formats, greyscale safety, PNG determinism.

Frames are tiny and made by hand; expected positions, limits and labels are worked out in
the comments.
"""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib import pyplot as plt
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from kcanalysis import vocab
from kcanalysis.errors import DataError, ParameterError
from kcanalysis.plots import (
    export,
    figure_to_png_bytes,
    plot_activity_mix,
    plot_dea_frontier,
    plot_funnel,
    plot_malmquist,
    plot_plan_vs_actual,
    plot_ranking,
    plot_trend,
)
from kcanalysis.plots._style import NumberFormatter, PercentFormatter

BLACK = (0.0, 0.0, 0.0, 1.0)

YEARS = [2011, 2012, 2013, 2014, 2015]
VALUES = [5200.0, 6100.0, 7000.0, 7700.0, 8300.0]

FUNNEL = pd.DataFrame(
    {
        "area_name": ["Quảng Bình", "Đắk Lắk", "Gia Lai", "Phú Yên"],
        "denominator": [100.0, 100.0, 400.0, 400.0],
        "value": [0.60, 0.75, 0.80, 0.82],
    }
)
# Proportion limits around 0.8 at n = 100: se = sqrt(0.8 * 0.2 / 100) = 0.04;
# 99.8%: 0.8 ± 3.090232 * 0.04 = [0.6764, 0.9236]; 95%: 0.8 ± 1.959964 * 0.04.
FUNNEL_LIMITS = pd.DataFrame({"denominator": [50.0, 100.0, 400.0, 800.0]})
for _level, _z in (("95", 1.959964), ("998", 3.090232)):
    _se = np.sqrt(0.8 * 0.2 / FUNNEL_LIMITS["denominator"])
    FUNNEL_LIMITS[f"lower_{_level}"] = 0.8 - _z * _se
    FUNNEL_LIMITS[f"upper_{_level}"] = 0.8 + _z * _se

MIX = pd.DataFrame(
    {
        "activity": ["DEMO", "TRAIN", "ALL", "TRAIN"],
        "planned": [4200.0, 2000.0, 7200.0, 1000.0],
        "actual": [3900.0, 1800.0, 6500.0, 800.0],
    }
)

HEADLINE = pd.DataFrame(
    {
        "indicator": ["trainees", "models", "events"],
        "planned": [8000.0, 16.0, np.nan],
        "actual": [7700.0, 16.0, 3.0],
    }
)

DEA = pd.DataFrame(
    {
        "area_name": ["Huế", "Đà Nẵng", "Quảng Nam"],
        "budget": [1000.0, 2000.0, 4000.0],
        "trainees": [500.0, 800.0, 1000.0],
        "efficiency": [1.0, 0.8, 0.5],  # output/input 0.5, 0.4, 0.25 over the best 0.5
    }
)

RANKING = pd.DataFrame(
    {
        "area_name": ["Huế", "Đắk Lắk", "Gia Lai"],
        "estimate": [9.0, 12.0, 7.0],
        "low": [8.0, 10.0, 5.5],
        "high": [10.0, 14.0, 8.0],
    }
)

MALMQUIST = pd.DataFrame(
    {
        "dmu": ["Huế", "Đắk Lắk", "Gia Lai"],
        "M": [1.10, 0.90, 1.20],
        "EC": [1.00, 0.95, 1.10],
        "TC": [1.10, 0.90 / 0.95, 1.20 / 1.10],
    }
)


def _grey(colour) -> float:
    """Luminance of a colour as it prints in greyscale (ITU-R BT.601 weights)."""
    r, g, b, _ = to_rgba(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


def _tick_texts(axis) -> list[str]:
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


def _all_figures(lang: str = "vi") -> list[Figure]:
    return [
        plot_trend(YEARS, VALUES, slope=775.0, intercept=-1552575.0, lang=lang),
        plot_funnel(FUNNEL, target=0.8, limits=FUNNEL_LIMITS, highlight="Đắk Lắk", lang=lang),
        plot_activity_mix(MIX, lang=lang),
        plot_plan_vs_actual(HEADLINE, lang=lang),
        plot_dea_frontier(DEA, x="budget", y="trainees", highlight="Quảng Nam", lang=lang),
        plot_ranking(RANKING, highlight="Đắk Lắk", lang=lang),
        plot_malmquist(MALMQUIST, highlight="Đắk Lắk", lang=lang),
    ]


# --- formatters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "thousands", "decimal"), [("vi", "7.700", "10,25"), ("en", "7,700", "10.25")]
)
def test_number_formatter_follows_language(lang, thousands, decimal):
    assert isinstance(NumberFormatter(lang), FuncFormatter)
    assert NumberFormatter(lang, 0)(7700) == thousands
    assert NumberFormatter(lang, 2)(10.25) == decimal


def test_number_formatter_decimals_follow_tick_spacing():
    fmt = NumberFormatter("vi")
    fmt.set_locs([0.0, 0.25, 0.5])  # 0.25 apart -> 2 decimals
    assert fmt(0.25) == "0,25"
    fmt.set_locs([0.0, 2000.0, 4000.0])  # whole thousands -> 0 decimals
    assert fmt(2000.0) == "2.000"
    assert fmt(-1e-12) == "0"  # no "-0" at the origin


def test_percent_formatter_follows_language():
    assert PercentFormatter("vi", 1)(0.841) == "84,1%"
    assert PercentFormatter("en", 1)(0.841) == "84.1%"


# --- every figure ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_plot_returns_one_axes_figure_outside_pyplot(lang):
    before = plt.get_fignums()
    figures = _all_figures(lang)
    assert all(isinstance(f, Figure) and len(f.axes) == 1 for f in figures)
    assert all(len(f.legends) == 1 for f in figures)
    assert plt.get_fignums() == before  # nothing registered with pyplot


def test_vietnamese_text_renders_without_missing_glyphs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would raise
        for fig in _all_figures("vi"):
            figure_to_png_bytes(fig, dpi=40)


def test_unknown_language_is_refused():
    with pytest.raises(ParameterError, match="lang='fr'"):
        plot_trend(YEARS, VALUES, lang="fr")


# --- trend ----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "tick"), [("vi", "7.000"), ("en", "7,000")])
def test_trend_title_ticks_and_highlighted_year(lang, tick):
    fig = plot_trend(YEARS, VALUES, highlight_year=2014, title="Đào tạo nghề", lang=lang)
    ax = fig.axes[0]
    fig.draw_without_rendering()
    assert ax.get_title(loc="left") == "Đào tạo nghề"
    assert tick in _tick_texts(ax.yaxis)
    assert "2013" in _tick_texts(ax.xaxis)  # years without a thousands separator
    (hl,) = [ln for ln in ax.get_lines() if ln.get_marker() == "s"]
    assert to_rgba(hl.get_color()) == BLACK
    assert list(hl.get_xdata()) == [2014.0] and list(hl.get_ydata()) == [7700.0]
    assert hl.get_markersize() > max(ln.get_markersize() for ln in ax.get_lines() if ln is not hl)


def test_trend_line_and_slope_band_pivot_on_the_median_point():
    # Values 1..5 over 2011..2015: slope 1, intercept 3 - 2013 = -2010. The band lines of
    # slope 0.5 and 1.5 pass through (2013, 3): at 2011 they give 2 and 0, at 2015 4 and 6.
    fig = plot_trend(
        YEARS, [1, 2, 3, 4, 5], slope=1.0, intercept=-2010.0, low=0.5, high=1.5, lang="en"
    )
    ax = fig.axes[0]
    (trend,) = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert list(trend.get_xdata()) == [2011.0, 2015.0]
    assert list(trend.get_ydata()) == pytest.approx([1.0, 5.0])
    (band,) = ax.collections
    ext = band.get_paths()[0].get_extents()
    assert (ext.y0, ext.y1) == pytest.approx((0.0, 6.0))
    assert band.get_hatch() == "..."
    # series, markers and trend differ by line style or marker, not only by colour
    styles = {(ln.get_linestyle(), ln.get_marker()) for ln in ax.get_lines()}
    assert len(styles) == len(ax.get_lines())


def test_trend_needs_slope_and_intercept_together():
    with pytest.raises(ParameterError, match="slope and intercept"):
        plot_trend(YEARS, VALUES, slope=1.0)
    with pytest.raises(DataError, match="one value per year"):
        plot_trend(YEARS, VALUES[:3])


# --- funnel ---------------------------------------------------------------------------


def test_funnel_limits_styles_highlight_and_outliers():
    fig = plot_funnel(FUNNEL, target=0.8, limits=FUNNEL_LIMITS, highlight="Đắk Lắk", lang="vi")
    ax = fig.axes[0]
    limit_lines = [ln for ln in ax.get_lines() if ln.get_linestyle() in ("--", ":")]
    assert len(limit_lines) == 4  # lower and upper for 95% and 99.8%
    styles = [ln.get_linestyle() for ln in limit_lines]
    assert sorted(styles) == ["--", "--", ":", ":"]  # each level one style, both sides
    labelled = {ln.get_label(): ln.get_linestyle() for ln in limit_lines}
    assert labelled["Giới hạn kiểm soát 95%"] != labelled["Giới hạn kiểm soát 99,8%"]
    legend_texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Giới hạn kiểm soát 95%" in legend_texts
    assert "Giới hạn kiểm soát 99,8%" in legend_texts
    assert "Ngoài giới hạn 99,8%" in legend_texts
    # Highlight: black, larger than the others, at (100, 0.75), and named.
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    (hl,) = [c for c in scatters if to_rgba(c.get_facecolor()[0]) == BLACK]
    assert hl.get_offsets().tolist() == [[100.0, 0.75]]
    assert hl.get_sizes()[0] > max(c.get_sizes()[0] for c in scatters if c is not hl)
    # Quảng Bình (0.60 < 0.6764 at n = 100) is outside 99.8% and labelled; Gia Lai is not.
    texts = [t.get_text() for t in ax.texts]
    assert sorted(texts) == ["Quảng Bình", "Đắk Lắk"]


@pytest.mark.parametrize(("lang", "tick"), [("vi", "0,80"), ("en", "0.80")])
def test_funnel_value_ticks_follow_language(lang, tick):
    fig = plot_funnel(FUNNEL, target=0.8, limits=FUNNEL_LIMITS, lang=lang)
    fig.draw_without_rendering()
    assert tick in _tick_texts(fig.axes[0].yaxis)


def test_funnel_rejects_unknown_highlight_and_bad_limits():
    with pytest.raises(ParameterError, match="Dak Lak"):
        plot_funnel(FUNNEL, target=0.8, highlight="Dak Lak")
    with pytest.raises(DataError, match="lower_<L>"):
        plot_funnel(FUNNEL, target=0.8, limits=FUNNEL_LIMITS[["denominator"]])
    with pytest.raises(DataError, match="'rate'"):
        plot_funnel(FUNNEL, target=0.8, y="rate")


# --- activity mix ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_activity_mix_bars_labels_and_hatches(lang):
    fig = plot_activity_mix(MIX, lang=lang)
    ax = fig.axes[0]
    planned, actual = ax.containers
    # "ALL" left out; TRAIN summed (2000 + 1000, 1800 + 800) and first in vocabulary order.
    assert [p.get_width() for p in planned] == [3000.0, 4200.0]
    assert [p.get_width() for p in actual] == [2600.0, 3900.0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [
        vocab.activity_label("TRAIN", lang),
        vocab.activity_label("DEMO", lang),
    ]
    assert {p.get_hatch() for p in planned} == {"///"}
    assert {p.get_hatch() for p in actual} == {None}
    assert abs(_grey(planned[0].get_facecolor()) - _grey(actual[0].get_facecolor())) > 0.5
    unit = "triệu đồng" if lang == "vi" else "million VND"
    assert ax.get_xlabel().endswith(f"({unit})")
    assert [t.get_text() for t in ax.texts] == ["87%", "93%"]  # 2600 / 3000, 3900 / 4200


def test_activity_mix_vietnamese_label_kept_exactly_and_billions():
    fig = plot_activity_mix(MIX, unit="billion", title="Đào tạo nghề", lang="vi")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Đào tạo nghề"
    assert "Đào tạo nghề, truyền nghề" in [t.get_text() for t in ax.get_yticklabels()]
    assert ax.get_xlabel() == "Kinh phí khuyến công (tỷ đồng)"
    assert ax.containers[0][0].get_width() == pytest.approx(3.0)  # 3000 million = 3 billion
    fig.draw_without_rendering()
    ticks = _tick_texts(ax.xaxis)  # whole billions: no decimals shown ("4", not "4,0")
    assert "4" in ticks and not any("," in t or "." in t for t in ticks)
    with pytest.raises(ParameterError, match="unit='trillion'"):
        plot_activity_mix(MIX, unit="trillion")


# --- plan against actual --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "pct"), [("vi", "96,2%"), ("en", "96.2%")])
def test_plan_vs_actual_percent_bars_and_annotations(lang, pct):
    fig = plot_plan_vs_actual(HEADLINE, lang=lang)
    ax = fig.axes[0]
    # One bar per indicator (actual as a share of plan); the plan is a 100% reference line,
    # not a row of hatched bars that are always 100%.
    (actual,) = ax.containers
    # 7700 / 8000 = 96.25% -> 96.2% (half-even); 16 / 16 = 100%; events have no plan.
    assert [p.get_height() for p in actual][:2] == pytest.approx([0.9625, 1.0])
    assert np.isnan(actual[2].get_height())
    (plan_line,) = [ln for ln in ax.get_lines() if list(ln.get_ydata()) == [1.0, 1.0]]
    assert plan_line.get_label() == ("Kế hoạch = 100%" if lang == "vi" else "Plan = 100%")
    assert not any(p.get_hatch() for p in ax.patches)
    notes = [t.get_text() for t in ax.texts]
    assert notes[0] == pct and notes[2] == "–"
    assert ax.get_xticklabels()[0].get_text() == vocab.indicator_label("trainees", lang)
    assert ax.yaxis.get_major_formatter()(1.0) == "100%"
    assert actual[0].get_hatch() is None


def test_plan_vs_actual_values_scale_still_draws_hatched_plan_bars():
    # Control for the test above: with raw values the plan bars are drawn and found.
    ax = plot_plan_vs_actual(HEADLINE, scale="value", lang="vi").axes[0]
    planned, _ = ax.containers
    assert planned[0].get_hatch() == "///"


def test_plan_vs_actual_values_scale_and_errors():
    fig = plot_plan_vs_actual(HEADLINE, scale="value", ylabel="Số lượng", lang="vi")
    ax = fig.axes[0]
    assert ax.containers[1][0].get_height() == 7700.0
    assert ax.yaxis.get_major_formatter()(7700) == "7.700"
    assert ax.get_ylabel() == "Số lượng"
    with pytest.raises(DataError, match="more than once"):
        plot_plan_vs_actual(pd.concat([HEADLINE, HEADLINE]))
    with pytest.raises(ParameterError, match="scale='log'"):
        plot_plan_vs_actual(HEADLINE, scale="log")


# --- DEA ------------------------------------------------------------------------------


def test_dea_frontier_ray_efficient_marks_and_highlight():
    fig = plot_dea_frontier(
        DEA, x="budget", y="trainees", highlight="Quảng Nam", ylabel="Số học viên", lang="vi"
    )
    ax = fig.axes[0]
    (ray,) = ax.get_lines()
    x0, x1 = ray.get_xdata()
    y0, y1 = ray.get_ydata()
    assert (x0, y0) == (0.0, 0.0) and y1 / x1 == pytest.approx(0.5)  # best 500 / 1000
    assert ray.get_linestyle() == "--"
    inefficient, efficient, hl = ax.collections
    assert efficient.get_offsets().tolist() == [[1000.0, 500.0]]
    assert inefficient.get_offsets().tolist() == [[2000.0, 800.0]]
    # distinct marker shapes: a diamond has 5 vertices, a circle many more
    assert len(efficient.get_paths()[0].vertices) != len(inefficient.get_paths()[0].vertices)
    assert to_rgba(hl.get_facecolor()[0]) == BLACK
    assert hl.get_offsets().tolist() == [[4000.0, 1000.0]]
    assert "Quảng Nam (điểm 0,50)" in [t.get_text() for t in ax.texts]
    assert ax.get_ylabel() == "Số học viên"
    assert ax.yaxis.get_major_formatter()(7700) == "7.700"


def test_dea_frontier_accepts_frame_indexed_by_unit():
    indexed = DEA.set_index("area_name")
    fig = plot_dea_frontier(indexed, x="budget", y="trainees", highlight="Huế", lang="en")
    assert "Huế (score 1.00)" in [t.get_text() for t in fig.axes[0].texts]
    assert fig.axes[0].xaxis.get_major_formatter()(7700) == "7,700"


# --- ranking --------------------------------------------------------------------------


def test_ranking_sorted_with_black_highlight():
    fig = plot_ranking(RANKING, highlight="Đắk Lắk", reference=9.0, lang="vi")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Đắk Lắk", "Huế", "Gia Lai"]  # 12, 9, 7 from the top
    assert ax.get_yticklabels()[0].get_fontweight() == "bold"
    (hl,) = [ln for ln in ax.get_lines() if ln.get_marker() == "D"]
    assert to_rgba(hl.get_color()) == BLACK
    assert list(hl.get_xdata()) == [12.0] and list(hl.get_ydata()) == [0.0]
    (others,) = [ln for ln in ax.get_lines() if ln.get_marker() == "o"]
    assert _grey(others.get_color()) > 0.2  # grey, not black
    hl_interval = [c for c in ax.collections if to_rgba(c.get_color()[0]) == BLACK]
    assert hl_interval[0].get_segments()[0].tolist() == [[10.0, 0.0], [14.0, 0.0]]
    (ref,) = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert list(ref.get_xdata()) == [9.0, 9.0]
    assert ax.xaxis.get_major_formatter()(7700) == "7.700"


def test_ranking_ascending_puts_smallest_on_top():
    fig = plot_ranking(RANKING, ascending=True, lang="en")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Gia Lai", "Huế", "Đắk Lắk"]


# --- Malmquist ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "note"), [("vi", "Trên 1: năng suất tăng"), ("en", "M > 1: productivity grew")]
)
def test_malmquist_bars_from_one_markers_and_highlight(lang, note):
    fig = plot_malmquist(MALMQUIST, highlight="Đắk Lắk", lang=lang)
    ax = fig.axes[0]
    others, hl = ax.containers
    # Sorted by M: Gia Lai 1.20, Huế 1.10, Đắk Lắk 0.90; bars start at 1.
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Gia Lai", "Huế", "Đắk Lắk"]
    assert [p.get_x() for p in others] == [1.0, 1.0]
    assert [p.get_width() for p in others] == pytest.approx([0.2, 0.1])
    assert hl[0].get_width() == pytest.approx(-0.1)
    assert to_rgba(hl[0].get_facecolor()) == BLACK
    assert _grey(others[0].get_facecolor()) > 0.6
    markers = {ln.get_marker() for ln in ax.get_lines() if ln.get_linestyle() == "None"}
    assert markers == {"o", "^"}  # EC and TC differ by shape
    assert any(note in t.get_text() for t in ax.texts)
    fig.draw_without_rendering()  # ticks 0.05 or 0.1 apart: decimals with the reader's mark
    sep, other = (",", ".") if lang == "vi" else (".", ",")
    ticks = _tick_texts(ax.xaxis)
    assert ticks and all(sep in t and other not in t for t in ticks)


def test_malmquist_one_row_per_unit_and_summary_index():
    with pytest.raises(DataError, match="malmquist_summary"):
        plot_malmquist(pd.concat([MALMQUIST, MALMQUIST]))
    summary = MALMQUIST.set_index("dmu")  # as malmquist_summary() returns it
    fig = plot_malmquist(summary, lang="vi")
    assert len(fig.axes[0].get_yticklabels()) == 3


# --- PNG export -----------------------------------------------------------------------


def test_png_bytes_are_identical_for_the_same_figure():
    fig = plot_trend(YEARS, VALUES, highlight_year=2015, title="Đào tạo nghề", lang="vi")
    first = figure_to_png_bytes(fig)
    second = figure_to_png_bytes(fig)
    assert first == second
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Software" not in first and b"matplotlib" not in first
    rebuilt = plot_trend(YEARS, VALUES, highlight_year=2015, title="Đào tạo nghề", lang="vi")
    assert figure_to_png_bytes(rebuilt) == first


def test_png_bytes_do_not_depend_on_earlier_renders():
    # A figure already rendered at other resolutions (a notebook display, a thumbnail)
    # gives the same bytes as a fresh one, and keeps its own layout engine afterwards.
    fig = plot_malmquist(MALMQUIST, highlight="Đắk Lắk", lang="vi")
    engine = fig.get_layout_engine()
    for dpi in (60, 110, 150, 110, 72):
        figure_to_png_bytes(fig, dpi=dpi)
    fresh = plot_malmquist(MALMQUIST, highlight="Đắk Lắk", lang="vi")
    assert figure_to_png_bytes(fig, dpi=110) == figure_to_png_bytes(fresh, dpi=110)
    assert fig.get_layout_engine() is engine and fig.axes[0].get_in_layout()
    assert fig.dpi == fresh.dpi


def test_png_uses_the_constrained_layout():
    # The PNG shows the constrained layout, not matplotlib's default subplot position
    # (left edge 0.125).
    settled = plot_trend(YEARS, VALUES, highlight_year=2015, title="Đào tạo nghề", lang="vi")
    settled.dpi = 110  # as figure_to_png_bytes(dpi=110) draws it
    settled.draw_without_rendering()
    fig = plot_trend(YEARS, VALUES, highlight_year=2015, title="Đào tạo nghề", lang="vi")
    figure_to_png_bytes(fig, dpi=110)
    assert fig.axes[0].get_position().bounds == pytest.approx(
        settled.axes[0].get_position().bounds, abs=1e-6
    )
    assert fig.axes[0].get_position().x0 != pytest.approx(0.125, abs=1e-3)


@pytest.mark.parametrize("passes", [1, 3, 4])
def test_png_bytes_do_not_depend_on_layout_passes(monkeypatch, passes):
    # The constrained layout's axes positions change in the last bit from one draw to the
    # next (here the height cycles ...635, ...636, ...636), which once flipped a pixel
    # row between a first and a second export; rounding the positions removes that.
    reference = figure_to_png_bytes(
        plot_trend(YEARS, VALUES, highlight_year=2015, title="Đào tạo nghề", lang="vi")
    )
    monkeypatch.setattr(export, "_LAYOUT_PASSES", passes)
    fig = plot_trend(YEARS, VALUES, highlight_year=2015, title="Đào tạo nghề", lang="vi")
    assert figure_to_png_bytes(fig) == reference


def test_png_bytes_depend_on_dpi_and_content():
    fig = plot_trend(YEARS, VALUES, lang="vi")
    assert figure_to_png_bytes(fig, dpi=110) != figure_to_png_bytes(fig, dpi=60)
    other = plot_trend(YEARS, VALUES, lang="en")
    assert figure_to_png_bytes(fig) != figure_to_png_bytes(other)
    assert len(figure_to_png_bytes(fig)) < 150_000  # well inside the report's 1,5 MB budget


# --- chart layout: whole words, whole counts, percentages -----------------------------


def test_wrap_never_breaks_a_word():
    from kcanalysis.plots._style import wrap

    # "Demonstration" is 13 letters, longer than the width of 12: it stays whole.
    assert wrap("Demonstration models", 12) == "Demonstration\nmodels"
    # Control: textwrap's default would have cut it ("Demonstratio", "n models").
    import textwrap

    assert textwrap.wrap("Demonstration models", 12)[0] == "Demonstratio"


def test_count_axes_tick_at_whole_numbers_and_the_funnel_axis_in_percent():
    # Three provinces with 1 to 3 projects due: without the integer locator matplotlib
    # ticks at 1.00, 1.25, 1.50 ...
    df = pd.DataFrame(
        {"area_name": ["A", "B", "C"], "denominator": [1.0, 2.0, 3.0], "value": [1.0, 0.5, 0.67]}
    )
    ax = plot_funnel(df, target=0.6, percent=True, count_x=True, lang="vi").axes[0]
    ax.figure.canvas.draw()
    xs = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert xs and all(float(t).is_integer() for t in xs)
    assert ax.yaxis.get_major_formatter()(0.8) == "80%"
    # Control: the same chart without the options ticks between whole numbers, no "%".
    ax = plot_funnel(df, target=0.6, lang="vi").axes[0]
    ax.figure.canvas.draw()
    assert not all(float(t).is_integer() for t in ax.get_xticks())
    assert "%" not in ax.yaxis.get_major_formatter()(0.8)
