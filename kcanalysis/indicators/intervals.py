"""Bootstrap confidence intervals for ratios, from project lists (paired by project)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from kcanalysis.errors import DataError
from kcanalysis.indicators import _display, _prices, _ratios
from kcanalysis.indicators.cost import ALLOWED_OUTPUTS, COST_OUTPUTS
from kcanalysis.methods.bootstrap import DEFAULT_SEED, ratio_ci

_KEYS = ["area_code", "year", "level"]


def _bootstrap(
    num: np.ndarray, den: np.ndarray, confidence: float, n_resamples: int, seed: int | None
) -> pd.DataFrame:
    """The one call into `kcanalysis.methods.bootstrap.ratio_ci` (k ratios x n projects)."""
    return ratio_ci(num, den, confidence=confidence, n_resamples=n_resamples, seed=seed)


def _live_projects(
    projects: pd.DataFrame, columns: Sequence[str], func: str, activities: Sequence[str] | None
) -> pd.DataFrame:
    needed = [*_KEYS, "activity", "status", *columns]
    missing = [c for c in needed if c not in projects.columns]
    if missing:
        raise DataError(
            f"{func}: the project list lacks column(s) {', '.join(missing)}; validate it "
            "with kcanalysis.schema.validate_projects."
        )
    p = projects[projects["status"] != "cancelled"]
    if activities is not None:
        p = p[p["activity"].isin(list(activities))]
    p = p.loc[:, needed].copy()
    return pd.concat([p, p.assign(level="ALL")], ignore_index=True)


def _sums_or_nan(values: np.ndarray) -> np.ndarray:
    """A project's missing amount counts as 0, unless no project reports it (as aggregate)."""
    return np.where(np.isnan(values).all(axis=-1, keepdims=True), np.nan, np.nan_to_num(values))


def _group_ci(
    p: pd.DataFrame,
    num_cols: Sequence[str],
    den_cols: Sequence[str],
    labels: Sequence[str],
    confidence: float,
    n_resamples: int,
    seed: int | None,
) -> pd.DataFrame:
    rows = []
    for (code, year, level), grp in p.groupby(_KEYS, sort=True):
        num = _sums_or_nan(grp.loc[:, list(num_cols)].to_numpy(dtype="float64").T)
        den = _sums_or_nan(grp.loc[:, list(den_cols)].to_numpy(dtype="float64").T)
        res = _bootstrap(np.nan_to_num(num), np.nan_to_num(den), confidence, n_resamples, seed)
        for i, label in enumerate(labels):
            n_sum = np.nan if np.isnan(num[i]).all() else float(num[i].sum())
            d_sum = np.nan if np.isnan(den[i]).all() else float(den[i].sum())
            _, why = _ratios.divide(
                [n_sum],
                [d_sum],
                _ratios.what(num_cols[i], "actual"),
                _ratios.what(den_cols[i], "actual"),
            )
            defined = not why[0]
            rows.append(
                {
                    "area_code": code,
                    "year": int(year),
                    "level": level,
                    "label": label,
                    "n_projects": len(grp),
                    "numerator": n_sum,
                    "denominator": d_sum,
                    "estimate": float(res["estimate"].iloc[i]) if defined else np.nan,
                    "low": float(res["low"].iloc[i]) if defined else np.nan,
                    "high": float(res["high"].iloc[i]) if defined else np.nan,
                    "ci_method": str(res["method"].iloc[i]) if defined else "",
                    "se_log": float(res["se_log"].iloc[i]) if defined else np.nan,
                    "reason": why[0] if not defined else str(res["reason"].iloc[i]),
                }
            )
    return pd.DataFrame(rows)


_COST_CI_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "level",
    "activity",
    "output",
    "output_unit",
    "n_projects",
    "budget_kc_mvnd",
    "output_count",
    "cost_per_unit_mvnd",
    "ci_low_mvnd",
    "ci_high_mvnd",
    "base_year",
    "cost_per_unit_real_mvnd",
    "ci_low_real_mvnd",
    "ci_high_real_mvnd",
    "se_log",
    "confidence",
    "ci_method",
    "qualifier",
    "reason",
]


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def _keep_levels(res: pd.DataFrame, levels: Sequence[str] | None) -> pd.DataFrame:
    return res if levels is None else res[res["level"].isin(list(levels))].copy()


def cost_ci(
    projects: pd.DataFrame,
    base_year: int | None = None,
    *,
    outputs: Sequence[str] = COST_OUTPUTS,
    activities: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int | None = DEFAULT_SEED,
) -> pd.DataFrame:
    """Return cost per unit of output with bootstrap confidence intervals, per area-year.

    Formula: ``cost_per_unit_mvnd = Σ budget_kc / Σ output`` over the projects of an area,
    year and level that are not cancelled (the ratio of sums that `cost_effectiveness`
    gives on `aggregate(projects)`). The interval resamples projects with replacement,
    keeping each project's budget and output together (paired), with
    `kcanalysis.methods.bootstrap.ratio_ci`: BCa with 10 or more projects, percentile
    below, seeded; all outputs of one area-year share the resamples.

    Parameters
    ----------
    projects : DataFrame
        A project list (`kcanalysis.schema.validate_projects`); money in million VND.
    base_year : int, optional
        Year of the constant prices; by default the latest year of `projects` the CPI
        table covers. Within an area-year every project has the same price year, so the
        real interval is the nominal one times CPI(base_year) / CPI(year).
    outputs : sequence of str
        Output columns of `projects`: trainees, models, establishments, jobs_created
        (default) and participants.
    activities : sequence of str, optional
        Charge only these activities' projects (e.g. ["TRAIN"] for cost per trainee of
        training projects); every project by default (the "ALL" activity).
    levels : sequence of str, optional
        Levels to keep ("KCQG", "KCDP", "ALL"; the ALL rows pool both); all by default.
    confidence, n_resamples, seed
        Passed to `ratio_ci`.

    Returns
    -------
    DataFrame
        One row per area, year, level and output: ``area_code``, ``area_name``, ``year``,
        ``period`` ("FY"), ``level``, ``activity`` ("ALL" or the activities joined by
        "+"), ``output``, ``output_unit``, ``n_projects``, ``budget_kc_mvnd``,
        ``output_count``, ``cost_per_unit_mvnd``, ``ci_low_mvnd``, ``ci_high_mvnd``,
        ``base_year``, ``cost_per_unit_real_mvnd``, ``ci_low_real_mvnd``,
        ``ci_high_real_mvnd``, ``se_log`` (bootstrap standard error of log(cost), from
        the resamples; the same at current and constant prices), ``confidence``,
        ``ci_method`` ("BCa", "percentile"),
        ``qualifier`` ("") and ``reason`` (why a value or interval is missing, e.g.
        "number of trainees is zero", "fewer than 2 projects (n=1): no interval").

    Notes
    -----
    A project's missing output counts as zero unless no project reports that output, in
    which case the cost is NaN ("number of trainees not reported").
    """
    from kcanalysis import vocab

    _ratios.check_choice(
        outputs, [o for o in ALLOWED_OUTPUTS if o != "events"], "outputs", "cost_ci"
    )
    outputs = list(outputs)
    p = _live_projects(projects, ["budget_kc", *outputs], "cost_ci", activities)
    nums = ["budget_kc"] * len(outputs)
    res = _group_ci(p, nums, outputs, outputs, confidence, n_resamples, seed)
    if res.empty:
        return _empty(_COST_CI_COLUMNS)
    res = _keep_levels(res, levels)
    res = res.rename(
        columns={
            "label": "output",
            "numerator": "budget_kc_mvnd",
            "denominator": "output_count",
            "estimate": "cost_per_unit_mvnd",
            "low": "ci_low_mvnd",
            "high": "ci_high_mvnd",
        }
    )
    res["period"] = "FY"
    res["activity"] = "ALL" if activities is None else "+".join(activities)
    res["output_unit"] = res["output"].map(vocab.unit_of).astype("str")
    base = _prices.choose_base_year(res["year"], base_year, "cost_ci")
    factors, why = _prices.real_factors(res["year"], res["period"], base)
    res["base_year"] = pd.array([base] * len(res), dtype="Int64")
    for col in ("cost_per_unit", "ci_low", "ci_high"):
        real = "cost_per_unit_real_mvnd" if col == "cost_per_unit" else f"{col}_real_mvnd"
        res[real] = res[f"{col}_mvnd"].to_numpy() * factors
    real_why = [
        w if not np.isnan(e) else "" for w, e in zip(why, res["cost_per_unit_mvnd"], strict=True)
    ]
    res["reason"] = _ratios.join_reasons(res["reason"], real_why)
    res["confidence"] = confidence
    res["qualifier"] = ""
    res = _display.attach_area_name(res, {})
    return _display.sort_result(res.loc[:, _COST_CI_COLUMNS])


_LEVERAGE_CI_COLUMNS = [
    "area_code",
    "area_name",
    "year",
    "period",
    "level",
    "activity",
    "n_projects",
    "budget_kc_mvnd",
    "budget_counterpart_mvnd",
    "leverage_ratio",
    "ci_low",
    "ci_high",
    "confidence",
    "ci_method",
    "qualifier",
    "reason",
]


def leverage_ci(
    projects: pd.DataFrame,
    *,
    activities: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int | None = DEFAULT_SEED,
) -> pd.DataFrame:
    """Return counterpart VND per VND of khuyến công money with a bootstrap interval.

    Formula: ``leverage_ratio = Σ budget_counterpart / Σ budget_kc`` over the projects of
    an area, year and level that are not cancelled; the interval resamples projects,
    paired, as in `cost_ci`.

    Returns
    -------
    DataFrame
        ``area_code``, ``area_name``, ``year``, ``period`` ("FY"), ``level``,
        ``activity``, ``n_projects``, ``budget_kc_mvnd``, ``budget_counterpart_mvnd``,
        ``leverage_ratio`` (VND per VND), ``ci_low``, ``ci_high``, ``confidence``,
        ``ci_method``, ``qualifier`` ("") and ``reason``.
    """
    p = _live_projects(projects, ["budget_kc", "budget_counterpart"], "leverage_ci", activities)
    res = _group_ci(
        p, ["budget_counterpart"], ["budget_kc"], ["leverage"], confidence, n_resamples, seed
    )
    if res.empty:
        return _empty(_LEVERAGE_CI_COLUMNS)
    res = _keep_levels(res, levels)
    res = res.rename(
        columns={
            "numerator": "budget_counterpart_mvnd",
            "denominator": "budget_kc_mvnd",
            "estimate": "leverage_ratio",
            "low": "ci_low",
            "high": "ci_high",
        }
    )
    res["period"] = "FY"
    res["activity"] = "ALL" if activities is None else "+".join(activities)
    res["confidence"] = confidence
    res["qualifier"] = ""
    res = _display.attach_area_name(res, {})
    return _display.sort_result(res.loc[:, _LEVERAGE_CI_COLUMNS])
