"""The regional overview's first page: a summary box and one row of key figures per
province, so that an official finds the region and each province at a glance."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import panel as A  # noqa: N812
from kcanalysis.periods import OLD, vintage_of
from kcanalysis.sections import blocks as B  # noqa: N812
from kcanalysis.sections import shared as S  # noqa: N812
from kcanalysis.sections.words import say
from kcanalysis.text import format_money, format_number, format_percent_value

#: Indicators of the per-province table, in its order (those with no figure are dropped).
_SHOWN = ("budget_kc", "disbursed", "projects", "trainees", "models", "events")


def province_rows(
    facts: pd.DataFrame, projects: pd.DataFrame | None, region: str, year: int, period: str
) -> pd.DataFrame:
    """One row per province with data: spending planned and actual, % of plan,
    disbursement, projects, on time, trainees, models, events and cost per trainee.

    Cost per trainee here is all khuyến công money over all trainees (current prices),
    the figure the regional comparisons use.
    """
    codes = A.members_with_data(facts, region, year, period)
    sel = A.select(facts, year=year, period=period, level="ALL", activity="ALL")
    sel = sel[sel["area_code"].isin(codes) & (sel["vintage"] == vintage_of(year, period))]
    if sel.empty:
        return pd.DataFrame()
    actual = sel.pivot_table(index="area_code", columns="indicator", values="actual", aggfunc="sum")
    planned = sel.pivot_table(
        index="area_code", columns="indicator", values="planned", aggfunc="sum"
    )
    names = sel.drop_duplicates("area_code").set_index("area_code")["area_name"]
    out = pd.DataFrame({"area_code": [c for c in codes if c in actual.index]})
    out["area_name"] = out["area_code"].map(names)
    get = lambda frame, col: out["area_code"].map(frame[col]) if col in frame else np.nan  # noqa: E731
    out["budget_planned"] = get(planned, "budget_kc")
    out["budget_actual"] = get(actual, "budget_kc")
    out["pct_plan"] = (out["budget_actual"] / out["budget_planned"]).where(
        out["budget_planned"] > 0
    )
    out["disbursement"] = (get(actual, "disbursed") / out["budget_planned"]).where(
        out["budget_planned"] > 0
    )
    for ind in ("projects", "trainees", "models", "events"):
        out[ind] = get(actual, ind)
    out["cost_per_trainee"] = (out["budget_actual"] / out["trainees"]).where(out["trainees"] > 0)
    ot = A.on_time_by_province(projects, codes, year) if period == "FY" else pd.DataFrame()
    if len(ot):
        ot = ot.set_index("area_code")
        out["n_on_time"] = out["area_code"].map(ot["n_on_time"])
        out["n_due"] = out["area_code"].map(ot["n_due"])
    out.insert(0, "no", range(1, len(out) + 1))
    return out


def provinces_table(rows: pd.DataFrame, lang: str, numbering: B.Numbering) -> str:
    """The per-province table of key figures (numbered rows)."""
    if rows.empty:
        return B.paragraph(say("f_none", lang), "kc-note")
    num = lambda v: format_number(v, lang)  # noqa: E731
    pct = lambda v: format_percent_value(v, lang)  # noqa: E731
    rows = rows.assign(
        on_time=[
            f"{format_number(a, lang)}/{format_number(b, lang)}" if pd.notna(b) and b > 0 else "–"
            for a, b in zip(
                rows.get("n_on_time", pd.Series(np.nan, index=rows.index)),
                rows.get("n_due", pd.Series(np.nan, index=rows.index)),
                strict=True,
            )
        ]
    )
    return B.table(
        rows,
        [
            ("area_name", say("pub_area", lang), None),
            ("no", say("r_no", lang), str),
            ("budget_planned", say("r_budget_plan", lang), num),
            ("budget_actual", say("r_budget_actual", lang), num),
            ("pct_plan", say("fulfil", lang), pct),
            ("disbursement", say("disbursement", lang), pct),
            ("projects", say("n_projects", lang), num),
            ("on_time", say("r_on_time", lang), str),
            ("trainees", say("trainees", lang), num),
            ("models", say("r_models", lang), num),
            ("events", say("r_events", lang), num),
            ("cost_per_trainee", say("r_cost", lang), lambda v: format_number(v, lang, 1)),
        ],
        say("t_provinces", lang),
        numbering,
        note=say("r_provinces_note", lang),
    )


def summary_box(rows: pd.DataFrame, lang: str, region: str, year: int, period: str) -> str:
    """The summary box: provinces with data, spending against plan, trainees, on time,
    the median cost per trainee; for the region before the merger, why 15 and not 14."""
    items = []
    if len(rows):
        items.append(say("s_n", lang, n=format_number(len(rows), lang)))
        spent = rows["budget_actual"].sum(min_count=1)
        both = rows.dropna(subset=["budget_planned", "budget_actual"])
        if pd.notna(spent) and len(both) and both["budget_planned"].sum() > 0:
            ratio = both["budget_actual"].sum() / both["budget_planned"].sum()
            items.append(
                say(
                    "s_budget",
                    lang,
                    actual=format_money(spent, lang),
                    pct=format_percent_value(ratio, lang),
                )
            )
        elif pd.notna(spent):
            items.append(say("s_budget_only", lang, actual=format_money(spent, lang)))
        trainees = rows["trainees"].sum(min_count=1)
        if pd.notna(trainees):
            items.append(say("s_trainees", lang, n=format_number(trainees, lang)))
        if "n_due" in rows and rows["n_due"].sum() > 0:
            due, ok = rows["n_due"].sum(), rows["n_on_time"].sum()
            items.append(
                say(
                    "s_on_time",
                    lang,
                    n=format_number(ok, lang),
                    due=format_number(due, lang),
                    pct=format_percent_value(ok / due, lang),
                )
            )
        med = S.regional_median(rows["cost_per_trainee"])
        if pd.notna(med):
            items.append(say("s_cost", lang, value=format_number(med, lang, 1)))
    if not items:
        items.append(say("f_none", lang))
    html = f"<h2>{B.escape(say('summary', lang))}</h2>" + B.bullets(items, "kc-summary")
    if region == "MTTN" and vintage_of(year, period) == OLD:
        html += B.paragraph(say("s_fifteen", lang), "kc-note")
    return html
