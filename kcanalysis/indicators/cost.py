"""What the money bought: cost per unit of output, and counterpart funds per VND."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from kcanalysis import vocab
from kcanalysis.indicators import _display, _prices, _ratios

#: Outputs a cost is computed for by default (indicator codes).
COST_OUTPUTS = ("trainees", "models", "establishments", "jobs_created")
#: Outputs a cost may be computed for.
ALLOWED_OUTPUTS = (
    "trainees",
    "participants",
    "events",
    "models",
    "establishments",
    "products",
    "jobs_created",
    "projects",
)

_COST_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "level",
    "activity",
    "output",
    "output_unit",
    "budget_kc_mvnd",
    "output_count",
    "cost_per_unit_mvnd",
    "base_year",
    "budget_kc_real_mvnd",
    "cost_per_unit_real_mvnd",
    "qualifier",
    "reason",
]


def cost_effectiveness(
    facts: pd.DataFrame,
    base_year: int | None = None,
    *,
    outputs: Sequence[str] = COST_OUTPUTS,
    levels: Sequence[str] | None = None,
    activities: Sequence[str] | None = ("ALL",),
) -> pd.DataFrame:
    """Return million VND of khuyến công money per unit of output.

    Formula: ``cost_per_unit_mvnd = budget_kc / output`` (actual values of the same area,
    year, period, level and activity), where ``budget_kc`` is the khuyến công money spent
    (extension funds, not counterpart funds) in million VND; at constant prices
    ``cost_per_unit_real_mvnd = budget_kc * CPI(base_year) / CPI(year) / output``.
    Totals are ratios of sums (Σbudget / Σoutput), read from the level-"ALL" and
    activity-"ALL" rows after `kcanalysis.aggregate.add_totals`.

    Every output is charged the full budget of its row, so costs per trainee and per job
    are not additive: at activity "ALL" the cost per trainee divides *all* khuyến công
    money by the trainees. Ask for ``activities=["TRAIN"]`` to charge training money only.

    Parameters
    ----------
    facts : DataFrame
        A `facts` table; money in million VND.
    base_year : int, optional
        Year whose prices the ``_real_`` columns are in; by default the latest year of
        `facts` that the CPI table (2005-2024) covers. Stated in the ``base_year`` column.
    outputs : sequence of str
        Output indicators: by default trainees, models, establishments and jobs_created.
    levels : sequence of str, optional
        Funding levels to keep ("KCQG", "KCDP", "ALL"); all by default.
    activities : sequence of str or None
        Activities to keep; the all-activity totals by default, None for every activity.

    Returns
    -------
    DataFrame
        One row per area, year, period, level, activity and output where the spending or
        the output is reported: ``area_code``, ``area_name``, ``year``, ``period``,
        ``level``, ``activity``, ``output`` (indicator code), ``output_unit``,
        ``budget_kc_mvnd``, ``output_count``, ``cost_per_unit_mvnd`` (current prices),
        ``base_year``, ``budget_kc_real_mvnd``, ``cost_per_unit_real_mvnd`` (constant
        prices of ``base_year``), ``qualifier`` and ``reason``.

    Notes
    -----
    A zero or unreported output gives NaN and a reason ("number of trainees is zero"),
    never inf or 0. Constant prices use the annual average CPI of `year` also for part-year
    periods (M1-M11); multi-year totals ("P2012-2016") and years outside the CPI table get
    NaN real values with a reason. Qualifiers: "more than N trainees" makes the cost "<"
    (at most), "more than N million VND" makes it ">"; see `kcanalysis.indicators`.

    Raises
    ------
    ParameterError
        An unknown output, or a `base_year` outside the CPI table.
    """
    _ratios.check_facts(facts, "cost_effectiveness")
    _ratios.check_choice(outputs, ALLOWED_OUTPUTS, "outputs", "cost_effectiveness")
    full = _ratios.with_totals(facts)
    frames = []
    for out_code in outputs:
        t = _ratios.ratio_table(facts, full, ("budget_kc", "actual"), (out_code, "actual"))
        t["output"] = out_code
        frames.append(t)
    t = _ratios.filter_rows(pd.concat(frames, ignore_index=True), levels, activities)
    out = t.rename(columns={"numerator": "budget_kc_mvnd", "denominator": "output_count"})
    out["output_unit"] = out["output"].map(vocab.unit_of).astype("str")
    out["cost_per_unit_mvnd"] = out["ratio"]
    base = _prices.choose_base_year(out["year"], base_year, "cost_effectiveness")
    factors, why = _prices.real_factors(out["year"], out["period"], base)
    out["base_year"] = pd.array([base] * len(out), dtype="Int64")
    out["budget_kc_real_mvnd"] = out["budget_kc_mvnd"].to_numpy() * factors
    out["cost_per_unit_real_mvnd"] = out["ratio"].to_numpy() * factors
    real_why = [w if not np.isnan(r) else "" for w, r in zip(why, out["ratio"], strict=True)]
    out["reason"] = _ratios.join_reasons(out["reason"], real_why)
    out = _display.attach_area_name(out, _display.area_names(facts))
    return _display.sort_result(out.loc[:, _COST_COLUMNS])


_LEVERAGE_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "level",
    "activity",
    "budget_kc_mvnd",
    "budget_counterpart_mvnd",
    "leverage_ratio",
    "qualifier",
    "reason",
]


def leverage(
    facts: pd.DataFrame,
    *,
    levels: Sequence[str] | None = None,
    activities: Sequence[str] | None = ("ALL",),
) -> pd.DataFrame:
    """Return counterpart funds per VND of khuyến công money.

    Formula: ``leverage_ratio = budget_counterpart / budget_kc`` (actual amounts, million
    VND / million VND = VND per VND) on the same area, year, period, level and activity;
    totals are ratios of sums. A ratio of 1.8 means every VND of extension money came with
    1.8 VND of the beneficiaries' own (counterpart) funds.

    Parameters
    ----------
    facts : DataFrame
        A `facts` table; money in million VND.
    levels, activities : sequence of str, optional
        Rows to keep; by default every level and the all-activity totals (None: all).

    Returns
    -------
    DataFrame
        ``area_code``, ``area_name``, ``year``, ``period``, ``level``, ``activity``,
        ``budget_kc_mvnd``, ``budget_counterpart_mvnd``, ``leverage_ratio`` (VND per VND),
        ``qualifier``, ``reason`` ("khuyến công spending is zero", "counterpart funds not
        reported", ...).

    Notes
    -----
    Both amounts are at current prices of the same year, so deflation cancels out. Missing
    counterpart funds are not read as zero: the ratio is NaN with a reason.
    """
    _ratios.check_facts(facts, "leverage")
    full = _ratios.with_totals(facts)
    t = _ratios.ratio_table(facts, full, ("budget_counterpart", "actual"), ("budget_kc", "actual"))
    t = _ratios.filter_rows(t, levels, activities)
    out = t.rename(
        columns={"numerator": "budget_counterpart_mvnd", "denominator": "budget_kc_mvnd"}
    )
    out["leverage_ratio"] = out["ratio"]
    out = _display.attach_area_name(out, _display.area_names(facts))
    return _display.sort_result(out.loc[:, _LEVERAGE_COLUMNS])
