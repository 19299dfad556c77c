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
    sources = g["source"].agg(lambda s: "; ".join(sorted(set(s))))
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
    idx = pd.MultiIndex.from_frame(out[keys])
    out["source"] = [f"aggregate of {counts.loc[k]} project(s): {sources.loc[k]}" for k in idx]
    out["note"] = ""
    out["area_name"] = [
        provinces.area_label(c, y) for c, y in zip(out["area_code"], out["year"], strict=True)
    ]
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

    For every area, year, period and indicator the totals over levels (KCQG + KCDP ->
    ALL) and over activities (-> ALL) are added where no such row is reported. A
    reported total is never overwritten. Sums of planned values use only rows that give a
    plan; where some parts lack one, the total's note says so.

    Returns
    -------
    DataFrame
        `facts` with the added rows (their `source` is "computed total of N rows").
    """
    if facts.empty:
        return facts.copy()
    base = ["area_code", "area_name", "year", "period", "indicator", "unit"]
    detail = facts[(facts["level"] != "ALL") & (facts["activity"] != "ALL")]
    existing = set(map(tuple, facts[list(FACTS_KEY)].itertuples(index=False)))
    added = []
    for level_all, activity_all in ((True, False), (False, True), (True, True)):
        group = base + ([] if level_all else ["level"]) + ([] if activity_all else ["activity"])
        for key, part in detail.groupby(group, sort=True):
            row = dict(zip(group, key, strict=True))
            row["level"] = "ALL" if level_all else row["level"]
            row["activity"] = "ALL" if activity_all else row["activity"]
            k = tuple(row[c] for c in FACTS_KEY)
            if k in existing:
                continue
            existing.add(k)
            n_plan = int(part["planned"].notna().sum())
            row["planned"] = part["planned"].sum(min_count=1)
            row["actual"] = part["actual"].sum(min_count=1)
            row["qualifier"] = combine_qualifiers(part["qualifier"])
            row["source"] = f"computed total of {len(part)} row(s)"
            row["note"] = (
                f"plan given for {n_plan} of {len(part)} parts" if 0 < n_plan < len(part) else ""
            )
            added.append(row)
    if not added:
        return facts.copy()
    out = pd.concat([facts, pd.DataFrame(added)[list(FACTS_COLUMNS)]], ignore_index=True)
    out = out.sort_values(list(FACTS_KEY), kind="stable").reset_index(drop=True)
    return validate_facts(out, "facts with totals")
