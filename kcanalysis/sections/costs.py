"""Table 5: money per unit of output, charged only to the activities that produced it.

A demonstration model is produced by the demonstration activity; charging it the whole
budget ("1 model -> 5.329 million VND per model") misleads. Each output here is charged
the khuyến công money of the activities that report that output (a ratio of sums over
those activities), and its interval resamples only those activities' projects.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import indicators, vocab
from kcanalysis.indicators.cost import COST_OUTPUTS


def cost_by_producing_activity(
    facts: pd.DataFrame,
    projects: pd.DataFrame | None,
    base_year: int,
    lang: str,
) -> pd.DataFrame:
    """Return one row per output: the activities that produced it, their money, the count
    and the cost per unit (current and constant prices), with bootstrap bounds when the
    projects are known.

    Parameters
    ----------
    facts : DataFrame
        One area's facts of one year and period (level "ALL" rows are used).
    projects : DataFrame or None
        That area's projects of the year, or None.
    base_year : int
        Year of the constant prices.
    lang : {"vi", "en"}
        Language of the `activities` and `reason` texts.

    Returns
    -------
    DataFrame
        Columns ``output``, ``activities`` (labels), ``budget_kc_mvnd``, ``output_count``,
        ``cost_per_unit_mvnd``, ``cost_per_unit_real_mvnd``, ``reason`` and, with
        projects, ``ci_low_real_mvnd``, ``ci_high_real_mvnd``, ``n_projects``. An output
        with no activity breakdown has no cost, and its reason says why.
    """
    from kcanalysis.sections.words import say, translate_reason

    per = indicators.cost_effectiveness(facts, base_year, levels=["ALL"], activities=None)
    per = per[per["activity"] != "ALL"]
    totals = facts[(facts["level"] == "ALL") & (facts["activity"] == "ALL")]
    reported = [o for o in COST_OUTPUTS if (totals["indicator"] == o).any()]
    rows = []
    for output in reported:
        made = per[(per["output"] == output) & (per["output_count"] > 0)]
        count = float(totals.loc[totals["indicator"] == output, "actual"].sum(min_count=1))
        row = {"output": output, "output_count": count, "activities": "", "reason": ""}
        if made.empty:
            row["reason"] = say("cost_no_activity", lang)
            rows.append(row)
            continue
        codes = list(made["activity"])
        budget = made["budget_kc_mvnd"].sum(min_count=len(made))
        real = made["budget_kc_real_mvnd"].sum(min_count=len(made))
        n = made["output_count"].sum()
        row.update(
            activities=", ".join(vocab.activity_label(a, lang) for a in codes),
            codes=codes,
            budget_kc_mvnd=budget,
            output_count=n,
            cost_per_unit_mvnd=budget / n if pd.notna(budget) else np.nan,
            cost_per_unit_real_mvnd=real / n if pd.notna(real) else np.nan,
        )
        if pd.isna(budget):
            row["reason"] = say("cost_no_budget", lang)
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(_COLUMNS) if not rows else None)
    if out.empty or projects is None:
        return out
    bounds = []
    for r in out.itertuples():
        codes = getattr(r, "codes", None)
        if not isinstance(codes, list) or pd.isna(r.cost_per_unit_mvnd):
            bounds.append((np.nan, np.nan, np.nan))
            continue
        ci = indicators.cost_ci(
            projects, base_year, outputs=[r.output], activities=codes, levels=["ALL"]
        )
        ci = ci[ci["output"] == r.output]
        if len(ci):
            c = ci.iloc[0]
            bounds.append((c["ci_low_real_mvnd"], c["ci_high_real_mvnd"], c["n_projects"]))
            if not out.at[r.Index, "reason"] and isinstance(c.get("reason"), str):
                out.at[r.Index, "reason"] = translate_reason(c["reason"], lang)
        else:
            bounds.append((np.nan, np.nan, np.nan))
    out[["ci_low_real_mvnd", "ci_high_real_mvnd", "n_projects"]] = bounds
    return out


_COLUMNS = (
    "output",
    "activities",
    "budget_kc_mvnd",
    "output_count",
    "cost_per_unit_mvnd",
    "cost_per_unit_real_mvnd",
    "reason",
)
