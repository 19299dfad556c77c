"""DEA efficiency and Malmquist productivity change."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from kcanalysis.errors import DataError
from kcanalysis.plots import _style as st
from kcanalysis.text import format_number

#: Scores at least this close to 1 count as efficient (LP round-off).
EFFICIENT_TOL = 1e-6


def plot_dea_frontier(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    efficiency: str = "efficiency",
    label: str = "area_name",
    highlight: str | None = None,
    xlabel: str = "",
    ylabel: str = "",
    title: str = "",
    frontier: bool = True,
    count_y: bool = False,
    numbers: str | None = None,
    lang: str = "vi",
) -> Figure:
    """Draw the one-input / one-output view of DEA: output against input per unit.

    Chosen over a bar chart of scores because it shows *why* a unit scores as it does:
    its distance below the frontier is its shortfall of output for its input. Efficient
    units (score 1) are filled dark-grey diamonds with their names; the others are
    hollow grey circles; the highlighted unit is a large black circle labelled with its
    score (vi "điểm 0,82"). The dashed accent ray from the origin through the best
    output per input is the constant-returns (CRS) frontier of this one-input /
    one-output view. With more inputs or outputs in the DEA model the ray is not the
    model's frontier (a unit scored efficient may sit far below it): pass
    ``frontier=False`` to leave it out, and show the full scores in a table next to the
    figure.

    Parameters
    ----------
    df : DataFrame
        One row per unit: `x` (input, e.g. ``"budget_kc_mvnd"`` in constant million
        VND), `y` (output, e.g. ``"trainees"``), `efficiency` (score in (0, 1], default
        ``"efficiency"`` as returned by :func:`kcanalysis.methods.dea`) and `label`
        (default ``"area_name"``). A frame indexed by unit names with no `label`
        column is accepted (the index is used).
    highlight : str, optional
        The `label` value of the report's unit.
    xlabel, ylabel, title : str
        Texts in `lang`; state units ("Kinh phí (triệu đồng)").
    frontier : bool, default True
        Draw the one-output CRS ray; only true to the model when it has one input and
        one output.
    count_y : bool, default False
        The output is a count (trainees): ticks at whole numbers only.
    numbers : str, optional
        A column of point numbers (a table's row numbers) written above each point.
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        One Axes, both axes starting at 0.

    Raises
    ------
    DataError
        Missing or non-numeric columns.
    ParameterError
        Unknown `lang`; `highlight` not among the labels.
    """
    func = "plot_dea_frontier"
    st.check_lang(lang)
    df = _label_from_index(df, label)
    st.require_columns(df, [x, y, efficiency, label], func)
    names = df[label].astype(str).to_numpy()
    st.check_highlight(list(names), highlight, label, func)
    xs, ys, eff = (st.numeric(df, c, func) for c in (x, y, efficiency))
    is_hl = names == highlight
    good = eff >= 1.0 - EFFICIENT_TOL

    fig, ax = st.new_figure()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(xs > 0, ys / xs, np.nan)
    if frontier and np.isfinite(ratio).any():
        x_end = 1.08 * np.nanmax(xs)
        best = np.nanmax(ratio)
        ax.plot(
            [0.0, x_end],
            [0.0, best * x_end],
            color=st.ACCENT,
            linestyle="--",
            linewidth=1.3,
            label=st.word("frontier", lang),
            zorder=1,
        )
    rest = ~good & ~is_hl
    ax.scatter(
        xs[rest],
        ys[rest],
        marker="o",
        s=32,
        facecolors=st.WHITE,
        edgecolors=st.MID,
        linewidths=1.2,
        label=st.word("inefficient", lang),
        zorder=3,
    )
    eff_rest = good & ~is_hl
    ax.scatter(
        xs[eff_rest],
        ys[eff_rest],
        marker="D",
        s=38,
        color=st.DARK,
        label=st.word("efficient", lang),
        zorder=3,
    )
    for i in np.flatnonzero(eff_rest):
        st.label_point(ax, names[i], xs[i], ys[i], xs, color=st.DARK, dy=-10)
    if is_hl.any():
        i = int(np.flatnonzero(is_hl)[0])
        ax.scatter(
            xs[i],
            ys[i],
            marker="D" if good[i] else "o",
            s=90,
            color=st.INK,
            label=names[i],
            zorder=5,
        )
        score = f"{st.word('score', lang)} {format_number(eff[i], lang, 2)}"
        st.label_point(ax, f"{names[i]} ({score})", xs[i], ys[i], xs, bold=True)
    if numbers is not None:
        st.number_points(ax, df[numbers].tolist(), xs, ys)
    ax.set_xlim(left=0)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_formatter(st.NumberFormatter(lang))
    if count_y:
        st.count_axis(ax.yaxis, lang)
    else:
        ax.yaxis.set_major_formatter(st.NumberFormatter(lang))
    st.finish(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    st.legend(fig, ax)
    return fig


def plot_malmquist(
    df: pd.DataFrame,
    *,
    dmu: str = "dmu",
    M: str = "M",  # noqa: N803 - the index's own name, as in malmquist()
    EC: str = "EC",  # noqa: N803
    TC: str = "TC",  # noqa: N803
    highlight: str | None = None,
    title: str = "",
    lang: str = "vi",
) -> Figure:
    """Draw each unit's Malmquist index as a bar from 1, with its EC and TC as markers.

    Bars start at the reference line 1 (no change) and run right when productivity grew
    (M > 1), left when it fell. Bars are light grey, the highlighted unit's bar black
    (and its name bold); efficiency change EC is a white circle with a black edge,
    technical change TC a dark-grey triangle, so M = EC × TC can be read off each row.
    Rows run from the largest M down.

    Parameters
    ----------
    df : DataFrame
        One row per unit, from :func:`kcanalysis.methods.malmquist` filtered to one
        period pair, or :func:`kcanalysis.methods.malmquist_summary` (its unit index is
        used when there is no `dmu` column). Columns `dmu` (default ``"dmu"``), `M`,
        `EC` and `TC` (defaults ``"M"``, ``"EC"``, ``"TC"``).
    highlight : str, optional
        The `dmu` value of the report's unit.
    title : str
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        One Axes with a bar container for M (a second one, black, for the highlighted
        unit) and two marker series (EC, TC).

    Raises
    ------
    DataError
        Missing or non-numeric columns, or a unit with more than one row (several
        period pairs: filter to one, or summarise with ``malmquist_summary``).
    ParameterError
        Unknown `lang`; `highlight` not among the units.
    """
    func = "plot_malmquist"
    st.check_lang(lang)
    df = _label_from_index(df, dmu)
    st.require_columns(df, [dmu, M, EC, TC], func)
    dup = df[dmu][df[dmu].duplicated()].unique().tolist()
    if dup:
        raise DataError(
            f"{func}() draws one row per {dmu!r}; {dup[:10]} have several (more than one "
            "period pair). Filter to one pair, or summarise with malmquist_summary()."
        )
    names = df[dmu].astype(str).to_numpy()
    st.check_highlight(list(names), highlight, dmu, func)
    m, ec, tc = (st.numeric(df, c, func) for c in (M, EC, TC))
    order = np.argsort(np.where(np.isnan(m), np.inf, -m), kind="stable")
    names, m, ec, tc = names[order], m[order], ec[order], tc[order]
    n = len(names)
    pos = np.arange(n, dtype=float)
    is_hl = names == highlight

    fig, ax = st.new_figure(st.category_height(n, 0.3))
    for rows, colour, text in ((~is_hl, st.LIGHT, st.word("M", lang)), (is_hl, st.INK, highlight)):
        if rows.any():
            ax.barh(
                pos[rows],
                m[rows] - 1.0,
                left=1.0,
                height=0.6,
                color=colour,
                edgecolor=st.DARK,
                linewidth=0.6,
                label=str(text),
            )
    ax.plot(
        ec,
        pos,
        linestyle="none",
        marker="o",
        markersize=6,
        markerfacecolor=st.WHITE,
        markeredgecolor=st.INK,
        markeredgewidth=1.2,
        label=st.word("EC", lang),
        zorder=4,
    )
    ax.plot(
        tc,
        pos,
        linestyle="none",
        marker="^",
        markersize=6,
        color=st.MID,
        markeredgecolor=st.DARK,
        label=st.word("TC", lang),
        zorder=4,
    )
    ax.axvline(1.0, color=st.INK, linestyle="-", linewidth=1.0, zorder=3)
    ax.text(
        1.0,
        1.0,
        f" {st.word('m_grew', lang)} →",
        transform=blended_transform_factory(ax.transData, ax.transAxes),
        ha="left",
        va="bottom",
        fontsize=st.NOTE_SIZE,
        color=st.INK,
    )
    ax.set_yticks(pos, list(names))
    for tick, hl in zip(ax.get_yticklabels(), is_hl, strict=True):
        if hl:
            tick.set_fontweight("bold")
    ax.set_ylim(n - 0.5, -0.5)
    ax.xaxis.set_major_formatter(st.NumberFormatter(lang))
    ax.grid(axis="x", color=st.LIGHT, linewidth=0.6)
    ax.set_axisbelow(True)
    st.finish(ax, title=title, xlabel=st.word("index", lang))
    st.legend(fig, ax)
    return fig


def _label_from_index(df: pd.DataFrame, label: str) -> pd.DataFrame:
    """Use the index as the `label` column when the frame has no such column."""
    if (
        isinstance(df, pd.DataFrame)
        and label not in df.columns
        and df.index.name in (label, None)
        and not isinstance(df.index, pd.RangeIndex)
    ):
        return df.rename_axis(label).reset_index()
    return df
