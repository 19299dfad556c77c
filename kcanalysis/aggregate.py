"""From project lists to `facts`, and from detailed `facts` to totals.

`aggregate(projects)` turns a project list (danh sách đề án) into `facts` rows per area,
year, level and activity. `add_totals(facts)` adds the level-ALL and activity-ALL totals
that a table lacks, with qualifiers carried over ("more than" stays "more than").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import provinces, vocab
from kcanalysis.schema import FACTS_COLUMNS, FACTS_KEY, validate_facts

_EVENT_ACTIVITIES = ("CONF", "TOUR")


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
    p = projects.copy()
    live = (p["status"] != "cancelled").astype("float64")
    p["_n"] = 1.0
    p["_live"] = live
    p["_accepted"] = (p["status"] == "accepted").astype("float64")
    p["_events"] = live * p["activity"].isin(_EVENT_ACTIVITIES)
    p["_budget_total"] = p["budget_kc"].fillna(0) + p["budget_counterpart"].fillna(0)
    p["_half_models"] = p["models"].where(p["completion_pct"] > 50)
    for col in ("budget_kc", "budget_counterpart", "_budget_total"):
        p[f"{col}_live"] = p[col] * live
    for col in (
        "trainees",
        "participants",
        "models",
        "establishments",
        "jobs_created",
        "_half_models",
        "disbursed",
    ):
        p[f"{col}_live"] = p[col].where(live > 0)

    keys = ["area_code", "year", "level", "activity"]
    g = p.groupby(keys, sort=True)
    spec = {
        # indicator: (planned column or None, actual column)
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
    # to_numpy: iterating a column of pandas' str dtype is slow, an object array is not.
    sources = g["source"].agg(lambda s: "; ".join(sorted(set(s.to_numpy(dtype=object)))))
    counts = g.size()
    frames = []
    for indicator, (planned_col, actual_col) in spec.items():
        actual = g[actual_col].sum(min_count=1)
        planned = (
            g[planned_col].sum(min_count=1)
            if planned_col
            else pd.Series(np.nan, index=actual.index)
        )
        frame = pd.DataFrame({"planned": planned, "actual": actual})
        if indicator == "events":
            frame = frame[frame.index.get_level_values("activity").isin(_EVENT_ACTIVITIES)]
        if indicator == "models_over_half_complete":
            frame = frame[frame.index.get_level_values("activity") == "DEMO"]
        frame = frame.dropna(how="all")
        frame["indicator"] = indicator
        frames.append(frame)
    out = pd.concat(frames).reset_index()
    out["period"] = period
    out["unit"] = out["indicator"].map(vocab.unit_of)
    out["qualifier"] = ""
    labels = pd.DataFrame({"n": counts, "src": sources}).reset_index()
    labels["source"] = "aggregate of " + labels["n"].astype(str) + " project(s): " + labels["src"]
    out = out.merge(labels[[*keys, "source"]], on=keys, how="left")
    out["note"] = ""
    names = {
        (c, y): provinces.area_label(c, y)
        for c, y in out[["area_code", "year"]].drop_duplicates().itertuples(index=False)
    }
    out["area_name"] = [names[k] for k in zip(out["area_code"], out["year"], strict=True)]
    out = out.sort_values(list(FACTS_KEY), kind="stable").reset_index(drop=True)
    return validate_facts(out[list(FACTS_COLUMNS)], "aggregate of projects")


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
    out = facts
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
        for c in ("area_code", "year", "period", "level", "activity", "indicator")
        if c not in fixed
    ]
    g = parts.groupby(group, sort=False)
    sums = pd.DataFrame(
        {
            "area_name": g["area_name"].first(),
            "unit": g["unit"].first(),
            "planned": g["planned"].sum(min_count=1),
            "actual": g["actual"].sum(min_count=1),
            "n_rows": g.size(),
            "n_plan": g["planned"].count(),
            "qualifier": g["qualifier"].agg(combine_qualifiers),
        }
    ).reset_index()
    for col, value in fixed.items():
        sums[col] = value
    key = list(FACTS_KEY)
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
