"""Finance and delivery: disbursement against plan, and projects finished on time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.indicators import _display, _ratios

_DISBURSEMENT_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "plan_period",
    "level",
    "activity",
    "budget_kc_planned_mvnd",
    "disbursed_mvnd",
    "disbursement_ratio",
    "disbursement_pct",
    "qualifier",
    "reason",
    "note",
]


def disbursement_rate(
    facts: pd.DataFrame,
    *,
    plan_period: str | None = None,
    levels: Sequence[str] | None = None,
    activities: Sequence[str] | None = ("ALL",),
) -> pd.DataFrame:
    """Return the money disbursed against the planned khuyến công budget.

    Formula: ``disbursement_ratio = disbursed (actual) / budget_kc (planned)``, both in
    million VND, ``disbursement_pct = 100 * disbursement_ratio``. A total computed from
    parts is Σdisbursed / Σplanned over the parts that report both.

    Parameters
    ----------
    facts : DataFrame
        A `facts` table; money in million VND.
    plan_period : str, optional
        Read the plan from this period of the same year: ``"FY"`` gives "disbursed by
        September as a share of the year's plan". By default the plan of the same period
        is used, so periods are never mixed unasked.
    levels, activities : sequence of str, optional
        Rows to keep; by default every level and the all-activity totals (None: all).

    Returns
    -------
    DataFrame
        ``area_code``, ``area_name``, ``year``, ``period``, ``plan_period``, ``level``,
        ``activity``, ``budget_kc_planned_mvnd``, ``disbursed_mvnd``,
        ``disbursement_ratio`` (fraction), ``disbursement_pct`` (percent), ``qualifier``,
        ``reason`` ("planned budget is zero", ...), ``note``.
    """
    _ratios.check_facts(facts, "disbursement_rate")
    full = _ratios.with_totals(facts)
    t = _ratios.ratio_table(
        facts,
        full,
        ("disbursed", "actual"),
        ("budget_kc", "planned"),
        den_period=plan_period,
        matched=True,
    )
    t = _ratios.filter_rows(t, levels, activities)
    out = t.rename(columns={"numerator": "disbursed_mvnd", "denominator": "budget_kc_planned_mvnd"})
    out["disbursement_ratio"] = out["ratio"]
    out["disbursement_pct"] = 100 * out["ratio"]
    out = _display.attach_area_name(out, _display.area_names(facts))
    return _display.sort_result(out.loc[:, _DISBURSEMENT_COLUMNS])


_ON_TIME_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "level",
    "n_projects",
    "n_cancelled",
    "n_undated",
    "n_not_due",
    "n_due",
    "n_on_time",
    "n_late",
    "n_overdue",
    "on_time_ratio",
    "on_time_pct",
    "as_of",
    "qualifier",
    "reason",
]


def on_time_completion(
    projects: pd.DataFrame,
    as_of: str | date | pd.Timestamp | None = None,
    *,
    grace_days: int = 0,
    levels: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return the share of projects finished on time, per area, year and funding level.

    Formula: ``on_time_ratio = n_on_time / n_due`` with ``n_due = n_on_time + n_late``;
    ``on_time_pct = 100 * on_time_ratio``. Each project that is not cancelled is:

    - **on time** if ``actual_end <= planned_end + grace_days``;
    - **late** if it finished after that, or if it is unfinished (no ``actual_end``) and
      ``as_of`` is past ``planned_end + grace_days`` (counted in ``n_late`` and, as well,
      in ``n_overdue``);
    - **not yet due** if it is unfinished and its planned end has not passed on ``as_of``:
      left out of the rate, counted in ``n_not_due``;
    - **undated** if ``planned_end`` is unknown, or if it is completed or accepted without
      an ``actual_end``: left out, counted in ``n_undated``.

    Cancelled projects are left out and counted in ``n_cancelled``.

    Parameters
    ----------
    projects : DataFrame
        A project list (`kcanalysis.schema.validate_projects`), with ``planned_end`` and
        ``actual_end`` dates.
    as_of : date-like, optional
        The day the status is read on; today by default. Pass it for reproducible reports.
    grace_days : int
        Days after the planned end still counted as on time (0 by default).
    levels : sequence of str, optional
        Levels to keep ("KCQG", "KCDP", "ALL"); all by default.

    Returns
    -------
    DataFrame
        One row per area, year and level (the "ALL" row pools both levels):
        ``area_code``, ``area_name``, ``year``, ``period`` ("FY"), ``level``, the counts
        ``n_projects`` (all listed), ``n_cancelled``, ``n_undated``, ``n_not_due``,
        ``n_due``, ``n_on_time``, ``n_late``, ``n_overdue``, then ``on_time_ratio``
        (fraction), ``on_time_pct`` (percent), ``as_of``, ``qualifier`` ("") and
        ``reason`` ("no project due by 2015-12-31" when ``n_due`` is 0).
    """
    needed = ["area_code", "year", "level", "status", "planned_end", "actual_end"]
    missing = [c for c in needed if c not in projects.columns]
    if missing:
        raise DataError(
            f"on_time_completion: the project list lacks column(s) {', '.join(missing)}; "
            "validate it with kcanalysis.schema.validate_projects."
        )
    if int(grace_days) < 0:
        raise ParameterError(f"on_time_completion: grace_days={grace_days} must be >= 0.")
    day = pd.Timestamp(as_of if as_of is not None else date.today()).normalize()
    p = projects.loc[:, needed].copy()
    planned = pd.to_datetime(p["planned_end"]) + pd.Timedelta(days=int(grace_days))
    actual = pd.to_datetime(p["actual_end"])
    cancelled = p["status"] == "cancelled"
    finished_undated = p["status"].isin(["completed", "accepted"]) & actual.isna()
    undated = ~cancelled & (planned.isna() | finished_undated)
    live = ~cancelled & ~undated
    on_time = live & actual.notna() & (actual <= planned)
    late_done = live & actual.notna() & (actual > planned)
    overdue = live & actual.isna() & (day > planned)
    not_due = live & actual.isna() & (day <= planned)
    flags = pd.DataFrame(
        {
            "n_projects": 1,
            "n_cancelled": cancelled.astype("int64"),
            "n_undated": undated.astype("int64"),
            "n_not_due": not_due.astype("int64"),
            "n_on_time": on_time.astype("int64"),
            "n_late": (late_done | overdue).astype("int64"),
            "n_overdue": overdue.astype("int64"),
        },
        index=p.index,
    )
    flags[["area_code", "year", "level"]] = p[["area_code", "year", "level"]]
    both = pd.concat([flags, flags.assign(level="ALL")], ignore_index=True)
    out = both.groupby(["area_code", "year", "level"], sort=False).sum().reset_index()
    out["n_due"] = out["n_on_time"] + out["n_late"]
    ratio, _ = _ratios.divide(out["n_on_time"], out["n_due"], "", "")
    out["on_time_ratio"] = ratio
    out["on_time_pct"] = 100 * ratio
    out["period"] = "FY"
    out["as_of"] = day
    out["qualifier"] = ""
    out["reason"] = [_no_due_reason(row, day) for _, row in out.iterrows()]
    if levels is not None:
        out = out[out["level"].isin(list(levels))]
    out["year"] = out["year"].astype("int64")
    out = _display.attach_area_name(out, {})
    return _display.sort_result(out.loc[:, _ON_TIME_COLUMNS])


def _no_due_reason(row: pd.Series, day: pd.Timestamp) -> str:
    if row["n_due"]:
        return ""
    if row["n_not_due"]:
        return f"no project due by {day.date().isoformat()}"
    if row["n_undated"]:
        return "no project with known planned and actual end dates"
    return "every project cancelled"
