"""Delivery against plan: plan fulfilment and the share of projects accepted (nghiệm thu)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from kcanalysis import vocab
from kcanalysis.aggregate import aggregate
from kcanalysis.indicators import _display, _ratios

_FULFILMENT_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "plan_period",
    "level",
    "activity",
    "indicator",
    "unit",
    "planned",
    "actual",
    "fulfilment_ratio",
    "fulfilment_pct",
    "qualifier",
    "reason",
    "note",
]


def plan_fulfilment(
    facts: pd.DataFrame,
    indicators: Sequence[str] | None = None,
    *,
    levels: Sequence[str] | None = None,
    activities: Sequence[str] | None = None,
    plan_period: str | None = None,
) -> pd.DataFrame:
    """Return actual against plan for each indicator, level and activity.

    Formula: ``fulfilment_ratio = actual / planned`` on the same area, year, period, level,
    activity and indicator; ``fulfilment_pct = 100 * fulfilment_ratio``. Totals (level or
    activity "ALL") are a ratio of sums, never an average of ratios: a reported total is
    used as reported; a total computed from parts is Σactual / Σplanned over the parts that
    report *both* (a part with an actual but no plan would otherwise inflate it), and its
    `note` says so when some parts were left out.

    Parameters
    ----------
    facts : DataFrame
        A `facts` table (detail rows, totals, or both); money in million VND.
    indicators : sequence of str, optional
        Indicator codes; by default every indicator that has a plan somewhere in `facts`.
    levels, activities : sequence of str, optional
        Keep only these levels ("KCQG", "KCDP", "ALL") and activity codes; all by default.
    plan_period : str, optional
        Compare every period's actual with the plan of this period in the same year, e.g.
        ``"FY"`` for "disbursed by September against the year's plan". By default the plan
        of the same period is used (M8 against M8), so periods are never mixed unasked.

    Returns
    -------
    DataFrame
        One row per area, year, period, level, activity and indicator where a plan or an
        actual is given: ``area_code``, ``area_name``, ``year``, ``period``,
        ``plan_period``, ``level``, ``activity``, ``indicator``, ``unit``, ``planned``,
        ``actual`` (the values the ratio uses, in ``unit``), ``fulfilment_ratio``
        (fraction), ``fulfilment_pct`` (percent), ``qualifier``, ``reason`` (why the ratio
        is NaN: "planned number of trainees not reported", "planned budget is zero"), and
        ``note``.

    Notes
    -----
    The qualifier of a `facts` row qualifies its actual (or its plan when it gives no
    actual). The ratio's qualifier is combine(q(actual), flip(q(planned))): "more than"
    in the actual makes the fulfilment "more than"; "more than" in the plan makes it "less
    than". A ratio above 1 may mean under-planning rather than over-delivery.
    """
    _ratios.check_facts(facts, "plan_fulfilment")
    if indicators is None:
        with_plan = facts.loc[facts["planned"].notna(), "indicator"]
        indicators = [c for c in vocab.INDICATORS if c in set(with_plan)]
    _ratios.check_choice(indicators, vocab.INDICATORS, "indicators", "plan_fulfilment")
    full = _ratios.with_totals(facts)
    frames = []
    for ind in indicators:
        t = _ratios.ratio_table(
            facts, full, (ind, "actual"), (ind, "planned"), den_period=plan_period, matched=True
        )
        t["indicator"] = ind
        frames.append(t)
    if not frames:
        return _empty(_FULFILMENT_COLUMNS)
    t = _ratios.filter_rows(pd.concat(frames, ignore_index=True), levels, activities)
    out = t.rename(columns={"numerator": "actual", "denominator": "planned"})
    out["unit"] = out["indicator"].map(vocab.unit_of).astype("str")
    out["fulfilment_ratio"] = out["ratio"]
    out["fulfilment_pct"] = 100 * out["ratio"]
    out = _display.attach_area_name(out, _display.area_names(facts))
    return _display.sort_result(out.loc[:, _FULFILMENT_COLUMNS])


_ACCEPTANCE_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "level",
    "activity",
    "projects",
    "projects_accepted",
    "acceptance_ratio",
    "acceptance_pct",
    "qualifier",
    "reason",
    "note",
]


def acceptance_share(
    data: pd.DataFrame,
    *,
    levels: Sequence[str] | None = None,
    activities: Sequence[str] | None = ("ALL",),
) -> pd.DataFrame:
    """Return the share of projects accepted (nghiệm thu).

    Formula: ``acceptance_ratio = projects_accepted / projects`` (actual values, i.e.
    projects carried out, not cancelled), ``acceptance_pct = 100 * acceptance_ratio``.
    Computed totals are taken over the parts that report both counts.

    Parameters
    ----------
    data : DataFrame
        A `facts` table, or a project list (recognised by its ``project_id`` column),
        which is first turned into `facts` by `kcanalysis.aggregate.aggregate`: there,
        projects = projects not cancelled, accepted = projects with status "accepted".
    levels, activities : sequence of str, optional
        Rows to keep; by default every level and the all-activity totals.

    Returns
    -------
    DataFrame
        ``area_code``, ``area_name``, ``year``, ``period``, ``level``, ``activity``,
        ``projects``, ``projects_accepted`` (counts), ``acceptance_ratio`` (fraction),
        ``acceptance_pct`` (percent), ``qualifier``, ``reason``, ``note``.
    """
    facts = aggregate(data) if "project_id" in data.columns else data
    _ratios.check_facts(facts, "acceptance_share")
    full = _ratios.with_totals(facts)
    t = _ratios.ratio_table(
        facts, full, ("projects_accepted", "actual"), ("projects", "actual"), matched=True
    )
    t = _ratios.filter_rows(t, levels, activities)
    out = t.rename(columns={"numerator": "projects_accepted", "denominator": "projects"})
    out["acceptance_ratio"] = out["ratio"]
    out["acceptance_pct"] = 100 * out["ratio"]
    out = _display.attach_area_name(out, _display.area_names(facts))
    return _display.sort_result(out.loc[:, _ACCEPTANCE_COLUMNS])


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
