"""From project lists to `facts`, and from detailed `facts` to totals.

`aggregate(projects)` turns a project list (danh sách đề án) into `facts` rows per area,
year, level and activity. `add_totals(facts)` adds the level-ALL and activity-ALL totals
that a table lacks, with qualifiers carried over ("more than" stays "more than").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import provinces, vocab
from kcanalysis.schema import (
    FACTS_COLUMNS,
    FACTS_KEY,
    PROJECT_OUTPUTS,
    validate_facts,
    with_vintage,
)

_EVENT_ACTIVITIES = ("CONF", "TOUR")
#: indicator: (planned column or None, actual column) of the per-project columns summed
_SPEC = {
    "projects": ("_n", "_live"),
    "projects_accepted": (None, "_accepted"),
    "budget_kc": ("budget_kc", "budget_kc_live"),
    "budget_counterpart": ("budget_counterpart", "budget_counterpart_live"),
    "budget_total": ("_budget_total", "_budget_total_live"),
    "disbursed": (None, "disbursed_live"),
    "trainees": (None, "trainees_live"),
    "participants": (None, "participants_live"),
    "events": (None, "_events"),
    "models": (None, "models_live"),
    "models_over_half_complete": (None, "_half_models_live"),
    "establishments": (None, "establishments_live"),
    "jobs_created": (None, "jobs_created_live"),
}


def aggregate(projects: pd.DataFrame, period: str = "FY") -> pd.DataFrame:
    """Aggregate a validated project list into `facts`.

    Rules (per area, year, level and activity):

    - ``projects``: planned = all projects listed, actual = those not cancelled;
    - ``projects_accepted``: actual = projects with status "accepted";
    - ``budget_kc``: planned = extension funds approved for all listed projects,
      actual = for those not cancelled; ``budget_counterpart`` and ``budget_total``
      (= extension + counterpart) likewise; ``disbursed``: actual = sum disbursed;
    - outputs (``trainees``, ``participants``, ``models``, ``establishments``,
      ``jobs_created``): actual = sum over projects not cancelled, given only where at
      least one project reports the output;
    - ``events`` for CONF and TOUR: actual = number of such projects not cancelled (one
      project is one event);
    - ``models_over_half_complete``: models of projects with completion above 50%.

    Parameters
    ----------
    projects : DataFrame
        A table valid under `kcanalysis.schema.validate_projects`; money in million VND.
    period : str
        The period the list covers ("FY" by default).

    Returns
    -------
    DataFrame
        Valid `facts`, sorted by key; `source` names the projects' sources.
    """
    if projects.empty:
        return validate_facts(pd.DataFrame(columns=FACTS_COLUMNS), "aggregate of 0 projects")
    status = projects["status"]
    live = (status != "cancelled").to_numpy(dtype="float64")
    activity = projects["activity"]
    total = projects["budget_kc"].fillna(0) + projects["budget_counterpart"].fillna(0)
    columns = {
        "_n": np.ones(len(projects)),
        "_live": live,
        "_accepted": (status == "accepted").to_numpy(dtype="float64"),
        "_events": live * activity.isin(_EVENT_ACTIVITIES).to_numpy(dtype="float64"),
        "_budget_total": total.to_numpy(dtype="float64"),
        "_half_models": projects["models"]
        .where(projects["completion_pct"] > 50)
        .to_numpy(dtype="float64"),
    }
    for col in ("budget_kc", "budget_counterpart", *PROJECT_OUTPUTS, "disbursed"):
        columns[col] = projects[col].to_numpy(dtype="float64")
    for col in ("budget_kc", "budget_counterpart", "_budget_total"):
        columns[f"{col}_live"] = columns[col] * live
    for col in (*PROJECT_OUTPUTS, "_half_models", "disbursed"):  # given for live projects only
        columns[f"{col}_live"] = np.where(live > 0, columns[col], np.nan)

    keys = ["area_code", "year", "level", "activity"]
    g = pd.DataFrame(columns, index=projects.index).groupby([projects[k] for k in keys], sort=True)
    sums = g[sorted({c for pair in _SPEC.values() for c in pair if c})].sum(min_count=1)
    groups = sums.index.to_frame(index=False)
    n_projects = g.size().to_numpy()
    sources = _sources(g.ngroup().to_numpy(), projects["source"], len(groups))
    group_activity = groups["activity"]
    take, planned, actual, indicators = [], [], [], []
    for indicator, (planned_col, actual_col) in _SPEC.items():
        act = sums[actual_col].to_numpy()
        plan = sums[planned_col].to_numpy() if planned_col else np.full(len(act), np.nan)
        keep = ~(np.isnan(plan) & np.isnan(act))
        if indicator == "events":
            keep &= group_activity.isin(_EVENT_ACTIVITIES).to_numpy()
        if indicator == "models_over_half_complete":
            keep &= (group_activity == "DEMO").to_numpy()
        rows = np.flatnonzero(keep)
        take.append(rows)
        planned.append(plan[rows])
        actual.append(act[rows])
        indicators.append(np.full(len(rows), indicator, dtype=object))
    at = np.concatenate(take)
    out = groups.iloc[at].reset_index(drop=True)
    out["planned"] = np.concatenate(planned)
    out["actual"] = np.concatenate(actual)
    out["indicator"] = np.concatenate(indicators)
    out["period"] = period
    out["unit"] = out["indicator"].map(vocab.unit_of)
    out["qualifier"] = ""
    out["source"] = [f"aggregate of {n_projects[i]} project(s): {sources[i]}" for i in at.tolist()]
    out["note"] = ""
    names = {
        (c, y): provinces.area_label(c, y, period=period)
        for c, y in groups[["area_code", "year"]].drop_duplicates().itertuples(index=False)
    }
    out["area_name"] = [names[k] for k in zip(out["area_code"], out["year"], strict=True)]
    out = out.sort_values(list(FACTS_KEY), kind="stable").reset_index(drop=True)
    return validate_facts(out.reindex(columns=FACTS_COLUMNS), "aggregate of projects")


def _sources(group: np.ndarray, source: pd.Series, n_groups: int) -> list[str]:
    """Return, per group number, its projects' distinct sources joined in sorted order.

    Distinct (group, source) pairs are found on integer codes, so a list of 100.000
    projects from one file joins one source per group, not 100.000.
    """
    codes, uniques = pd.factorize(source)
    names = np.asarray(uniques, dtype=object)
    pairs = np.unique(group.astype(np.int64) * len(names) + codes)
    texts = names[pairs % len(names)]
    cuts = np.searchsorted(pairs // len(names), np.arange(1, n_groups))
    return ["; ".join(sorted(part)) for part in np.split(texts, cuts)]


def combine_qualifiers(qualifiers) -> str:
    """Return the qualifier of a sum of qualified values.

    "" with ">" gives ">" (the sum is at least that); "" with "<" gives "<"; ">" with "<",
    or anything with "~", gives "~".
    """
    present = {q for q in qualifiers if q}
    if not present:
        return ""
    if "~" in present or present == {">", "<"}:
        return "~"
    return present.pop()


_QUALIFIER_MARKS = (">", "<", "~")
_SUMMED = ["area_name", "unit", "planned", "actual"]


def _combined_qualifiers(present: pd.DataFrame) -> np.ndarray:
    """`combine_qualifiers` for many groups at once, from per-group flags ``_q0`` (">"),
    ``_q1`` ("<") and ``_q2`` ("~"): no Python call per group."""
    gt, lt, about = (present[f"_q{i}"].to_numpy() for i in range(3))
    return np.select([about | (gt & lt), gt, lt], ["~", ">", "<"], default="")


def add_totals(facts: pd.DataFrame) -> pd.DataFrame:
    """Add level-ALL and activity-ALL total rows that `facts` lacks.

    Totals are built in three steps, and a reported row is never overwritten; each step
    uses the reported rows where they exist:

    1. per level: KCQG x ALL and KCDP x ALL from that level's activity rows;
    2. per activity: ALL x activity from the KCQG and KCDP rows of that activity;
    3. overall: ALL x ALL from the level totals (reported or from step 1), or, where
       there are none, from the activity totals of step 2.

    So a reported level total (Bình Định 2017: KCDP 2.520 million VND planned) wins over
    a partial activity breakdown, and KCQG + KCDP totals (Đắk Lắk 2014) give an overall
    one. Sums of planned values use only rows that give a plan; where some parts lack
    one, the note says so. Qualifiers combine as in `combine_qualifiers`.

    Returns
    -------
    DataFrame
        `facts` with the added rows (their `source` is "computed total of N row(s)").
    """
    if facts.empty:
        return facts.copy()
    out = with_vintage(facts)
    # step 1: level totals from activities; step 2: activity totals from levels
    out = _sum_into(
        out, out[(out["level"] != "ALL") & (out["activity"] != "ALL")], fixed={"activity": "ALL"}
    )
    out = _sum_into(
        out, out[(out["level"] != "ALL") & (out["activity"] != "ALL")], fixed={"level": "ALL"}
    )
    # step 3: overall totals from level totals, else from activity totals
    out = _sum_into(
        out, out[(out["level"] != "ALL") & (out["activity"] == "ALL")], fixed={"level": "ALL"}
    )
    out = _sum_into(
        out, out[(out["level"] == "ALL") & (out["activity"] != "ALL")], fixed={"activity": "ALL"}
    )
    if len(out) == len(facts):
        return facts.copy()
    return out.sort_values(list(FACTS_KEY), kind="stable").reset_index(drop=True)


def _sum_into(facts: pd.DataFrame, parts: pd.DataFrame, fixed: dict[str, str]) -> pd.DataFrame:
    """Append the sums of `parts` over the columns in `fixed` (set to "ALL") where `facts`
    has no row with that key yet."""
    if parts.empty:
        return facts
    group = [
        c
        for c in ("area_code", "vintage", "year", "period", "level", "activity", "indicator")
        if c not in fixed
    ]
    q = parts["qualifier"]
    flags = pd.DataFrame(
        {f"_q{i}": (q == mark).to_numpy() for i, mark in enumerate(_QUALIFIER_MARKS)},
        index=parts.index,
    )
    g = pd.concat([parts[group], parts[_SUMMED], flags], axis=1).groupby(group, sort=False)
    sums = pd.DataFrame(
        {
            "area_name": g["area_name"].first(),
            "unit": g["unit"].first(),
            "planned": g["planned"].sum(min_count=1),
            "actual": g["actual"].sum(min_count=1),
            "n_rows": g.size(),
            "n_plan": g["planned"].count(),
        }
    )
    sums["qualifier"] = _combined_qualifiers(g[list(flags.columns)].any())
    sums = sums.reset_index()
    for col, value in fixed.items():
        sums[col] = value
    key = [*FACTS_KEY, "vintage"]
    existing = pd.MultiIndex.from_frame(facts[key])
    new = sums[~pd.MultiIndex.from_frame(sums[key]).isin(existing)]
    if new.empty:
        return facts
    new = new.assign(
        source="computed total of " + new["n_rows"].astype(str) + " row(s)",
        note=np.where(
            (new["n_plan"] > 0) & (new["n_plan"] < new["n_rows"]),
            "plan given for "
            + new["n_plan"].astype(str)
            + " of "
            + new["n_rows"].astype(str)
            + " parts",
            "",
        ),
    )
    return pd.concat([facts, new[list(FACTS_COLUMNS)]], ignore_index=True)
