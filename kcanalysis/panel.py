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
from kcanalysis.datasets import (
    BUILTIN,
    BUILTIN_FILES,
    PUBLISHED_FILES,
    is_synthetic,
    load_demo,
    load_published,
)
from kcanalysis.errors import KcAnalysisError
from kcanalysis.periods import MERGER_YEAR, NEW, OLD, period_end, vintage_of

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
    #: with the built-in panel beside the user's files: the (area_code, vintage, year,
    #: period) the user's files cover; every other figure is synthetic
    own: tuple[tuple[str, str, int, str], ...] = ()
    #: the user's file names, when `own` is given
    own_files: tuple[str, ...] = ()


def load_report_data(data: list[str] | tuple[str, ...] = ()) -> ReportData:
    """Load the facts a report uses: `data` files, or the built-in demo panel if empty.

    `data` may hold ``"builtin"`` (`kcanalysis.datasets.BUILTIN`) beside files: the
    files' areas and periods then replace the panel's, and the rest of the panel stays
    (`beside_builtin`); ``ReportData.own`` says which figures are the user's.

    Returns
    -------
    ReportData
        Facts with level and activity totals added, the project list (or None), the
        published figures, whether anything is synthetic, and (name, SHA-256) per file.
    """
    published = load_published()
    pkg = Path(str(resources.files("kcanalysis"))) / "data"
    with_builtin = BUILTIN in [str(d) for d in data]
    data = [d for d in data if str(d) != BUILTIN]
    if not data:
        demo = load_demo()
        files = tuple(
            (name, sha256_of(pkg / name))
            for name in ("demo_facts.csv", "demo_projects.csv", *PUBLISHED_FILES, "cpi_vietnam.csv")
        )
        return ReportData(add_totals(demo.facts), demo.projects, published, True, files)
    from kcanalysis.ingest import load_many

    loaded = load_many(list(data))
    facts, projects, reports = loaded.facts, loaded.projects, loaded.reports
    warnings = [str(w) for report in reports for w in report.warnings]
    quarantined = tuple(
        (report.path.name, str(r.cell), str(r.reason))
        for report in reports
        if report.quarantined
        for r in report.records.itertuples()
        if r.category == "quarantined"
    )
    files = tuple((Path(p).name, sha256_of(p)) for p in data)
    own: tuple = ()
    if with_builtin:
        facts, projects, own = beside_builtin(facts, projects)
        files += tuple((name, sha256_of(pkg / name)) for name in BUILTIN_FILES)
    files += (("cpi_vietnam.csv", sha256_of(pkg / "cpi_vietnam.csv")),)
    return ReportData(
        add_totals(facts),
        projects,
        published,
        is_synthetic(facts),
        files,
        tuple(warnings),
        quarantined,
        own,
        tuple(Path(p).name for p in data) if with_builtin else (),
    )


def beside_builtin(
    facts: pd.DataFrame, projects: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame | None, tuple[tuple[str, str, int, str], ...]]:
    """The user's `facts` (and project list) with the built-in demo panel beside them.

    Every territory the user's rows cover leaves the panel whole: all its years and
    periods, and the same land in the other map (a new unit's former provinces, an old
    province's successor unit). So a user's figure is never compared with a synthetic
    figure of its own territory (no "change on last year" against invented numbers); the
    other provinces come from the panel, so one province's real file is compared with
    the region.

    Returns
    -------
    tuple
        ``(facts, projects, own)``: the combined facts (no totals added), the combined
        project lists, and the sorted (area_code, vintage, year, period) keys of the
        user's rows.
    """
    demo = load_demo()
    key = ["area_code", "vintage", "year", "period"]
    own = sorted(
        (str(a), str(v), int(y), str(p))
        for a, v, y, p in set(zip(*(facts[c] for c in key), strict=True))
    )
    gone: set[tuple[str, str]] = set()
    for area, vintage, _, _ in own:
        gone.add((area, vintage))
        if vintage == NEW:
            gone.update((c, OLD) for c in units.predecessors(area))
        elif area in provinces.codes():
            gone.add((provinces.successor(area), NEW))
    pairs = zip(demo.facts["area_code"], demo.facts["vintage"], strict=True)
    combined = pd.concat(
        [facts, demo.facts[[pair not in gone for pair in pairs]]], ignore_index=True
    )
    ppairs = zip(demo.projects["area_code"], demo.projects["year"], strict=True)
    demo_projects = demo.projects[[(a, vintage_of(int(y))) not in gone for a, y in ppairs]]
    frames = [f for f in (projects, demo_projects) if f is not None and len(f)]
    joined = pd.concat(frames, ignore_index=True) if frames else projects
    return combined, joined, tuple(own)


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
    region=None,
) -> pd.DataFrame:
    """Return the rows of `facts` matching the given key parts.

    Parameters
    ----------
    facts : DataFrame
        A `facts` table (`kcanalysis.load`, ``kcanalysis.load_demo().facts``).
    area, year, period, level, activity, indicator, vintage : value or list, optional
        Keep rows whose column equals the value (or is in the list); None keeps any.
        `area` is a GSO code ("66"); `level` and `activity` default to "ALL", the totals:
        pass None for every level or activity. Totals exist only where reported or added
        by `kcanalysis.add_totals` (``load_demo(totals=True)``).
    vintage : str, optional
        "2008" or "2025" keeps one map's rows: code 52 is Bình Định in "2008" and Gia Lai
        in "2025". Use `unit_facts` to follow one unit across the merger.
    region : str, optional
        A region id ("MTTN", "VN"): keep the rows of its members in each row's year and
        period (the 15 MTTN provinces to June 2025, its 8 units from then on).

    Returns
    -------
    DataFrame
        The matching rows, with their original index.

    Examples
    --------
    >>> import kcanalysis as kc
    >>> facts = kc.load_demo(totals=True).facts
    >>> kc.select(facts, area="66", year=2024, period="FY", indicator="budget_kc")["actual"]
    ... # doctest: +SKIP
    """
    mask = pd.Series(True, index=facts.index)
    if region is not None:
        keys = facts[["year", "period"]].drop_duplicates()
        inside = pd.Series(False, index=facts.index)
        for y, p in keys.itertuples(index=False):
            members = provinces.region_members(region, int(y), str(p))
            inside |= (
                (facts["year"] == y) & (facts["period"] == p) & facts["area_code"].isin(members)
            )
        mask &= inside
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
    """One row per member of a region: spending (current and constant prices) and outputs.

    Parameters
    ----------
    facts : DataFrame
        `facts` with totals (``load_demo(totals=True).facts``, ``load(path, totals=True)``
        or `kcanalysis.add_totals`): the values are read from the level and activity "ALL"
        rows.
    region : str
        A region id ("MTTN", "VN"); its members are those of the map in force in `year`
        and `period`, and only those that report anything are listed.
    year : int
    period : str
        "FY", "M8", ...
    base_year : int
        The year whose prices ``budget_kc_real`` is expressed in.
    vintage : str, optional
        "2025" for a year before the merger (a Malmquist pair or a comparison across
        2025): the members are the post-merger units and each value is the sum of the
        unit's predecessors; a unit with a predecessor missing is left out.

    Returns
    -------
    DataFrame
        ``area_code``, ``area_name``, ``budget_kc`` (million VND), ``budget_kc_real``
        (constant `base_year` prices), ``trainees`` (TRAIN + MGMT), ``models``,
        ``establishments``, ``jobs_created`` and ``cost_per_trainee_real``; a value not
        reported is NaN, never 0. If the spending cannot be deflated (no CPI for `year`),
        ``budget_kc_real`` is NaN, never the nominal figure, and
        ``attrs["no_constant_prices"]`` says why.
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
    except KcAnalysisError:  # a year outside the CPI table: no constant prices, no fallback
        df["budget_kc_real"] = np.nan
        df.attrs["no_constant_prices"] = no_cpi_reason(year, base_year)
    df["cost_per_trainee_real"] = (df["budget_kc_real"] / df["trainees"]).where(df["trainees"] > 0)
    return df


def no_cpi_reason(year: int, base_year: int) -> str:
    """Why `year`'s money cannot be put at `base_year` prices (translated in reports).

    The base year if the CPI table lacks it, else `year` (a year after the table is
    carried at the latest prices, so only a year before it fails).
    """
    from kcanalysis.datasets import load_cpi

    years = load_cpi()["year"]
    first, last = int(years.min()), int(years.max())
    missing = base_year if not first <= base_year <= last else year
    return f"no CPI for {missing} (CPI table covers {first}-{last})"


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


#: A leave-one-out change of a DEA score above this is counted as a move.
LOO_MOVE = 0.1


_DEA_COLUMNS = [
    "area_code",
    "area_name",
    "crs",
    "vrs",
    "scale",
    "peers",
    "frontier_budget_kc_real",
    "budget_kc_real",
    "trainees",
    "establishments",
]


def dea_panel(
    facts: pd.DataFrame,
    region: str,
    year: int,
    period: str = "FY",
    base_year: int | None = None,
) -> pd.DataFrame:
    """DEA of a region's provinces in one year, as a tidy frame with their names.

    Input-oriented, one input (khuyến công spending at constant `base_year` prices, by
    default `year`'s) and two outputs (trainees; establishments supported), CRS and VRS,
    as the reports use it (`dea_scores` on `region_panel`). Totals are added to `facts`
    first where they are missing.

    Returns
    -------
    DataFrame
        One row per province with spending and outputs: ``area_code``, ``area_name``,
        ``crs``, ``vrs``, ``scale`` (crs / vrs), ``peers`` (names),
        ``frontier_budget_kc_real`` (the frontier's spending for the same outputs),
        ``budget_kc_real``, ``trainees``, ``establishments``, sorted by ``crs`` (best
        first). No rows when fewer than 9 provinces can be compared; ``attrs["left_out"]``
        names the provinces left out and why.
    """
    panel = region_panel(add_totals(facts), region, year, period, base_year or year)
    scores = dea_scores(panel)
    left_out = scores.attrs.get("left_out", [])
    if scores.empty:
        out = pd.DataFrame(columns=_DEA_COLUMNS)
    else:
        out = scores.reindex(columns=_DEA_COLUMNS)
        out = out.sort_values(["crs", "area_code"], ascending=[False, True])
        out = out.reset_index(drop=True)
    out.attrs["left_out"] = left_out
    return out


def dea_scores(panel: pd.DataFrame) -> pd.DataFrame:
    """Input-oriented DEA of the region's provinces (one input, two outputs).

    Input: khuyến công spending at constant prices. Outputs: trainees, and establishments
    supported (demonstration models are counted among establishments). CRS and VRS
    scores, scale efficiency, peers and ``frontier_budget_kc_real``: the spending of the
    peers' combination that reaches the same outputs (the CRS target input; a benchmark,
    not a saving).

    A missing output is missing, not 0: such a province, and one without spending at
    constant prices or with neither output, is left out; ``attrs["left_out"]`` lists
    (area name, reason). ``attrs["loo"]``: the leave-one-out sensitivity, the most
    efficient province (largest CRS super-efficiency) removed and the number of the
    others whose CRS score moves by more than `LOO_MOVE` (keys ``removed``, ``moved``,
    ``n``). Fewer than 9 provinces left: an empty frame (with ``left_out``).
    """
    p = panel.copy()
    reasons = pd.Series("", index=p.index, dtype=object)

    def leave_out(mask: pd.Series, why: str) -> None:
        hit = mask & (reasons == "")
        reasons[hit] = why

    no_prices = panel.attrs.get("no_constant_prices")
    leave_out(p["budget_kc"].isna(), "khuyến công spending not reported")
    leave_out(p["budget_kc_real"].isna(), no_prices or "khuyến công spending not reported")
    leave_out(p["budget_kc_real"] <= 0, "khuyến công spending is zero")
    leave_out(p["trainees"].isna(), "number of trainees not reported")
    leave_out(p["establishments"].isna(), "number of establishments supported not reported")
    leave_out(
        (p["trainees"] + p["establishments"]) <= 0,
        "number of trainees is zero; number of establishments supported is zero",
    )
    left_out = [(str(n), str(r)) for n, r in zip(p["area_name"], reasons, strict=True) if r]
    p = p[reasons == ""]
    if len(p) < 9:
        empty = pd.DataFrame()
        empty.attrs["left_out"] = left_out
        return empty
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
            "frontier_budget_kc_real": crs["target_budget_kc_real"],
            "budget_kc_real": p["budget_kc_real"],
            "trainees": p["trainees"],
            "establishments": p["establishments"],
        }
    )
    out["scale"] = out["crs"] / out["vrs"]
    out = out.reset_index()
    out.attrs["left_out"] = left_out
    out.attrs["loo"] = _leave_best_out(x, y, crs["efficiency"], p["area_name"])
    return out


def _leave_best_out(
    x: pd.DataFrame, y: pd.DataFrame, crs: pd.Series, names: pd.Series
) -> dict[str, object]:
    """CRS scores again without the province of largest super-efficiency."""
    sup = methods.super_efficiency(x, y, rts="crs", orientation="input")["efficiency"]
    best = sup.fillna(np.inf).idxmax()  # infeasible super-efficiency: unbounded, the best
    keep = x.index != best
    again = methods.dea(x[keep], y[keep], rts="crs", orientation="input", slacks=False)
    moved = int(((again["efficiency"] - crs[keep]).abs() > LOO_MOVE).sum())
    return {"removed": str(names[best]), "moved": moved, "n": int(keep.sum())}


def malmquist_change(
    facts: pd.DataFrame, region: str, year: int, period: str, base_year: int
) -> pd.DataFrame:
    """Malmquist index from `year`-1 to `year` for the members present in both years.

    Across the merger (FY 2025 against 2024) the 2024 side is the post-merger units'
    predecessor sums (`region_panel` with vintage "2025"), never old codes against new.

    Both years must be at constant prices. If either cannot be deflated the index is
    refused: the result is empty with ``attrs["reason"]`` (nominal VND would put the
    year's inflation into technical change TC).
    """
    vintage = vintage_of(year, period)
    a = region_panel(facts, region, year - 1, period, base_year, vintage=vintage)
    b = region_panel(facts, region, year, period, base_year)
    for side in (a, b):
        if "no_constant_prices" in side.attrs:
            refused = pd.DataFrame()
            refused.attrs["reason"] = side.attrs["no_constant_prices"]
            return refused
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


#: Fewest provinces from which the funnel's overdispersion is estimated.
OD_MIN_UNITS = 10


@dataclass(frozen=True)
class FunnelChoice:
    """The limits of an on-time funnel and how they were made.

    ``method`` is "exact" (exact binomial limits) or "additive" (normal limits widened by
    the between-province variance ``tau2``); ``phi`` is NaN when not estimated (fewer
    than `OD_MIN_UNITS` provinces).
    """

    limits: pd.DataFrame
    method: str
    phi: float
    tau2: float
    n_units: int


def funnel_choice(n_due: pd.Series, on_time: pd.Series) -> FunnelChoice:
    """Limits for on-time proportions around the pooled rate, overdispersion allowed.

    With at least `OD_MIN_UNITS` provinces the spread is tested as in Spiegelhalter (2005):
    z-scores ``(y_i - target) / sqrt(target (1 - target) / n_i)`` winsorised at 10 %,
    ``phi = mean z^2``. If ``phi > 1`` the limits are
    ``target ± z sqrt(target (1 - target) / n + tau2)`` with the additive tau^2 of
    `methods.overdispersion` (the random-effects form FunnelPlotR and NHS-R use).
    Otherwise, and with fewer provinces, exact binomial limits (right for small
    numbers due) on whole numbers of projects.
    """
    due = n_due.to_numpy(dtype=float)
    target = float(on_time.sum() / due.sum())
    phi, tau2, method = float("nan"), 0.0, "exact"
    if len(due) >= OD_MIN_UNITS and 0 < target < 1:
        se = np.sqrt(target * (1 - target) / due)
        od = methods.overdispersion(on_time.to_numpy(dtype=float) / due, se, target)
        phi = od.phi
        if od.phi > 1 and od.tau2 > 0:
            method, tau2 = "additive", od.tau2
    high = max(float(due.max()), 2.0) * 1.1
    if method == "exact":
        grid = np.unique(np.round(np.geomspace(1.0, high, 200)))
        limits = methods.funnel_limits(grid, target, "binomial")
    else:
        grid = np.unique(np.round(np.geomspace(max(float(due.min()), 1.0), high, 200), 3))
        limits = methods.funnel_limits(grid, target, "proportion", tau2=tau2)
    return FunnelChoice(limits, method, phi, tau2, len(due))


#: Below this many provinces the DerSimonian-Laird tau^2 is flagged as unstable.
TAU2_MIN_K = 5
#: Reasons a province's cost is not shrunk (translated in reports).
NOT_SHRUNK_SINGLE = "single project: shown unshrunk"
NOT_SHRUNK_ZERO = "sampling variance is zero (every project has the same unit cost): not shrunk"
NOT_SHRUNK_UNKNOWN = "sampling variance unknown: not shrunk"
NOT_SHRUNK_FEW = "fewer than 2 provinces with a sampling variance: not shrunk"


def shrink_log_costs(ci: pd.DataFrame) -> pd.DataFrame:
    """Add an empirical-Bayes ``shrunk`` cost per unit, shrunk on the log scale.

    Costs are ratios with skewed intervals, so the normal-normal model
    (`methods.shrink`, DerSimonian-Laird tau^2) is applied to log(cost) with the
    standard error ``se_log`` taken from the bootstrap distribution (`cost_ci`), not
    backed out of the percentile interval. Never raises on the data:

    * a single-project province is shown unshrunk (``shrunk`` = the raw cost) and marked;
    * a province whose sampling variance is zero (fixed cost norms: every project has the
      same unit cost) or unknown is left out of the shrinkage (``shrunk`` NaN);
    * the reason is in ``shrink_note``.

    ``attrs``: ``tau2_log`` (NaN when nothing was shrunk), ``k_log`` (provinces used)
    and ``tau2_unstable`` (True with fewer than `TAU2_MIN_K` provinces: tau^2 from so
    few is unreliable).
    """
    out = ci.copy()
    out["shrunk"] = np.nan
    out["shrink_note"] = ""
    cost = out["cost_per_unit_real_mvnd"]
    se = out["se_log"] if "se_log" in out else pd.Series(np.nan, index=out.index)
    single = out["n_projects"] == 1 if "n_projects" in out else pd.Series(False, out.index)
    out.loc[single, "shrunk"] = cost[single]
    out.loc[single, "shrink_note"] = NOT_SHRUNK_SINGLE
    rest = ~single & (cost > 0)
    zero = rest & (se == 0)
    unknown = rest & ~(se >= 0)
    out.loc[zero, "shrink_note"] = NOT_SHRUNK_ZERO
    out.loc[unknown, "shrink_note"] = NOT_SHRUNK_UNKNOWN
    ok = rest & (se > 0) & np.isfinite(se)
    out.attrs.update(tau2_log=float("nan"), k_log=int(ok.sum()), tau2_unstable=True)
    if ok.sum() < 2:
        out.loc[ok, "shrink_note"] = NOT_SHRUNK_FEW
        return out
    res = methods.shrink(np.log(cost[ok].to_numpy()), se[ok].to_numpy() ** 2)
    out.loc[ok, "shrunk"] = np.exp(np.asarray(res["shrunk"]))
    out.attrs.update(tau2_log=float(res.attrs["tau2"]), tau2_unstable=bool(ok.sum() < TAU2_MIN_K))
    return out


def on_time_by_province(projects: pd.DataFrame | None, codes: list[str], year: int) -> pd.DataFrame:
    """On-time completion per province for `year` (level ALL), from the project list.

    Read on 31 December of `year` (the funnel is drawn for full years only), so that the
    plot does not change with the day the report is run.
    """
    if projects is None:
        return pd.DataFrame()
    part = projects[(projects["year"] == year) & projects["area_code"].isin(codes)]
    if part.empty:
        return pd.DataFrame()
    res = indicators.on_time_completion(part, as_of=period_end(year, "FY"))
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
