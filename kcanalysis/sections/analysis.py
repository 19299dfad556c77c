"""The numbers behind the reports: data loading and the cross-province analyses.

Pure functions from `facts`/`projects` to tidy DataFrames; the report sections format
them. Built-in data for analyses are the synthetic demo panel; the real published figures
are shown beside them, cited, and never mixed into synthetic computations.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis import indicators, methods, provinces
from kcanalysis.aggregate import add_totals
from kcanalysis.datasets import is_synthetic, load_demo, load_published
from kcanalysis.sections.blocks import sha256_of

#: The outputs a cost per unit is given for.
COST_OUTPUTS = ("trainees", "models", "establishments", "jobs_created")


@dataclass(frozen=True)
class ReportData:
    """Everything a report reads: facts with totals, projects, published figures."""

    facts: pd.DataFrame
    projects: pd.DataFrame | None
    published: pd.DataFrame
    synthetic: bool
    files: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...] = ()


def load_report_data(data: list[str] | tuple[str, ...] = ()) -> ReportData:
    """Load the facts a report uses: `data` files, or the built-in demo panel if empty.

    Returns
    -------
    ReportData
        Facts with level and activity totals added, the project list (or None), the
        published figures, whether anything is synthetic, and (name, SHA-256) per file.
    """
    published = load_published()
    pkg = Path(str(resources.files("kcanalysis"))) / "data"
    if not data:
        demo = load_demo()
        files = tuple(
            (name, sha256_of(pkg / name))
            for name in (
                "demo_facts.csv",
                "demo_projects.csv",
                "published_figures.csv",
                "cpi_vietnam.csv",
            )
        )
        return ReportData(add_totals(demo.facts), demo.projects, published, True, files)
    from kcanalysis.ingest import load_many

    facts = load_many(list(data))
    warnings = [str(w) for report in facts.attrs.get("ingest_reports", []) for w in report.warnings]
    project_frames = [facts.attrs["projects"]] if facts.attrs.get("projects") is not None else []
    projects = pd.concat(project_frames, ignore_index=True) if project_frames else None
    files = tuple((Path(p).name, sha256_of(p)) for p in data)
    files += (("cpi_vietnam.csv", sha256_of(pkg / "cpi_vietnam.csv")),)
    return ReportData(
        add_totals(facts), projects, published, is_synthetic(facts), files, tuple(warnings)
    )


def select(
    facts: pd.DataFrame,
    *,
    area=None,
    year=None,
    period=None,
    level="ALL",
    activity="ALL",
    indicator=None,
) -> pd.DataFrame:
    """Return the rows matching the given key parts (None = any)."""
    mask = pd.Series(True, index=facts.index)
    for col, value in (
        ("area_code", area),
        ("year", year),
        ("period", period),
        ("level", level),
        ("activity", activity),
        ("indicator", indicator),
    ):
        if value is None:
            continue
        if isinstance(value, list | tuple | set):
            mask &= facts[col].isin(list(value))
        else:
            mask &= facts[col] == value
    return facts[mask]


def projects_of(projects: pd.DataFrame | None, year: int, area: str | None = None):
    """Return the projects of one year (and one area), or None without a project list."""
    if projects is None:
        return None
    mask = projects["year"] == year
    if area is not None:
        mask &= projects["area_code"] == area
    return projects[mask]


def value_of(
    facts: pd.DataFrame,
    area: str,
    year: int,
    period: str,
    indicator: str,
    field: str = "actual",
    level: str = "ALL",
    activity: str = "ALL",
) -> float:
    """Return one value, NaN when the row is absent."""
    rows = select(
        facts,
        area=area,
        year=year,
        period=period,
        indicator=indicator,
        level=level,
        activity=activity,
    )
    return float(rows[field].iloc[0]) if len(rows) else float("nan")


def members_with_data(facts: pd.DataFrame, region: str, year: int, period: str) -> list[str]:
    """Return the region's provinces that report anything for the year and period."""
    members = provinces.region_members(region, year)
    have = set(select(facts, year=year, period=period, level=None, activity=None)["area_code"])
    return [m for m in members if m in have]


def region_panel(
    facts: pd.DataFrame, region: str, year: int, period: str, base_year: int
) -> pd.DataFrame:
    """One row per province: spending (current and constant prices) and outputs.

    Columns: ``area_code``, ``area_name``, ``budget_kc`` (million VND), ``budget_kc_real``
    (constant `base_year` prices), ``trainees`` (TRAIN + MGMT), ``models``,
    ``establishments``, ``jobs_created`` and ``cost_per_trainee_real``.
    """
    from kcanalysis.datasets import deflate

    members = members_with_data(facts, region, year, period)
    indicators_ = ["budget_kc", *COST_OUTPUTS]
    sel = facts[
        (facts["year"] == year)
        & (facts["period"] == period)
        & (facts["level"] == "ALL")
        & (facts["activity"] == "ALL")
        & facts["indicator"].isin(indicators_)
        & facts["area_code"].isin(members)
    ]
    wide = sel.pivot_table(
        index="area_code", columns="indicator", values="actual", aggfunc="first", dropna=False
    )
    df = wide.reindex(index=members, columns=indicators_).rename_axis(None, axis=1)
    df = df.reset_index(names="area_code")
    df.insert(1, "area_name", [provinces.province_name(c, year) for c in df["area_code"]])
    if df.empty:  # no province of the region with figures: the same columns, no rows
        return df.assign(budget_kc_real=np.nan, cost_per_trainee_real=np.nan)
    try:
        df["budget_kc_real"] = deflate(df["budget_kc"], year, base_year)
    except Exception:
        df["budget_kc_real"] = df["budget_kc"]
    df["cost_per_trainee_real"] = (df["budget_kc_real"] / df["trainees"]).where(df["trainees"] > 0)
    return df


def dea_scores(panel: pd.DataFrame) -> pd.DataFrame:
    """Input-oriented DEA of the region's provinces (one input, two outputs).

    Input: khuyến công spending at constant prices. Outputs: trainees, and establishments
    supported (demonstration models are counted among establishments). CRS and VRS
    scores, scale efficiency, peers and CRS targets.
    """
    p = panel.dropna(subset=["budget_kc_real"]).copy()
    p = p[p["budget_kc_real"] > 0]
    p["trainees"] = p["trainees"].fillna(0)
    p["establishments"] = p["establishments"].fillna(0)
    p = p[(p["trainees"] + p["establishments"]) > 0]
    if len(p) < 9:
        return pd.DataFrame()
    p = p.set_index("area_code")
    x = p[["budget_kc_real"]]
    y = p[["trainees", "establishments"]]
    crs = methods.dea(x, y, rts="crs", orientation="input")
    vrs = methods.dea(x, y, rts="vrs", orientation="input", slacks=False)
    out = pd.DataFrame(
        {
            "area_name": p["area_name"],
            "crs": crs["efficiency"],
            "vrs": vrs["efficiency"],
            "peers": crs["peers"].map(lambda t: ", ".join(provinces.province_name(c) for c in t)),
            "target_budget_kc_real": crs["target_budget_kc_real"],
            "budget_kc_real": p["budget_kc_real"],
            "trainees": p["trainees"],
            "establishments": p["establishments"],
        }
    )
    out["scale"] = out["crs"] / out["vrs"]
    return out.reset_index()


def malmquist_change(
    facts: pd.DataFrame, region: str, year: int, period: str, base_year: int
) -> pd.DataFrame:
    """Malmquist index from `year`-1 to `year` for the provinces present in both years."""
    a = region_panel(facts, region, year - 1, period, base_year)
    b = region_panel(facts, region, year, period, base_year)
    if a.empty or b.empty:
        return pd.DataFrame()
    both = sorted(set(a["area_code"]) & set(b["area_code"]))
    panel = pd.concat([a.assign(period=year - 1), b.assign(period=year)])
    panel = panel[panel["area_code"].isin(both)].fillna({"trainees": 0, "establishments": 0})
    panel = panel[(panel["budget_kc_real"] > 0)]
    counts = panel.groupby("area_code").size()
    panel = panel[panel["area_code"].isin(counts[counts == 2].index)]
    ok = panel.groupby("area_code")[["trainees", "establishments"]].sum().sum(axis=1) > 0
    panel = panel[panel["area_code"].isin(ok[ok].index)]
    if panel["area_code"].nunique() < 9:
        return pd.DataFrame()
    result = methods.malmquist(
        panel, ["budget_kc_real"], ["trainees", "establishments"], dmu="area_code", period="period"
    )
    result = result.rename(columns={"dmu": "area_code"})
    result["area_name"] = result["area_code"].map(lambda c: provinces.province_name(c, year))
    return result


def funnel_grid(denominators: pd.Series, target: float) -> pd.DataFrame:
    """Proportion funnel limits on a smooth grid spanning the observed denominators."""
    low, high = float(denominators.min()), float(denominators.max())
    grid = np.unique(np.round(np.geomspace(max(low, 1.0), max(high, 2.0) * 1.1, 200), 3))
    return methods.funnel_limits(grid, target, "proportion")


def shrink_log_costs(ci: pd.DataFrame) -> pd.DataFrame:
    """Add an empirical-Bayes ``shrunk`` cost per unit, shrunk on the log scale.

    Costs are ratios with skewed intervals, so the normal-normal model is applied to
    log(cost) with se = (log high - log low) / (2 x 1.959964); rows without a finite
    interval are not shrunk (NaN). ``attrs["tau2_log"]`` holds the DerSimonian-Laird tau^2.
    """
    out = ci.copy()
    out["shrunk"] = np.nan
    ok = (out["ci_low_real_mvnd"] > 0) & np.isfinite(out["ci_high_real_mvnd"])
    ok &= out["cost_per_unit_real_mvnd"] > 0
    if ok.sum() >= 3:
        log_est = np.log(out.loc[ok, "cost_per_unit_real_mvnd"].to_numpy())
        se = np.log(out.loc[ok, "ci_high_real_mvnd"]) - np.log(out.loc[ok, "ci_low_real_mvnd"])
        se = (se / (2 * 1.959964)).to_numpy()
        res = methods.shrink(log_est, se**2)
        out.loc[ok, "shrunk"] = np.exp(np.asarray(res["shrunk"]))
        out.attrs["tau2_log"] = float(res.attrs.get("tau2", np.nan))
    return out


def on_time_by_province(projects: pd.DataFrame | None, codes: list[str], year: int) -> pd.DataFrame:
    """On-time completion per province for `year` (level ALL), from the project list."""
    if projects is None:
        return pd.DataFrame()
    part = projects[(projects["year"] == year) & projects["area_code"].isin(codes)]
    if part.empty:
        return pd.DataFrame()
    res = indicators.on_time_completion(part)
    return res[res["level"] == "ALL"].reset_index(drop=True)


def province_trend(
    facts: pd.DataFrame, area: str, period: str, upto: int, base_year: int
) -> pd.DataFrame:
    """Yearly series of spending (constant prices), trainees and real cost per trainee."""
    from kcanalysis.datasets import deflate

    rows = select(facts, area=area, period=period, indicator=["budget_kc", "trainees"])
    rows = rows[rows["year"] <= upto]
    wide = rows.pivot_table(index="year", columns="indicator", values="actual", aggfunc="sum")
    if wide.empty or "budget_kc" not in wide:
        return pd.DataFrame()
    wide = wide.reset_index()
    try:
        wide["budget_kc_real"] = deflate(wide["budget_kc"], wide["year"], base_year)
    except Exception:
        wide["budget_kc_real"] = np.nan
    if "trainees" in wide:
        wide["cost_per_trainee_real"] = (wide["budget_kc_real"] / wide["trainees"]).where(
            wide["trainees"] > 0
        )
    return wide
