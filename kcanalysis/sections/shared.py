"""Blocks that the province report and the regional overview both show."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import methods, plots
from kcanalysis import panel as A  # noqa: N812
from kcanalysis.sections import blocks as B  # noqa: N812
from kcanalysis.sections.words import SECTIONS, say
from kcanalysis.text import format_number


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
    """The regional funnel plot of on-time completion (exact binomial limits, or limits
    widened for overdispersion; see `panel.funnel_choice`).

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
    choice = A.funnel_choice(ot["n_due"], ot["n_on_time"])
    fig = plots.plot_funnel(
        ot.assign(
            value=ot["on_time_ratio"],
            denominator=ot["n_due"],
            no=ot["area_name"].map(numbers or {}),
        ),
        numbers="no" if numbers else None,
        limits=choice.limits,
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
        + B.paragraph(funnel_text(choice, lang), "kc-note")
    )


def funnel_text(choice: A.FunnelChoice, lang: str) -> str:
    """The funnel's note: which limits were drawn and what lying outside them means."""
    if choice.method == "additive":
        return say(
            "funnel_text_od",
            lang,
            phi=format_number(choice.phi, lang, 2),
            tau2=format_number(choice.tau2, lang, 4),
        )
    text = say("funnel_text_exact", lang)
    if choice.n_units < A.OD_MIN_UNITS:
        return text + " " + say("funnel_few", lang, n=str(choice.n_units))
    return text + " " + say("funnel_no_od", lang, phi=format_number(choice.phi, lang, 2))


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
        # a province left out (a missing output) is named in the notes, not on the chart
        highlight=highlight if highlight in set(scores["area_name"]) else None,
        xlabel=say("kc_funds", lang),
        ylabel=say("trainees", lang),
        frontier=False,  # a two-output model has no frontier on a one-output chart
        count_y=True,
        lang=lang,
    )
    return B.HTMLBlock(
        B.paragraph(say("dea_intro", lang, n=str(len(scores))))
        + B.paragraph(say("dea_limits", lang, n=str(len(scores))), "kc-note")
        + B.figure(fig, say("c_dea", lang), numbering)
        + dea_notes(scores, lang)
    )


def dea_notes(scores: pd.DataFrame, lang: str) -> str:
    """The DEA's leave-one-out sensitivity and the provinces left out, with reasons."""
    from kcanalysis.sections.words import translate_reason

    parts = []  # B.paragraph escapes the text (names come from the data)
    loo = scores.attrs.get("loo")
    if loo:
        parts.append(
            B.paragraph(
                say(
                    "dea_loo",
                    lang,
                    name=loo["removed"],
                    k=str(loo["moved"]),
                    n=str(loo["n"]),
                ),
                "kc-note",
            )
        )
    left = scores.attrs.get("left_out") or []
    if left:
        items = "; ".join(f"{n} ({translate_reason(r, lang)})" for n, r in left)
        parts.append(B.paragraph(say("dea_left_out", lang, items=items), "kc-note"))
    return "".join(parts)


def trend_text(values: pd.Series, years: pd.Series, ts, mk, lang: str) -> str:
    """The trend paragraph: level slope, growth in % a year, and Mann-Kendall if n >= 5.

    Below 5 years no p under 5 % is attainable, so the test is not reported and the text
    says so (see ``methods.trend.MK_MIN_N``).
    """
    num2 = lambda v: format_number(v, lang, 2)  # noqa: E731
    num1 = lambda v: format_number(v, lang, 1)  # noqa: E731
    parts = [
        say("spend_per_trainee_def", lang),
        say("trend_level", lang, slope=num2(ts.slope), low=num2(ts.low), high=num2(ts.high)),
    ]
    v = np.asarray(values, dtype=float)
    if len(v) >= 3 and (v > 0).all():
        g = methods.growth_rate(v, np.asarray(years, dtype=float))
        parts.append(
            say("trend_growth", lang, pct=num1(g.pct), low=num1(g.low_pct), high=num1(g.high_pct))
        )
    if mk.reportable:
        method = say("mk_exact" if mk.method == "exact" else "mk_normal", lang)
        parts.append(
            say(
                "trend_mk",
                lang,
                tau=num2(mk.tau),
                p=format_number(mk.p, lang, 3),
                n=str(mk.n),
                method=method,
            )
        )
    else:
        parts.append(say("trend_mk_short", lang, n=str(mk.n)))
    return " ".join(parts)


def trend_finding(ts, mk, lang: str) -> str:
    """The summary's trend sentence: a rise or a fall only when the slope's interval
    excludes 0, the Mann-Kendall p only from 5 years on (`trend_finding_key`)."""
    key = trend_finding_key(ts, mk)
    return say(
        key,
        lang,
        slope=format_number(ts.slope if "none" in key else abs(ts.slope), lang, 2),
        low=format_number(ts.low, lang, 2),
        high=format_number(ts.high, lang, 2),
        p=format_number(mk.p, lang, 3),
        n=str(mk.n),
    )


def trend_finding_key(ts, mk) -> str:
    """The findings' key: a rise or fall only when the slope's interval excludes 0."""
    if np.isfinite([ts.low, ts.high]).all() and ts.low <= 0 <= ts.high:
        key = "f_trend_none"
    else:
        key = "f_trend_down" if ts.slope < 0 else "f_trend_up"
    return key if mk.reportable else f"{key}_short"


#: Below this many projects a bootstrap interval is called rough.
ROUGH_BELOW = 20


def bootstrap_note(n_projects: pd.Series, names: pd.Series | None, lang: str) -> str:
    """What a bootstrap interval over a project list means, and when it is rough.

    A project list is a census: the interval is the spread from the mix of projects. With
    one area, ``names`` is None and the sentence gives its number of projects; with
    several, the areas below `ROUGH_BELOW` projects are named. Plain text: the table's
    note is escaped where it is written.
    """
    text = say("boot_census", lang)
    n = pd.to_numeric(n_projects, errors="coerce")
    few = n.notna() & (n < ROUGH_BELOW)
    if names is None:
        if few.any():
            text += " " + say("boot_rough", lang, n=str(int(n[few].max())))
        return text
    if few.any():
        listed = ", ".join(str(v) for v in names[few].drop_duplicates())
        text += " " + say("boot_rough_list", lang, names=listed)
    return text


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


def data_banner(data: A.ReportData, lang: str) -> B.HTMLBlock:
    """The banner of a report on synthetic data: all of it, or all but the user's figures
    (``data: [own.xlsx, builtin]``), which it names by area and period."""
    from kcanalysis import provinces
    from kcanalysis.sections.words import period_in_title

    if not data.own:
        return B.banner(lang)
    sep = "; "
    own = sep.join(
        f"{provinces.area_label(a, y, lang, p)} {period_in_title(p, y, lang)}"
        for a, _, y, p in data.own
    )
    return B.banner(lang, own, ", ".join(data.own_files))
