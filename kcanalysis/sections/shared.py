"""Blocks that the province report and the regional overview both show."""

from __future__ import annotations

import pandas as pd

from kcanalysis import panel as A  # noqa: N812
from kcanalysis import plots
from kcanalysis.sections import blocks as B  # noqa: N812
from kcanalysis.sections.words import say


def on_time_funnel(
    data: A.ReportData,
    region: str,
    year: int,
    period: str,
    lang: str,
    numbering: B.Numbering,
    highlight: str | None = None,
) -> B.HTMLBlock:
    """The regional funnel plot of on-time completion (inverted Wilson limits).

    Needs the provinces' project lists and a full-year period; otherwise, or with fewer
    than three provinces with projects due, a note says why there is no plot.
    """
    ot = pd.DataFrame()
    if data.projects is not None and period == "FY":
        codes = A.members_with_data(data.facts, region, year, period)
        ot = A.on_time_by_province(data.projects, codes, year)
    if ot.empty or (ot["n_due"] > 0).sum() < 3:
        return B.paragraph(say("no_funnel", lang), "kc-note")
    ot = ot[ot["n_due"] > 0]
    target = ot["n_on_time"].sum() / ot["n_due"].sum()
    fig = plots.plot_funnel(
        ot.assign(value=ot["on_time_ratio"], denominator=ot["n_due"]),
        limits=A.funnel_grid(ot["n_due"], target),
        target=target,
        highlight=highlight if highlight in set(ot["area_name"]) else None,
        xlabel=say("n_due", lang),
        ylabel=say("on_time", lang),
        lang=lang,
    )
    return B.HTMLBlock(
        B.figure(fig, say("c_funnel", lang), numbering)
        + B.paragraph(say("funnel_text", lang), "kc-note")
    )


def dea_figure(
    scores: pd.DataFrame, lang: str, numbering: B.Numbering, highlight: str | None = None
) -> B.HTMLBlock:
    """The DEA intro and the trainees-against-spending view with efficient units marked."""
    fig = plots.plot_dea_frontier(
        scores.assign(efficiency=scores["crs"]),
        x="budget_kc_real",
        y="trainees",
        efficiency="efficiency",
        label="area_name",
        highlight=highlight,
        xlabel=say("kc_funds", lang),
        ylabel=say("trainees", lang),
        lang=lang,
    )
    return B.HTMLBlock(
        B.paragraph(say("dea_intro", lang, n=str(len(scores))))
        + B.figure(fig, say("c_dea", lang), numbering)
    )
