"""Funnel plot: provinces against control limits around a regional benchmark."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from kcanalysis.errors import DataError
from kcanalysis.plots import _style as st

_LIMIT_STYLES = ("--", ":", "-.", (0, (5, 2, 1, 2)))
_LOWER = re.compile(r"^lower_(\d+)$")


def _limit_levels(limits: pd.DataFrame) -> list[str]:
    """Level suffixes present as ``lower_<L>``/``upper_<L>`` pairs, innermost first."""
    found = [m.group(1) for c in limits.columns if (m := _LOWER.match(str(c)))]
    found = [s for s in found if f"upper_{s}" in limits.columns]
    if not found:
        raise DataError(
            "plot_funnel(): limits need columns lower_<L> and upper_<L> (e.g. lower_95, "
            f"upper_95) as returned by kcanalysis.methods.funnel_limits; got "
            f"{list(limits.columns)}."
        )
    return sorted(found, key=lambda s: float("0." + s))


def plot_funnel(
    df: pd.DataFrame,
    *,
    target: float,
    x: str = "denominator",
    y: str = "value",
    label: str = "area_name",
    highlight: str | None = None,
    limits: pd.DataFrame | None = None,
    xlabel: str = "",
    ylabel: str = "",
    title: str = "",
    target_label: str | None = None,
    label_outside: bool = True,
    decimals: int | None = None,
    percent: bool = False,
    count_x: bool = False,
    numbers: str | None = None,
    lang: str = "vi",
) -> Figure:
    """Draw provinces as points against funnel control limits and the benchmark.

    Provinces are hollow dark-grey circles; provinces beyond the outermost limits are
    filled grey triangles (labelled when `label_outside`); the highlighted province is
    a larger black circle with its name. The benchmark is a solid accent line; each pair
    of limits has its own line style (95%: dashed, 99.8%: dotted) in dark grey.

    Parameters
    ----------
    df : DataFrame
        One row per province, with columns `x` (precision: expected count, trials or
        sample size; default ``"denominator"``), `y` (the indicator; default
        ``"value"``) and `label` (name; default ``"area_name"``).
    target : float
        The benchmark theta_0 that the limits were computed around.
    highlight : str, optional
        The `label` value of the report's province.
    limits : DataFrame, optional
        From :func:`kcanalysis.methods.funnel_limits`: ``denominator`` and
        ``lower_<L>``/``upper_<L>`` for each level (``lower_95``, ``upper_998``...).
        Compute it on a fine grid (``np.geomspace(d_min, d_max, 200)``) for smooth
        curves. Without it only the points and the benchmark are drawn.
    xlabel, ylabel, title : str
        Texts in `lang`; state units (e.g. "Chi phí/học viên (triệu đồng)").
    target_label : str, optional
        Legend text of the benchmark; default "Mức chuẩn của vùng" / "Regional
        benchmark".
    label_outside : bool, default True
        Write the names of provinces beyond the outermost limits (limits interpolated at
        each province's denominator; constant beyond the grid).
    decimals : int, optional
        Decimals of the value ticks; by default they follow the tick spacing.
    percent : bool, default False
        The value is a proportion: write its ticks as percentages (0.8 -> ``80%``).
    count_x : bool, default False
        The denominator is a count (projects due): ticks at whole numbers only.
    numbers : str, optional
        A column of point numbers (a table's row numbers) written above each point.
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        One Axes.

    Raises
    ------
    DataError
        Missing or non-numeric columns; limits without ``lower_<L>``/``upper_<L>``.
    ParameterError
        Unknown `lang`; `highlight` not among the labels.
    """
    func = "plot_funnel"
    st.check_lang(lang)
    st.require_columns(df, [x, y, label], func)
    xs, ys = st.numeric(df, x, func), st.numeric(df, y, func)
    names = df[label].astype(str).to_list()
    st.check_highlight(names, highlight, label, func)

    fig, ax = st.new_figure()
    outside = np.zeros(len(df), dtype=bool)
    if limits is not None:
        st.require_columns(limits, ["denominator"], func)
        levels = _limit_levels(limits)
        lim = limits.sort_values("denominator")
        den = st.numeric(lim, "denominator", func)
        for suffix, style in zip(levels, _LIMIT_STYLES, strict=False):
            lo, hi = (
                st.numeric(lim, f"lower_{suffix}", func),
                st.numeric(lim, f"upper_{suffix}", func),
            )
            text = st.word("limits", lang, level=st.level_text(float("0." + suffix), lang))
            ax.plot(den, lo, color=st.DARK, linestyle=style, linewidth=1.1, label=text)
            ax.plot(den, hi, color=st.DARK, linestyle=style, linewidth=1.1)
        outer = levels[-1]
        lo_at = np.interp(xs, den, st.numeric(lim, f"lower_{outer}", func))
        hi_at = np.interp(xs, den, st.numeric(lim, f"upper_{outer}", func))
        outside = np.isfinite(ys) & ((ys < lo_at) | (ys > hi_at))
        outer_text = st.level_text(float("0." + outer), lang)
    ax.axhline(
        target,
        color=st.ACCENT,
        linestyle="-",
        linewidth=1.4,
        label=target_label or st.word("benchmark", lang),
    )
    is_hl = np.array([n == highlight for n in names], dtype=bool)
    plain = ~outside & ~is_hl
    ax.scatter(
        xs[plain],
        ys[plain],
        marker="o",
        s=30,
        facecolors=st.WHITE,
        edgecolors=st.DARK,
        linewidths=1.0,
        label=st.word("provinces", lang),
        zorder=3,
    )
    if (outside & ~is_hl).any():
        ax.scatter(
            xs[outside & ~is_hl],
            ys[outside & ~is_hl],
            marker="^",
            s=40,
            color=st.MID,
            edgecolors=st.DARK,
            linewidths=0.8,
            label=st.word("outside", lang, level=outer_text),
            zorder=3,
        )
    to_label = [i for i in np.flatnonzero(outside) if label_outside and not is_hl[i]]
    for i in to_label:
        st.label_point(ax, names[i], xs[i], ys[i], xs, color=st.DARK, dy=3)
    if is_hl.any():
        i = int(np.flatnonzero(is_hl)[0])
        ax.scatter(xs[i], ys[i], marker="o", s=80, color=st.INK, label=names[i], zorder=5)
        st.label_point(ax, names[i], xs[i], ys[i], xs, bold=True)
    if numbers is not None:
        st.number_points(ax, df[numbers].tolist(), xs, ys)
    if count_x:
        st.count_axis(ax.xaxis, lang)
    else:
        ax.xaxis.set_major_formatter(st.NumberFormatter(lang))
    if percent:
        ax.yaxis.set_major_formatter(st.PercentFormatter(lang, decimals or 0))
    else:
        ax.yaxis.set_major_formatter(st.NumberFormatter(lang, decimals))
    st.finish(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    st.legend(fig, ax)
    return fig
