"""A province's yearly series with its Theil–Sen trend."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from kcanalysis.errors import DataError
from kcanalysis.plots import _style as st


def plot_trend(
    years: Sequence[float],
    values: Sequence[float],
    *,
    slope: float | None = None,
    intercept: float | None = None,
    low: float | None = None,
    high: float | None = None,
    highlight_year: int | None = None,
    confidence: float = 0.95,
    ylabel: str = "",
    title: str = "",
    decimals: int | None = None,
    lang: str = "vi",
    mark_at: float | None = None,
    mark_label: str = "",
) -> Figure:
    """Draw one unit's yearly values with a Theil–Sen line and the band of its slope CI.

    Values are dark-grey circles joined by a thin solid line (a gap where a year is
    missing); the Theil–Sen line is a dashed accent line; the slope band is a light
    hatched area between the lines of slope ``low`` and ``high`` through the median point
    (the point every Theil–Sen line passes through). The report year is a larger black
    square.

    Parameters
    ----------
    years, values : sequence of float
        The series, one value per year (NaN for a missing year), e.g. an indicator of
        one province. Values are drawn as given: deflate money beforehand.
    slope, intercept : float, optional
        From :func:`kcanalysis.methods.theil_sen` called with ``times=years``: the line
        ``intercept + slope * year``. Both or neither.
    low, high : float, optional
        The slope's confidence interval (``TheilSenResult.low`` / ``.high``); drawn only
        with `slope` and when both are finite (with 2 points there is no interval).
    highlight_year : int, optional
        The report year, drawn black and larger.
    confidence : float, default 0.95
        Level of the slope interval, for the legend only.
    ylabel, title : str
        Axis label (state the unit: "Số học viên (người)") and title, in `lang`.
    decimals : int, optional
        Decimals of the value ticks; by default they follow the tick spacing.
    lang : {"vi", "en"}
    mark_at, mark_label : float and str, optional
        A dotted vertical line on the time axis with its label, e.g. the 2025 merger at
        2024.5, where the series changes from predecessor sums to the unit's own figures.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes; legend entries for the series and, when given, the trend and band.

    Raises
    ------
    DataError
        Years and values of different lengths or non-numeric.
    ParameterError
        Unknown `lang`, or only one of `slope` / `intercept`.
    """
    st.check_lang(lang)
    try:
        t = np.asarray(years, dtype=float).ravel()
        y = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError) as err:
        raise DataError(f"plot_trend(): years and values must be numeric: {err}") from err
    if t.size != y.size:
        raise DataError(f"plot_trend() needs one value per year; got {t.size} years, {y.size}.")
    st.check_pair(slope, intercept, "slope", "intercept", "plot_trend")
    order = np.argsort(t, kind="stable")
    t, y = t[order], y[order]
    ok = np.isfinite(t) & np.isfinite(y)

    fig, ax = st.new_figure()
    ax.plot(t, y, color=st.MID, linewidth=1.0, linestyle="-", zorder=2)
    ax.plot(
        t[ok],
        y[ok],
        linestyle="none",
        marker="o",
        markersize=5,
        color=st.DARK,
        label=st.word("series", lang),
        zorder=3,
    )
    if slope is not None and ok.any():
        span = np.array([t[ok].min(), t[ok].max()])
        ax.plot(
            span,
            intercept + slope * span,
            color=st.ACCENT,
            linestyle="--",
            linewidth=1.6,
            label=st.word("theil_sen", lang),
            zorder=4,
        )
        if low is not None and high is not None and np.isfinite([low, high]).all():
            grid = np.linspace(span[0], span[1], 50)
            pivot_t = float(np.median(t[ok]))
            pivot_y = intercept + slope * pivot_t
            lines = np.vstack([pivot_y + s * (grid - pivot_t) for s in (low, high)])
            ax.fill_between(
                grid,
                lines.min(axis=0),
                lines.max(axis=0),
                facecolor=st.LIGHT,
                edgecolor=st.MID,
                hatch="...",
                linewidth=0.0,
                alpha=0.6,
                label=st.word("slope_band", lang, level=st.level_text(confidence, lang)),
                zorder=1,
            )
    if highlight_year is not None:
        hit = ok & (t == float(highlight_year))
        ax.plot(
            t[hit],
            y[hit],
            linestyle="none",
            marker="s",
            markersize=9,
            color=st.INK,
            label=f"{st.word('year', lang)} {int(highlight_year)}",
            zorder=5,
        )
    if mark_at is not None:
        ax.axvline(mark_at, color=st.INK, linestyle=":", linewidth=1.2, label=mark_label, zorder=1)
    st.year_axis(ax.xaxis)
    ax.yaxis.set_major_formatter(st.NumberFormatter(lang, decimals))
    ax.grid(axis="y", color=st.LIGHT, linewidth=0.6)
    st.finish(ax, title=title, xlabel=st.word("year", lang), ylabel=ylabel)
    st.legend(fig, ax)
    return fig
