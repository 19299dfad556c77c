"""Caterpillar plot: a regional ranking with uncertainty."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from kcanalysis.plots import _style as st


def plot_ranking(
    df: pd.DataFrame,
    *,
    label: str = "area_name",
    estimate: str = "estimate",
    low: str = "low",
    high: str = "high",
    highlight: str | None = None,
    reference: float | None = None,
    reference_label: str | None = None,
    ascending: bool = False,
    xlabel: str = "",
    title: str = "",
    interval_label: str | None = None,
    decimals: int | None = None,
    lang: str = "vi",
) -> Figure:
    """Draw a caterpillar plot: each unit's estimate with its interval, sorted by estimate.

    One row per unit, top to bottom from the largest estimate (``ascending=False``).
    Units are dark-grey circles on mid-grey interval lines; the highlighted unit is a
    larger black diamond on a thicker black line, and its name is bold. An optional
    reference (e.g. the regional pooled value) is a dashed accent line. Overlapping
    intervals mean the ranks are not clearly different: say so in the caption.

    Parameters
    ----------
    df : DataFrame
        One row per unit: `label` (default ``"area_name"``), `estimate` (default
        ``"estimate"``; e.g. ``shrunk`` from :func:`kcanalysis.methods.shrink`), and the
        interval bounds `low` and `high` (defaults ``"low"``, ``"high"``). A NaN `high`
        with a known `low` (an undefined upper limit) draws an open-ended bar to the
        chart's right edge, ending in an arrow; a NaN `low` draws the point alone.
    highlight : str, optional
        The `label` value of the report's unit.
    reference : float, optional
        A vertical reference line, e.g. the regional value.
    reference_label : str, optional
        Its legend text; default "Giá trị tham chiếu" / "Reference".
    ascending : bool, default False
        Put the smallest estimate on top instead (e.g. when lower cost is better).
    xlabel, title : str
        Texts in `lang`; state the unit in `xlabel`.
    interval_label : str, optional
        Legend text of the intervals; default "Khoảng tin cậy 95%" / "95% interval".
    decimals : int, optional
        Decimals of the value ticks; by default they follow the tick spacing.
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        One Axes; its height grows with the number of units.

    Raises
    ------
    DataError
        Missing or non-numeric columns.
    ParameterError
        Unknown `lang`; `highlight` not among the labels.
    """
    func = "plot_ranking"
    st.check_lang(lang)
    st.require_columns(df, [label, estimate, low, high], func)
    names = df[label].astype(str).to_numpy()
    st.check_highlight(list(names), highlight, label, func)
    est, lo, hi = (st.numeric(df, c, func) for c in (estimate, low, high))
    key = est if ascending else -est
    order = np.argsort(np.where(np.isnan(key), np.inf, key), kind="stable")
    names, est, lo, hi = names[order], est[order], lo[order], hi[order]
    n = len(names)
    pos = np.arange(n, dtype=float)
    is_hl = names == highlight

    # An undefined upper limit is drawn open-ended: a dotted bar to the right edge, ending
    # in an arrow, so a unit with an unbounded interval is never dropped from the chart.
    open_end = np.isfinite(lo) & ~np.isfinite(hi)
    finite = np.concatenate([v[np.isfinite(v)] for v in (lo, est, hi)])
    edge = 1.1 * float(finite.max()) if finite.size else 1.0
    hi = np.where(open_end, edge, hi)

    fig, ax = st.new_figure(st.category_height(n, 0.28))
    rest = ~is_hl
    ax.hlines(
        pos[rest],
        lo[rest],
        hi[rest],
        color=st.MID,
        linewidth=2.0,
        label=interval_label or st.word("interval", lang),
    )
    ax.plot(
        est[rest],
        pos[rest],
        linestyle="none",
        marker="o",
        markersize=5,
        color=st.DARK,
        label=st.word("estimate", lang),
        zorder=3,
    )
    if is_hl.any():
        ax.hlines(pos[is_hl], lo[is_hl], hi[is_hl], color=st.INK, linewidth=3.0, zorder=4)
        ax.plot(
            est[is_hl],
            pos[is_hl],
            linestyle="none",
            marker="D",
            markersize=8,
            color=st.INK,
            label=str(highlight),
            zorder=5,
        )
    if open_end.any():
        ax.plot(
            hi[open_end],
            pos[open_end],
            linestyle="none",
            marker=">",
            markersize=7,
            color=st.INK,
            label=st.word("open_ended", lang),
            zorder=4,
        )
        ax.set_xlim(right=edge * 1.02)
    if reference is not None:
        ax.axvline(
            reference,
            color=st.ACCENT,
            linestyle="--",
            linewidth=1.2,
            label=reference_label or st.word("reference", lang),
        )
    ax.set_yticks(pos, list(names))
    for tick, hl in zip(ax.get_yticklabels(), is_hl, strict=True):
        if hl:
            tick.set_fontweight("bold")
            tick.set_color(st.INK)
    ax.set_ylim(n - 0.5, -0.5)
    ax.xaxis.set_major_formatter(st.NumberFormatter(lang, decimals))
    ax.grid(axis="x", color=st.LIGHT, linewidth=0.6)
    ax.set_axisbelow(True)
    st.finish(ax, title=title, xlabel=xlabel)
    st.legend(fig, ax)
    return fig
