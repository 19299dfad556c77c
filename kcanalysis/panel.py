"""The researchers' data layer: loading, selecting, areas through time, region panels.

Pure functions from `facts`/`projects` to tidy DataFrames. The report sections, the batch,
the warm kernel and ``notebooks/explore.ipynb`` all call these; the sections only format
what they return. Built-in data for analyses are the synthetic demo panel; the real
published figures are shown beside them, cited, and never mixed into synthetic
computations.

**Areas through time.** A post-merger unit's figure for a period before 1 July 2025 is the
sum of its predecessors' figures (`restate`, `unit_facts`), marked ``basis ==
"predecessors"``; a sum is formed only when every predecessor has the figure, so a partial
sum is never returned. `Lineage` says which provinces a unit's earlier figures add up and
which are missing, so a report can say so in one sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis import indicators, methods, provinces, units
from kcanalysis.aggregate import add_totals, combine_qualifiers
from kcanalysis.datasets import PUBLISHED_FILES, is_synthetic, load_demo, load_published
from kcanalysis.errors import KcAnalysisError
from kcanalysis.periods import MERGER_YEAR, NEW, OLD, vintage_of

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
    #: rows quarantined at ingest, as (file, cell, reason)
    quarantined: tuple[tuple[str, str, str], ...] = ()


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
            for name in ("demo_facts.csv", "demo_projects.csv", *PUBLISHED_FILES, "cpi_vietnam.csv")
        )
        return ReportData(add_totals(demo.facts), demo.projects, published, True, files)
    from kcanalysis.ingest import load_many

    facts = load_many(list(data))
    reports = facts.attrs.get("ingest_reports", [])
    warnings = [str(w) for report in reports for w in report.warnings]
    quarantined = tuple(
        (report.path.name, str(r.cell), str(r.reason))
        for report in reports
        if report.quarantined
        for r in report.records.itertuples()
        if r.category == "quarantined"
    )
    project_frames = [facts.attrs["projects"]] if facts.attrs.get("projects") is not None else []
    projects = pd.concat(project_frames, ignore_index=True) if project_frames else None
    files = tuple((Path(p).name, sha256_of(p)) for p in data)
    files += (("cpi_vietnam.csv", sha256_of(pkg / "cpi_vietnam.csv")),)
    return ReportData(
        add_totals(facts),
        projects,
        published,
        is_synthetic(facts),
        files,
        tuple(warnings),
        quarantined,
    )


def sha256_of(path: str | Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def select(
    facts: pd.DataFrame,
    *,
    area=None,
    year=None,
    period=None,
    level="ALL",
    activity="ALL",
    indicator=None,
    vintage=None,
) -> pd.DataFrame:
    """Return the rows matching the given key parts (None = any).

    `vintage` ("2008" or "2025") keeps one map's rows: code 52 is Bình Định in "2008" and
    Gia Lai in "2025". Use `unit_facts` to follow one unit across the merger.
    """
    mask = pd.Series(True, index=facts.index)
    for col, value in (
        ("area_code", area),
        ("vintage", vintage),
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
    """Return the region's members (of the map in force then) that report anything."""
    members = provinces.region_members(region, year, period)
    sel = select(facts, year=year, period=period, level=None, activity=None)
    have = set(sel.loc[sel["vintage"] == vintage_of(year, period), "area_code"])
    return [m for m in members if m in have]


def region_panel(
    facts: pd.DataFrame,
    region: str,
    year: int,
    period: str,
    base_year: int,
    vintage: str | None = None,
) -> pd.DataFrame:
    """One row per member: spending (current and constant prices) and outputs.

    Columns: ``area_code``, ``area_name``, ``budget_kc`` (million VND), ``budget_kc_real``
    (constant `base_year` prices), ``trainees`` (TRAIN + MGMT), ``models``,
    ``establishments``, ``jobs_created`` and ``cost_per_trainee_real``.

    With `vintage` "2025" for a year before the merger (a Malmquist pair or a comparison
    across 2025), the members are the post-merger units and each value is the sum of the
    unit's predecessors; a unit with a predecessor missing is left out.
    """
    from kcanalysis.datasets import deflate

    own = vintage_of(year, period)
    vintage = vintage or own
    indicators_ = ["budget_kc", *COST_OUTPUTS]
    if vintage == own:
        members = members_with_data(facts, region, year, period)
        src = facts[facts["vintage"] == own]
        name_year, name_period = year, period
    else:  # the new units' territories before they existed: predecessor sums
        members = provinces.region_members(region, MERGER_YEAR, "FY")
        src = restate(facts[(facts["year"] == year) & (facts["period"] == period)], members)
        members = [m for m in members if m in set(src["area_code"])]
        name_year, name_period = MERGER_YEAR, "FY"
    sel = src[
        (src["year"] == year)
        & (src["period"] == period)
        & (src["level"] == "ALL")
        & (src["activity"] == "ALL")
        & src["indicator"].isin(indicators_)
        & src["area_code"].isin(members)
    ]
    wide = sel.pivot_table(
        index="area_code", columns="indicator", values="actual", aggfunc="first", dropna=False
    )
    df = wide.reindex(index=members, columns=indicators_).rename_axis(None, axis=1)
    df = df.reset_index(names="area_code")
    df.insert(
        1,
        "area_name",
        [provinces.province_name(c, name_year, name_period) for c in df["area_code"]],
    )
    if df.empty:  # no member of the region with figures: the same columns, no rows
        return df.assign(budget_kc_real=np.nan, cost_per_trainee_real=np.nan)
    try:
        df["budget_kc_real"] = deflate(df["budget_kc"], year, base_year)
    except KcAnalysisError:  # a year before the CPI table: no constant prices
        df["budget_kc_real"] = np.nan
    df["cost_per_trainee_real"] = (df["budget_kc_real"] / df["trainees"]).where(df["trainees"] > 0)
    return df


# --------------------------------------------------------------------- areas through time


def restate(facts: pd.DataFrame, units_: list[str] | None = None) -> pd.DataFrame:
    """Re-express old-map province rows as the post-merger units' predecessor sums.

    Parameters
    ----------
    facts : DataFrame
        `facts` (any years; only the rows of vintage "2008" for provinces are used).
    units_ : list of str, optional
        Post-merger unit codes to restate (default: every unit).

    Returns
    -------
    DataFrame
        `facts` columns plus ``basis`` ("predecessors") and ``n_parts``, with vintage
        "2025" and the unit's code and name: one row per unit and key where **every**
        predecessor reports the figure. Planned and actual are summed separately, each
        only when all predecessors give it; qualifiers combine as in `add_totals`.

    Examples
    --------
    Old Đắk Lắk (66) 12.000 and Phú Yên (54) 8.000 million VND in 2024 give new Đắk Lắk
    (66) 20.000; with Phú Yên's row missing, no 2024 row is returned for 66.
    """
    from kcanalysis.schema import FACTS_COLUMNS

    succ = {p.code: p.successor_code for p in provinces.province_table().itertuples()}
    old = facts[(facts["vintage"] == OLD) & facts["area_code"].isin(list(succ))]
    old = old.assign(unit_code=old["area_code"].map(succ))
    if units_ is not None:
        old = old[old["unit_code"].isin(list(units_))]
    columns = [*FACTS_COLUMNS, "basis", "n_parts"]
    if old.empty:
        return pd.DataFrame(columns=columns)
    key = ["unit_code", "year", "period", "level", "activity", "indicator"]
    g = old.groupby(key, sort=True)
    out = pd.DataFrame(
        {
            "unit": g["unit"].first(),
            "planned": g["planned"].sum(min_count=1),
            "actual": g["actual"].sum(min_count=1),
            "n_plan": g["planned"].count(),
            "n_act": g["actual"].count(),
            "n_parts": g["area_code"].nunique(),
            "qualifier": g["qualifier"].agg(combine_qualifiers),
        }
    ).reset_index()
    need = out["unit_code"].map(lambda c: len(units.predecessors(c)))
    out["planned"] = out["planned"].where(out["n_plan"] == need)
    out["actual"] = out["actual"].where(out["n_act"] == need)
    out = out[(out["n_parts"] == need) & (out["planned"].notna() | out["actual"].notna())]
    names = {c: units.unit_name(c, NEW) for c in out["unit_code"].unique()}
    out = out.rename(columns={"unit_code": "area_code"}).assign(
        area_name=lambda d: d["area_code"].map(names),
        vintage=NEW,
        basis="predecessors",
        source=lambda d: (
            "sum of the former provinces "
            + d["area_code"].map(lambda c: ", ".join(units.predecessors(c)))
        ),
        note="",
    )
    return out[columns].reset_index(drop=True)


def unit_facts(facts: pd.DataFrame, area: str, vintage: str) -> pd.DataFrame:
    """Return one unit's rows through time, with a ``basis`` column.

    A pre-merger province (vintage "2008") gets its own rows of that map only: Bình Định
    (52) never gets new Gia Lai's (52) rows. A post-merger unit (vintage "2025") gets its
    own rows and, for the years before the merger, the sums of its predecessors
    (`restate`), marked ``basis == "predecessors"``. A region gets its rows of that map.
    """
    own = facts[(facts["area_code"] == area) & (facts["vintage"] == vintage)]
    own = own.assign(basis="own")
    if vintage != NEW or area in provinces.regions():
        return own
    before = restate(facts[facts["vintage"] == OLD], [area])
    if before.empty:
        return own
    return pd.concat([own, before.drop(columns="n_parts")], ignore_index=True)


@dataclass(frozen=True)
class Lineage:
    """Where a unit's figures before its map came from.

    `predecessors` are the old provinces as (code, name); `restated` is True where
    earlier figures are their sums over a changed territory or code (False for a unit
    that kept its code and territory, such as Huế, or for a pre-merger province).
    """

    unit: units.Unit
    predecessors: tuple[tuple[str, str], ...]
    restated: bool

    def missing(self, facts: pd.DataFrame, year: int, period: str) -> list[str]:
        """Names of the predecessors with no row at all for (`year`, `period`)."""
        if not self.restated or vintage_of(year, period) != OLD:
            return []
        sel = facts[
            (facts["year"] == year) & (facts["period"] == period) & (facts["vintage"] == OLD)
        ]
        have = set(sel["area_code"])
        return [name for code, name in self.predecessors if code not in have]


def lineage(area: str, year: int, period: str) -> Lineage:
    """Return the `Lineage` of the unit a report on (`area`, `year`, `period`) is about."""
    vintage = vintage_of(year, period)
    if area in provinces.regions():
        unit = units.Unit(area, vintage, provinces.area_label(area))
        return Lineage(unit, (), False)
    unit = units.get_unit(area, vintage)
    if vintage == OLD:
        return Lineage(unit, ((area, unit.name),), False)
    preds = tuple((c, units.unit_name(c, OLD)) for c in units.predecessors(area))
    restated = len(preds) > 1 or preds[0][0] != area
    return Lineage(unit, preds, restated)


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
            "peers": crs["peers"].map(lambda t: ", ".join(p["area_name"].get(c, c) for c in t)),
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
    """Malmquist index from `year`-1 to `year` for the members present in both years.

    Across the merger (FY 2025 against 2024) the 2024 side is the post-merger units'
    predecessor sums (`region_panel` with vintage "2025"), never old codes against new.
    """
    vintage = vintage_of(year, period)
    a = region_panel(facts, region, year - 1, period, base_year, vintage=vintage)
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
    result["area_name"] = result["area_code"].map(
        lambda c: provinces.province_name(c, year, period)
    )
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
    """Yearly series of spending (constant prices), trainees and real cost per trainee.

    The series is the unit's own (`unit_facts`) as of `upto`: for a post-merger unit the
    years before 2025 are its predecessors' sums (column ``basis``), so a trend across the
    merger compares one territory with itself.
    """
    from kcanalysis.datasets import deflate

    rows = unit_facts(facts, area, vintage_of(upto, period))
    rows = select(rows, period=period, indicator=["budget_kc", "trainees"])
    rows = rows[rows["year"] <= upto]
    wide = rows.pivot_table(index="year", columns="indicator", values="actual", aggfunc="sum")
    if wide.empty or "budget_kc" not in wide:
        return pd.DataFrame()
    basis = rows.groupby("year")["basis"].first()
    wide = wide.reset_index()
    wide["basis"] = wide["year"].map(basis)
    try:
        wide["budget_kc_real"] = deflate(wide["budget_kc"], wide["year"], base_year)
    except KcAnalysisError:  # a year before the CPI table: no constant prices
        wide["budget_kc_real"] = np.nan
    if "trainees" in wide:
        wide["cost_per_trainee_real"] = (wide["budget_kc_real"] / wide["trainees"]).where(
            wide["trainees"] > 0
        )
    return wide
