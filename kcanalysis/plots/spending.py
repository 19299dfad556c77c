"""Plan against actual: spending by activity and headline indicators."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from kcanalysis import vocab
from kcanalysis.errors import DataError, ParameterError
from kcanalysis.plots import _style as st
from kcanalysis.text import format_percent_value

#: Planned bars are white with a diagonal hatch, actual bars solid dark grey.
PLANNED_STYLE = {"facecolor": st.WHITE, "edgecolor": st.DARK, "hatch": "///", "linewidth": 0.8}
ACTUAL_STYLE = {"facecolor": st.DARK, "edgecolor": st.DARK, "hatch": None, "linewidth": 0.8}


def _activity_order(codes: list[object]) -> list[object]:
    """Activities in the vocabulary's order, unknown codes after them as given."""
    known = [c for c in vocab.ACTIVITIES if c in codes]
    return known + [c for c in codes if c not in vocab.ACTIVITIES]


def plot_activity_mix(
    df: pd.DataFrame,
    *,
    activity: str = "activity",
    planned: str = "planned",
    actual: str = "actual",
    unit: str = "million",
    title: str = "",
    lang: str = "vi",
) -> Figure:
    """Draw planned against actual spending per activity as paired horizontal bars.

    Planned is a white bar with a diagonal hatch, actual a solid dark-grey bar just below
    it; the percentage of plan spent is written after each pair. Activities run top to
    bottom in the vocabulary's order (training first), labelled with
    :func:`kcanalysis.vocab.activity_label`.

    Parameters
    ----------
    df : DataFrame
        Spending of one area and year, in million VND: columns `activity` (activity
        code, default ``"activity"``), `planned` and `actual` (defaults ``"planned"``,
        ``"actual"``), e.g. the ``budget_kc`` rows of a `facts` table. Rows of the same
        activity are summed; the total row ``"ALL"`` is left out (it is not a part of
        the mix).
    unit : {"million", "billion"}
        Money unit of the axis: triệu đồng / tỷ đồng (million / billion VND).
    title : str
        Title in `lang` (optional: report captions usually carry it).
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        One Axes with two bar containers (planned, actual); its height grows with the
        number of activities.

    Raises
    ------
    DataError
        Missing or non-numeric columns, or no activity rows.
    ParameterError
        Unknown `lang` or `unit`.
    """
    func = "plot_activity_mix"
    st.check_lang(lang)
    scale = st.money_scale(unit)
    st.require_columns(df, [activity, planned, actual], func)
    rows = df.loc[df[activity] != "ALL", [activity, planned, actual]].copy()
    for col in (planned, actual):
        rows[col] = st.numeric(rows, col, func) * scale
    if rows.empty:
        raise DataError(f"{func}(): no activity rows to draw (only totals, or an empty frame).")
    sums = rows.groupby(activity, sort=False)[[planned, actual]].sum(min_count=1)
    sums = sums.loc[_activity_order(list(sums.index))]
    n = len(sums)
    pos = np.arange(n, dtype=float)
    fig, ax = st.new_figure(st.category_height(n, 0.5))
    ax.barh(pos - 0.2, sums[planned], height=0.38, label=st.word("planned", lang), **PLANNED_STYLE)
    ax.barh(pos + 0.2, sums[actual], height=0.38, label=st.word("actual", lang), **ACTUAL_STYLE)
    for p, plan, act in zip(pos, sums[planned], sums[actual], strict=True):
        share = act / plan if np.isfinite(plan) and plan > 0 and np.isfinite(act) else None
        end = np.nanmax([plan, act, 0.0])
        ax.annotate(
            format_percent_value(share, lang, 0),
            (end, p),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=st.NOTE_SIZE,
            color=st.INK,
        )
    ax.set_yticks(pos, [st.wrap(st.display_label(c, lang), 32) for c in sums.index])
    ax.invert_yaxis()
    ax.margins(x=0.12)
    ax.xaxis.set_major_formatter(st.NumberFormatter(lang))
    ax.grid(axis="x", color=st.LIGHT, linewidth=0.6)
    ax.set_axisbelow(True)
    st.finish(ax, title=title, xlabel=st.money_label(st.word("spending", lang), lang, unit))
    st.legend(fig, ax)
    return fig


def plot_plan_vs_actual(
    df: pd.DataFrame,
    *,
    label: str = "indicator",
    planned: str = "planned",
    actual: str = "actual",
    scale: str = "percent",
    ylabel: str | None = None,
    title: str = "",
    lang: str = "vi",
) -> Figure:
    """Draw a fulfilment chart: planned and actual bars side by side for each indicator.

    With ``scale="percent"`` each indicator is one solid dark-grey bar of actual as a share
    of plan, against a dashed 100 % reference line (the plan); with ``scale="value"``
    planned bars are white with a diagonal hatch beside the actual bars. Above each
    actual bar stands its fulfilment (actual / planned) as a percentage in the reader's
    format (vi ``84,1%``), or "–" where there is no plan.

    Parameters
    ----------
    df : DataFrame
        One row per headline indicator, e.g. from
        :func:`kcanalysis.indicators.plan_fulfilment` filtered to one area, year, level
        and activity: columns `label` (indicator code or text, default ``"indicator"``;
        codes are shown with :func:`kcanalysis.vocab.indicator_label`), `planned` and
        `actual` (defaults ``"planned"``, ``"actual"``).
    scale : {"percent", "value"}
        ``"percent"`` (default): every indicator's plan is 100% and actual is drawn as a
        share of it, so trainees, models and money fit on one axis. ``"value"``: raw
        values; use only when all indicators share a unit, and state it in `ylabel`.
    ylabel : str, optional
        Default "Tỷ lệ so với kế hoạch" / "Share of plan" for ``"percent"``.
    title : str
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        One Axes with one bar container (actual) for ``"percent"``, two (planned,
        actual) for ``"value"``, and one annotation per indicator.

    Raises
    ------
    DataError
        Missing or non-numeric columns, or a label that appears twice (filter to one
        level and activity first).
    ParameterError
        Unknown `lang` or `scale`.
    """
    func = "plot_plan_vs_actual"
    st.check_lang(lang)
    if scale not in ("percent", "value"):
        raise ParameterError(
            f"{func}(): scale={scale!r} is not supported; use 'percent' or 'value'."
        )
    st.require_columns(df, [label, planned, actual], func)
    dup = df[label][df[label].duplicated()].unique().tolist()
    if dup:
        raise DataError(
            f"{func}() draws one row per {label!r}; {dup} appear more than once. "
            "Filter the frame to one area, year, level and activity first."
        )
    plan, act = st.numeric(df, planned, func), st.numeric(df, actual, func)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(plan > 0, act / plan, np.nan)
    if scale == "percent":
        plan_h, act_h = np.where(plan > 0, 1.0, np.nan), ratio
    else:
        plan_h, act_h = plan, act
    n = len(df)
    pos = np.arange(n, dtype=float)
    fig, ax = st.new_figure()
    # As shares, every plan is 100%: one reference line says it, not a row of equal bars.
    at = 0.0 if scale == "percent" else 0.2
    if scale != "percent":
        ax.bar(pos - 0.2, plan_h, width=0.38, label=st.word("planned", lang), **PLANNED_STYLE)
    ax.bar(
        pos + at,
        act_h,
        width=0.5 if scale == "percent" else 0.38,
        label=st.word("actual", lang),
        **ACTUAL_STYLE,
    )
    for p, h, r in zip(pos, act_h, ratio, strict=True):
        ax.annotate(
            format_percent_value(float(r), lang, 1),
            (p + at, h if np.isfinite(h) else 0.0),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=st.NOTE_SIZE,
            color=st.INK,
        )
    if scale == "percent":
        ax.axhline(
            1.0, color=st.ACCENT, linestyle="--", linewidth=1.3, label=st.word("plan_line", lang)
        )
        ax.yaxis.set_major_formatter(st.PercentFormatter(lang))
        ylabel = st.word("pct_of_plan", lang) if ylabel is None else ylabel
    else:
        ax.yaxis.set_major_formatter(st.NumberFormatter(lang))
    width = max(8, 72 // max(len(df), 1))  # narrower labels when there are more bars
    ax.set_xticks(pos, [st.wrap(st.display_label(v, lang), width) for v in df[label]])
    ax.margins(y=0.12)
    ax.grid(axis="y", color=st.LIGHT, linewidth=0.6)
    ax.set_axisbelow(True)
    st.finish(ax, title=title, ylabel=ylabel or "")
    st.legend(fig, ax)
    return fig
