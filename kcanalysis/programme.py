"""Programme periods: a period as the sum of its years, targets, pace, the previous period.

Provinces and the ministry evaluate khuyến công by programme period: 2021–2025 under
Decision 1881/QĐ-TTg, and 2026–2030 under Decision 2646/QĐ-BCT (Decree 45/2012 as amended
by Decree 235/2025). A programme period ``P<a>-<b>`` is read here as the sum of its
years' full-year (FY) rows. For a post-merger unit the years before 2025 are its
predecessors' sums (`kcanalysis.panel.unit_facts`), labelled ``basis == "predecessors"``.
A total that a province reported itself for the period (a P row) is shown beside the sum,
never in its place; its planned value is the programme's target.

Pure functions from `facts` to tidy DataFrames, for the review report and researchers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import panel, provinces
from kcanalysis.datasets import deflate
from kcanalysis.errors import KcAnalysisError, ParameterError
from kcanalysis.periods import programme_years, vintage_of

#: Headline indicators of a review, in display order.
REVIEW_INDICATORS = (
    "budget_kc",
    "disbursed",
    "projects",
    "trainees",
    "models",
    "establishments",
    "jobs_created",
)
MONEY = ("budget_kc", "disbursed", "budget_counterpart", "budget_total")


def period_years(period: str) -> tuple[int, int]:
    """Return the first and last year of ``P<a>-<b>``; raise `ParameterError` otherwise."""
    span = programme_years(period)
    if span is None:
        raise ParameterError(f"{period!r} is not a programme period; use P<start>-<end>.")
    return span


def previous_period(period: str) -> str:
    """Return the programme period before `period` ("P2021-2025" -> "P2016-2020")."""
    a, b = period_years(period)
    return f"P{a - (b - a + 1)}-{a - 1}"


def _area_rows(facts: pd.DataFrame, area: str, vintage: str) -> pd.DataFrame:
    """The area's rows through time: a unit's own and predecessor sums; a region's sum
    of its members, each year in the map of that year."""
    if area not in provinces.regions():
        return panel.unit_facts(facts, area, vintage)
    fy = facts[(facts["period"] == "FY") & (facts["level"] == "ALL")]
    frames = []
    for year in sorted(fy["year"].unique()):
        try:
            members = provinces.region_members(area, int(year))
        except KcAnalysisError:  # no recorded membership that year
            continue
        part = fy[
            (fy["year"] == year)
            & fy["area_code"].isin(members)
            & (fy["vintage"] == vintage_of(int(year)))
        ]
        if part.empty:
            continue
        g = part.groupby(["activity", "indicator"], sort=False)
        sums = pd.DataFrame(
            {
                "planned": g["planned"].sum(min_count=1),
                "actual": g["actual"].sum(min_count=1),
                "n_members": g["area_code"].nunique(),
            }
        ).reset_index()
        frames.append(sums.assign(area_code=area, year=int(year), period="FY", level="ALL"))
    own = facts[facts["area_code"] == area]
    if not frames:
        return own.assign(basis="own")
    members_rows = pd.concat(frames, ignore_index=True).assign(basis="members")
    return pd.concat([members_rows, own.assign(basis="own")], ignore_index=True)


def yearly_table(
    facts: pd.DataFrame,
    area: str,
    period: str,
    base_year: int,
    indicators: tuple[str, ...] = REVIEW_INDICATORS,
) -> pd.DataFrame:
    """Plan, actual and fulfilment of each year of a programme period.

    Returns
    -------
    DataFrame
        One row per year and indicator that has a figure: ``year``, ``indicator``,
        ``planned``, ``actual``, ``fulfilment_ratio`` (actual / planned where both are
        given), ``basis`` ("own", "predecessors" or "members") and, for money,
        ``actual_real`` and ``planned_real`` at `base_year` prices, deflated year by year.
    """
    a, b = period_years(period)
    rows = _area_rows(facts, area, vintage_of(b, "FY"))
    sel = rows[
        (rows["period"] == "FY")
        & (rows["level"] == "ALL")
        & (rows["activity"] == "ALL")
        & rows["indicator"].isin(list(indicators))
        & rows["year"].between(a, b)
    ]
    out = sel[["year", "indicator", "planned", "actual", "basis"]].copy()
    out = out.drop_duplicates(["year", "indicator"], keep="first")
    out["year"] = out["year"].astype("int64")
    out["fulfilment_ratio"] = (out["actual"] / out["planned"]).where(out["planned"] > 0)
    money = out["indicator"].isin(MONEY)
    out["actual_real"] = np.nan
    out["planned_real"] = np.nan
    if money.any():
        for col in ("actual", "planned"):
            out.loc[money, f"{col}_real"] = deflate(
                out.loc[money, col].to_numpy(), out.loc[money, "year"].to_numpy(), base_year
            )
    order = {ind: i for i, ind in enumerate(indicators)}
    out = out.assign(_o=out["indicator"].map(order)).sort_values(["_o", "year"])
    return out.drop(columns="_o").reset_index(drop=True)


def tolerance(total: float) -> float:
    """How far two totals may differ by rounding: max(0,5; 0,05 % of the total)."""
    return max(0.5, 5e-4 * abs(total))


def period_totals(facts: pd.DataFrame, area: str, period: str, base_year: int) -> pd.DataFrame:
    """The period as the sum of its years, beside the province's own P-row total.

    Returns
    -------
    DataFrame
        One row per indicator: ``n_years`` (years with an actual), ``missing_years``,
        ``planned_sum`` and ``actual_sum`` (sums of the yearly rows; planned only over
        years that give a plan), ``actual_real_sum`` (money, deflated year by year),
        ``fulfilment_ratio`` (Σactual / Σplanned over years that give both),
        ``target`` (the planned value of the P row: the programme's approved figure),
        ``reached_ratio`` (actual_sum / target), ``reported_actual`` (the P row's own
        actual), ``differs`` (True when it and the sum differ by more than rounding) and
        ``basis`` (whether predecessor sums are in it).
    """
    a, b = period_years(period)
    years = list(range(a, b + 1))
    table = yearly_table(facts, area, period, base_year)
    given = _area_rows(facts, area, vintage_of(b, "FY"))
    given = given[
        (given["period"] == period) & (given["level"] == "ALL") & (given["activity"] == "ALL")
    ]
    rows = []
    for ind in dict.fromkeys([*table["indicator"], *given["indicator"]]):
        t = table[table["indicator"] == ind]
        have = t.dropna(subset=["actual"])
        both = t.dropna(subset=["actual", "planned"])
        g = given[given["indicator"] == ind]
        target = (
            float(g["planned"].iloc[0]) if len(g) and pd.notna(g["planned"].iloc[0]) else np.nan
        )
        reported = (
            float(g["actual"].iloc[0]) if len(g) and pd.notna(g["actual"].iloc[0]) else np.nan
        )
        actual_sum = float(have["actual"].sum()) if len(have) else np.nan
        rows.append(
            {
                "indicator": ind,
                "n_years": len(have),
                "missing_years": ", ".join(str(y) for y in years if y not in set(have["year"])),
                "planned_sum": float(t["planned"].sum()) if t["planned"].notna().any() else np.nan,
                "actual_sum": actual_sum,
                "actual_real_sum": float(have["actual_real"].sum())
                if have["actual_real"].notna().any()
                else np.nan,
                "fulfilment_ratio": both["actual"].sum() / both["planned"].sum()
                if len(both) and both["planned"].sum() > 0
                else np.nan,
                "target": target,
                "reached_ratio": actual_sum / target
                if target and target > 0 and len(have) == len(years)
                else np.nan,
                "reported_actual": reported,
                "differs": bool(
                    np.isfinite(reported)
                    and np.isfinite(actual_sum)
                    and abs(reported - actual_sum) > tolerance(actual_sum)
                ),
                "basis": "predecessors" if (t["basis"] == "predecessors").any() else "own",
            }
        )
    return pd.DataFrame(rows)


def pace(facts: pd.DataFrame, area: str, year: int, period: str) -> dict[str, float] | None:
    """Where a running programme stands at the end of `year` (budget_kc).

    Returns ``years_done``, ``years_total``, ``plan`` (the P row's planned budget),
    ``cumulative`` (actual FY budgets of the period's years up to `year`), ``share`` and
    ``needed_per_year`` (what the remaining years must spend, on average, to reach the
    plan), or None when no programme plan is recorded.
    """
    a, b = period_years(period)
    if not a <= year <= b:
        return None
    rows = _area_rows(facts, area, vintage_of(b, "FY"))
    plan = rows[
        (rows["period"] == period)
        & (rows["level"] == "ALL")
        & (rows["activity"] == "ALL")
        & (rows["indicator"] == "budget_kc")
    ]["planned"].dropna()
    if plan.empty or plan.iloc[0] <= 0:
        return None
    fy = rows[
        (rows["period"] == "FY")
        & (rows["level"] == "ALL")
        & (rows["activity"] == "ALL")
        & (rows["indicator"] == "budget_kc")
        & rows["year"].between(a, year)
    ]
    cumulative = float(fy["actual"].sum())
    done, total = year - a + 1, b - a + 1
    left = total - done
    target = float(plan.iloc[0])
    return {
        "years_done": done,
        "years_total": total,
        "plan": target,
        "cumulative": cumulative,
        "share": cumulative / target,
        "needed_per_year": max(target - cumulative, 0.0) / left if left else np.nan,
    }


def running_period(year: int) -> str | None:
    """Return the programme period a year belongs to ("P2026-2030" for 2027)."""
    for a in range(2011, 2100, 5):
        if a <= year <= a + 4:
            return f"P{a}-{a + 4}"
    return None
