"""Blocks that the province report and the regional overview both show."""

from __future__ import annotations

import pandas as pd

from kcanalysis import panel as A  # noqa: N812
from kcanalysis import plots
from kcanalysis.sections import blocks as B  # noqa: N812
from kcanalysis.sections.words import SECTIONS, say


def on_time_funnel(
    data: A.ReportData,
    region: str,
    year: int,
    period: str,
    lang: str,
    numbering: B.Numbering,
    highlight: str | None = None,
    numbers: dict[str, int] | None = None,
) -> B.HTMLBlock:
    """The regional funnel plot of on-time completion (inverted Wilson limits).

    `numbers` (province name -> row number of the report's table) writes each point's
    number on the chart.

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
        ot.assign(
            value=ot["on_time_ratio"],
            denominator=ot["n_due"],
            no=ot["area_name"].map(numbers or {}),
        ),
        numbers="no" if numbers else None,
        limits=A.funnel_grid(ot["n_due"], target),
        target=target,
        highlight=highlight if highlight in set(ot["area_name"]) else None,
        xlabel=say("n_due", lang),
        ylabel=say("on_time", lang),
        percent=True,
        count_x=True,
        lang=lang,
    )
    return B.HTMLBlock(
        B.figure(fig, say("c_funnel", lang), numbering)
        + B.paragraph(say("funnel_text", lang), "kc-note")
    )


def dea_figure(
    scores: pd.DataFrame,
    lang: str,
    numbering: B.Numbering,
    highlight: str | None = None,
    numbers: dict[str, int] | None = None,
) -> B.HTMLBlock:
    """The DEA intro and the trainees-against-spending view with efficient units marked;
    `numbers` (province name -> table row number) writes each point's number."""
    fig = plots.plot_dea_frontier(
        scores.assign(efficiency=scores["crs"], no=scores["area_name"].map(numbers or {})),
        numbers="no" if numbers else None,
        x="budget_kc_real",
        y="trainees",
        efficiency="efficiency",
        label="area_name",
        highlight=highlight,
        xlabel=say("kc_funds", lang),
        ylabel=say("trainees", lang),
        frontier=False,  # a two-output model has no frontier on a one-output chart
        count_y=True,
        lang=lang,
    )
    return B.HTMLBlock(
        B.paragraph(say("dea_intro", lang, n=str(len(scores))))
        + B.figure(fig, say("c_dea", lang), numbering)
    )


#: A regional median is shown only when at least this many provinces have the figure.
MIN_FOR_MEDIAN = 3


def regional_median(values: pd.Series) -> float:
    """The median of the provinces' figures, or NaN with fewer than `MIN_FOR_MEDIAN`."""
    v = pd.to_numeric(values, errors="coerce").dropna()
    return float(v.median()) if len(v) >= MIN_FOR_MEDIAN else float("nan")


def list_files(projects: pd.DataFrame | None) -> set[str]:
    """Names of the files that were read as project lists (their rows' `source` prefix)."""
    if projects is None or "source" not in projects or projects.empty:
        return set()
    src = projects["source"].astype(str)
    return set(src[src.str.contains("!", regex=False)].str.split("!").str[0])


def plan_from_list(rows: pd.DataFrame, projects: pd.DataFrame | None) -> bool:
    """True when every figure in `rows` comes from a project list: there the plan is the
    list itself, so there is no separate plan to measure the actual against.

    Totals computed by the package ("computed total of ...") are left out of the test;
    rows with no source at all count as a separate report.
    """
    files = list_files(projects)
    if not files or rows.empty:
        return False
    src = rows["source"].astype(str)
    src = src[~src.str.startswith("computed total")]
    if src.empty:
        return False
    return bool(src.str.split("!").str[0].isin(files).all())


def verdict(text: str) -> B.HTMLBlock:
    """A question's one-line answer, in bold."""
    return B.HTMLBlock(f'<p class="kc-verdict"><strong>{B.escape(text)}</strong></p>')


#: The methods the appendix explains, in the order a report uses them.
APPENDIX = ("a_theil_sen", "a_mann_kendall", "a_bca", "a_wilson", "a_eb", "a_dea", "a_malmquist")


def methods_appendix(lang: str) -> B.HTMLBlock:
    """ "Phụ lục phương pháp": each statistical method of the reports in one sentence."""
    return B.HTMLBlock(
        B.heading(SECTIONS["appendix"][lang], anchor="appendix")
        + B.paragraph(say("a_intro", lang))
        + B.bullets([say(k, lang) for k in APPENDIX], "kc-appendix")
    )
