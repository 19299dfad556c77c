"""Seeded generator of the synthetic demonstration panel (MTTN, 2011-2026).

Run ``python -m kcanalysis.datasets.generate_demo [OUT_DIR]`` to write
``demo_facts.csv`` and ``demo_projects.csv``; the committed copies in ``kcanalysis/data``
were made this way, and a test checks that running it again reproduces them byte for byte.

The panel follows the 2025 merger (1 July 2025):

- programme plans (P2021-2025 and P2026-2030 rows with a planned budget, trainees and
  establishments, no actual) of the 8 units, from a stream of their own (`SEED` + 2026);
  from 2026 projects also go to the activities Decree 235/2025 added (DIGI, SUST, ARTI)
  and to international cooperation (INTL);
- the 15 pre-merger MTTN provinces (map vintage ``"2008"``): full-year (FY) rows
  2011-2024, January-August (M8) rows for 2011 and January-June (M6) rows for 2024 and
  2025 (2025 M6 is the last period of the old provinces);
- their 8 successor units (vintage ``"2025"``; 44 Quảng Trị, 46 Huế, 48 Đà Nẵng,
  51 Quảng Ngãi, 52 Gia Lai, 56 Khánh Hòa, 66 Đắk Lắk, 68 Lâm Đồng): FY 2025 and FY 2026,
  the new departments reporting the whole of 2025 for their whole territory. New Lâm Đồng
  also holds Bình Thuận (60, a southern province, not in the panel): its budget stands for
  that part too, but no row is for code 60.

Codes were reused: 52 is Bình Định to June 2025 and Gia Lai (old Gia Lai 64 + Bình Định)
from FY 2025, so a row's area is its ``area_code`` and ``vintage`` together. Projects of
2025 and 2026 carry the new unit's code (``DEMO-52-2025-001`` is new Gia Lai's).

THE DATA ARE INVENTED. They are plausible in scale (a province or unit spends
1.000-25.000 million VND a year, the region 30.000-60.000) and the January-August 2011
rows of the 15 provinces add up exactly to the regional figures of the seed article, but
no number belongs to a real province. Every row says so in its `source`.

The rows of 2011-2024 FY and 2011 M8 come from the stream seeded with `SEED` and are
unchanged since the panel stopped at 2024; every later addition (the M6 rows, the new
units) is drawn from its own stream (`SEED_2025`) after them, so that they stay so.
Only ``Generator.random()`` draws are used (uniform doubles from PCG64), so the output does
not depend on how a numpy version implements other distributions.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis import periods, provinces, vocab
from kcanalysis.aggregate import aggregate
from kcanalysis.errors import DataError
from kcanalysis.schema import FACTS_COLUMNS, FACTS_KEY, validate_facts, validate_projects

SEED = 20110916  # the seed article's date
#: The stream of everything added after 2024 (M6 rows, the post-merger units).
SEED_2025 = SEED + 2025
#: Full years of the 15 pre-merger provinces.
YEARS = range(2011, 2025)
#: Full years of the 8 post-merger units.
NEW_YEARS = (2025, 2026)
#: Years with January-June rows of the pre-merger provinces.
M6_YEARS = (2024, 2025)
#: The share of the year's figures reached by the end of June.
M6_SHARE = (0.40, 0.65)
REGION = "MTTN"
SOURCE = f"synthetic demo (kcanalysis generator, seed {SEED}); not real data"

#: The seed article's regional figures for January-August 2011 (14 provinces reported).
SEED_M8 = {
    ("TRAIN", "trainees"): 7700,
    ("MGMT", "trainees"): 1150,
    ("CONF", "events"): 3,
    ("TOUR", "events"): 4,
    ("TOUR", "participants"): 56,
    ("DEMO", "models"): 16,
    ("DEMO", "models_over_half_complete"): 3,
}

# Invented relative sizes (not real budgets).
_SIZE = {
    "44": 0.9,
    "45": 0.7,
    "46": 1.0,
    "48": 0.9,
    "49": 1.3,
    "51": 1.1,
    "52": 1.3,
    "54": 0.8,
    "56": 1.0,
    "58": 0.6,
    "62": 0.6,
    "64": 1.2,
    "66": 1.5,
    "67": 0.6,
    "68": 1.2,
}
#: The 15 pre-merger MTTN provinces (fixed here: the demo does not follow edits of the
#: region table).
MEMBERS = tuple(sorted(_SIZE))
#: Their 8 successor units (new codes); computed, not read from the region table.
UNITS = tuple(sorted({provinces.successor(c) for c in MEMBERS}))
#: Budget factor on the predecessors' 2024 budgets; new Lâm Đồng (68) also holds Bình
#: Thuận (60, not in the panel), which its 1.2-1.4 stands for.
_UNIT_FACTOR = {"68": (1.2, 1.4)}
_DEFAULT_FACTOR = (0.9, 1.15)
# activity: (probability, budget low, budget high) in million VND
_MIX = {
    "TRAIN": (0.28, 80, 350),
    "MGMT": (0.08, 40, 150),
    "CONF": (0.04, 30, 90),
    "TOUR": (0.04, 60, 180),
    "DEMO": (0.12, 400, 1500),
    "MACH": (0.22, 100, 600),
    "PROD": (0.07, 50, 300),
    "CONS": (0.03, 30, 120),
    "INFO": (0.04, 30, 150),
    "CLUS": (0.02, 300, 1500),
    "SXSH": (0.02, 100, 400),
    "CAP": (0.03, 50, 250),
    "INVEST": (0.01, 200, 800),
}
#: From 2026 (the programme 2026-2030, under Decree 45/2012 as amended by Decree
#: 235/2025) each unit also has projects in the activities Decree 235 added and in
#: international cooperation: activity -> (probability, budget low, budget high).
_DECREE_235_MIX = {
    "DIGI": (1.0, 150, 400),
    "SUST": (1.0, 150, 350),
    "ARTI": (0.5, 50, 150),
    "INTL": (0.25, 80, 200),
}
_DECREE_235_YEAR = 2026
#: Programme plans (P rows) of the 8 units: each is the sum of the unit's yearly plans
#: times a draw from this range (2021-2025), or five times its 2026 plan times it
#: (2026-2030).
_PROGRAMME_FACTOR = (0.95, 1.10)
PROGRAMMES = ("P2021-2025", "P2026-2030")
PROGRAMME_NOTE = "programme plan for the period (demo)"
_CRAFTS = (
    "mây tre đan",
    "dệt thổ cẩm",
    "chế biến cà phê",
    "chế biến hạt điều",
    "chế biến hải sản",
    "nước mắm",
    "mộc dân dụng",
    "cơ khí nhỏ",
    "chế biến nông sản",
    "gạch không nung",
    "chế biến gỗ",
    "may công nghiệp",
    "bánh tráng",
    "tinh bột sắn",
    "gốm",
)


class _Draw:
    """Uniform draws from one seeded PCG64 stream."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)

    def u(self, low: float = 0.0, high: float = 1.0) -> float:
        return low + (high - low) * float(self.rng.random())

    def pick(self, options, weights) -> object:
        cum = np.cumsum(np.asarray(weights, dtype=float))
        return options[int(np.searchsorted(cum, self.u(0, cum[-1]), side="right"))]

    def int(self, low: int, high: int) -> int:
        return low + int(self.u(0, high - low + 1 - 1e-9))


def _money(x: float) -> float:
    return round(x * 2) / 2  # half a million VND


def _project(
    d: _Draw, code: str, year: int, level: str, activity: str, budget: float, n: int
) -> dict:
    growth = 1.03 ** (year - 2011)
    row = {
        k: np.nan for k in ("trainees", "participants", "models", "establishments", "jobs_created")
    }
    if activity == "TRAIN":
        row["trainees"] = round(budget / (d.u(0.9, 2.2) * growth))
        row["jobs_created"] = round(row["trainees"] * d.u(0.6, 0.95))
    elif activity == "MGMT":
        row["trainees"] = round(budget / (d.u(1.0, 2.5) * growth))
    elif activity == "CONF":
        row["participants"] = float(d.int(40, 120))
    elif activity == "TOUR":
        row["participants"] = float(d.int(14, 25))
    elif activity == "DEMO":
        row.update(models=1.0, establishments=1.0, jobs_created=float(d.int(5, 30)))
    elif activity in ("MACH", "SXSH", "SUST"):
        row.update(establishments=1.0, jobs_created=float(d.int(2, 15)))
    elif activity == "DIGI":
        row["establishments"] = float(d.int(1, 5))
    elif activity in ("ARTI", "INTL"):
        row["participants"] = float(d.int(10, 60))
    elif activity == "INVEST":
        row.update(establishments=1.0, jobs_created=float(d.int(5, 40)))
    elif activity in ("PROD", "CONS", "CLUS"):
        row["establishments"] = float(d.int(1, 10 if activity != "CLUS" else 20))
    lev = {
        "DEMO": (1.5, 5.0),
        "MACH": (1.5, 5.0),
        "SXSH": (1.5, 4.0),
        "SUST": (1.0, 3.0),
        "DIGI": (0.5, 2.0),
        "INVEST": (1.0, 3.0),
        "TRAIN": (0.0, 0.3),
    }.get(activity, (0.0, 0.5))
    planned_end = date(year, d.int(9, 12), d.int(1, 28))
    fate = d.u()
    if fate < 0.04:
        status, actual_end, disbursed, completion = "cancelled", None, 0.0, np.nan
    else:
        late = fate > 0.74
        shift = d.int(5, 90) if late else -d.int(0, 30)
        actual_end = planned_end + timedelta(days=shift)
        status = "accepted" if d.u() < 0.85 else "completed"
        disbursed = _money(budget * d.u(0.85, 1.0))
        completion = 100.0
    craft = _CRAFTS[d.int(0, len(_CRAFTS) - 1)]
    title = f"{vocab.ACTIVITIES[activity].vi}: {craft} (minh họa)"
    return {
        "project_id": f"DEMO-{code}-{year}-{n:03d}",
        "area_code": code,
        "year": year,
        "level": level,
        "activity": activity,
        "title": title,
        "beneficiary": f"Cơ sở minh họa {code}-{year}-{n:03d}",
        "status": status,
        "budget_kc": budget,
        "budget_counterpart": _money(budget * d.u(*lev)),
        "disbursed": disbursed,
        **row,
        "completion_pct": completion,
        "planned_end": planned_end.isoformat(),
        "actual_end": actual_end.isoformat() if actual_end else "",
        "source": SOURCE,
    }


def _province_year(d: _Draw, code: str, year: int, budget: float) -> list[dict]:
    kcqg_share = 0.0 if year == 2024 else d.u(0.10, 0.35)
    rows: list[dict] = []
    acts = list(_MIX)
    probs = [_MIX[a][0] for a in acts]
    for level, amount in (("KCQG", budget * kcqg_share), ("KCDP", budget * (1 - kcqg_share))):
        remaining = _money(amount)
        # 2011 starts from a core set so that the Jan-Aug regional figures can be met.
        forced = (
            ["TRAIN"] * 4 + ["MGMT"] * 2 + ["DEMO", "CONF", "TOUR"]
            if year == 2011 and level == "KCDP"
            else []
        )
        while remaining >= 30:
            activity = forced.pop(0) if forced else d.pick(acts, probs)
            _, low, high = _MIX[activity]
            if level == "KCQG" and activity in ("DEMO", "MACH"):
                low, high = low * 1.5, high * 1.5
            b = min(_money(d.u(low, min(high, max(low, 0.3 * amount)))), remaining)
            if remaining - b < 30:
                b = remaining
            rows.append(_project(d, code, year, level, activity, b, len(rows) + 1))
            remaining = _money(remaining - b)
    return rows


def _allocate(total: int, weights: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Split `total` into integers proportional to `weights`, none above its cap
    (largest-remainder rounding, repeated while caps bind)."""
    if caps.sum() < total:
        raise DataError(f"demo generator: cannot allocate {total} within caps {caps.tolist()}")
    out = np.zeros(len(weights), dtype=int)
    while out.sum() < total:
        room = caps - out
        w = np.where(room > 0, weights, 0.0)
        if w.sum() == 0:
            w = (room > 0).astype(float)
        share = (total - out.sum()) * w / w.sum()
        add = np.minimum(np.floor(share).astype(int), room)
        if add.sum() == 0:
            order = np.argsort(-(share - np.floor(share)) - (room > 0) * 1e-9, kind="stable")
            add[next(i for i in order if room[i] > 0)] = 1
        out += add
    return out


def _m8_rows(d: _Draw, fy: pd.DataFrame, members: list[str]) -> list[dict]:
    """Jan-Aug 2011 rows per province that add up exactly to the seed's figures."""
    fy11 = fy[(fy["year"] == 2011)]
    rows = []

    def fy_value(code: str, activity: str, indicator: str, column: str = "actual") -> float:
        sel = fy11[
            (fy11["area_code"] == code)
            & (fy11["level"] == "ALL")
            & (fy11["activity"] == activity)
            & (fy11["indicator"] == indicator)
        ]
        return float(sel[column].sum())

    for (activity, indicator), total in SEED_M8.items():
        fy_indicator = "models" if indicator == "models_over_half_complete" else indicator
        caps = np.array([fy_value(c, activity, fy_indicator) for c in members])
        if indicator == "models_over_half_complete":
            caps = np.array(
                [
                    r["actual"]
                    for r in rows
                    if r["activity"] == "DEMO" and r["indicator"] == "models"
                ],
                dtype=float,
            )
        caps = np.floor(caps * (0.9 if total > 100 else 1.0)).astype(int)
        weights = caps * np.array([d.u(0.6, 1.0) for _ in members])
        values = _allocate(total, weights, caps)
        for code, value in zip(members, values, strict=True):
            planned = fy_value(code, activity, fy_indicator, "planned")
            rows.append(
                {
                    "area_code": code,
                    "year": 2011,
                    "period": "M8",
                    "level": "ALL",
                    "activity": activity,
                    "indicator": indicator,
                    "planned": planned
                    if planned > 0 and indicator != "models_over_half_complete"
                    else np.nan,
                    "actual": float(value),
                    "note": "planned = the plan for the whole year",
                }
            )
    for code in members:
        plan = fy_value(code, "ALL", "budget_kc", "planned")
        for indicator, lo, hi in (("budget_kc", 0.45, 0.65), ("projects", 0.6, 0.9)):
            full = fy_value(code, "ALL", indicator)
            actual = (
                _money(full * d.u(lo, hi))
                if indicator == "budget_kc"
                else round(full * d.u(lo, hi))
            )
            rows.append(
                {
                    "area_code": code,
                    "year": 2011,
                    "period": "M8",
                    "level": "ALL",
                    "activity": "ALL",
                    "indicator": indicator,
                    "planned": plan
                    if indicator == "budget_kc"
                    else fy_value(code, "ALL", "projects", "planned"),
                    "actual": float(actual),
                    "note": "planned = the plan for the whole year",
                }
            )
    return rows


def _fy_all_level(fy: pd.DataFrame, year: int) -> dict[tuple[str, str, str], tuple]:
    """(area, activity, indicator) -> (planned, actual) of the level-ALL FY rows of `year`."""
    sel = fy[(fy["year"] == year) & (fy["period"] == "FY") & (fy["level"] == "ALL")]
    return {
        (c, a, i): (p, v)
        for c, a, i, p, v in zip(
            sel["area_code"],
            sel["activity"],
            sel["indicator"],
            sel["planned"],
            sel["actual"],
            strict=True,
        )
    }


def _m6_rows(d: _Draw, fy: pd.DataFrame, members: tuple[str, ...], year: int) -> list[dict]:
    """January-June rows of the pre-merger provinces, the same kinds as the 2011 M8 rows.

    For 2024 they are a share (`M6_SHARE`) of the province's 2024 FY figures, with the
    2024 plans; for 2025 (the old provinces' last half-year) the plans are the 2024 ones
    times 0.9-1.15 per province, and the actuals that share of the 2024 FY actuals scaled
    alike. Outputs are given where the province had that activity in 2024.
    """
    base = _fy_all_level(fy, 2024)
    rows = []

    def row(code: str, activity: str, indicator: str, planned: float, actual: float):
        rows.append(
            {
                "area_code": code,
                "year": year,
                "period": "M6",
                "level": "ALL",
                "activity": activity,
                "indicator": indicator,
                "planned": planned,
                "actual": float(actual),
                "note": "planned = the plan for the whole year",
            }
        )

    for code in members:
        scale = 1.0 if year == 2024 else d.u(*_DEFAULT_FACTOR)
        plan, full = base[(code, "ALL", "budget_kc")]
        row(code, "ALL", "budget_kc", _money(plan * scale), _money(full * scale * d.u(*M6_SHARE)))
        plan, full = base[(code, "ALL", "projects")]
        row(code, "ALL", "projects", round(plan * scale), round(full * scale * d.u(*M6_SHARE)))
        models = None
        for activity, indicator in SEED_M8:
            if indicator == "models_over_half_complete":
                if models is not None:
                    row(code, activity, indicator, np.nan, round(models * d.u(0.0, 0.6)))
                continue
            if (code, activity, indicator) not in base:
                continue
            plan, full = base[(code, activity, indicator)]
            actual = round(full * scale * d.u(*M6_SHARE))
            row(code, activity, indicator, round(plan * scale), actual)
            if (activity, indicator) == ("DEMO", "models"):
                models = actual
    return rows


def _plan_outputs(d: _Draw, facts: pd.DataFrame) -> None:
    """Set the output targets (the year's plan) around what was achieved, in place."""
    outputs = facts["indicator"].isin(
        ["trainees", "participants", "models", "establishments", "jobs_created", "events"]
    )
    facts.loc[outputs, "planned"] = [
        round(v * d.u(0.85, 1.15)) for v in facts.loc[outputs, "actual"]
    ]


def _new_unit_projects(d: _Draw, fy: pd.DataFrame) -> list[dict]:
    """FY 2025 and 2026 project lists of the 8 post-merger units.

    A unit's budget is the sum of its predecessors' 2024 budgets (the plan) times 0.9-1.15
    (new Lâm Đồng: old Lâm Đồng + Đắk Nông times 1.2-1.4, standing for Bình Thuận too).
    """
    base = _fy_all_level(fy, 2024)
    budget_2024 = {
        unit: sum(
            base[(c, "ALL", "budget_kc")][0] for c in MEMBERS if provinces.successor(c) == unit
        )
        for unit in UNITS
    }
    rows: list[dict] = []
    for year in NEW_YEARS:
        for unit in UNITS:
            factor = d.u(*_UNIT_FACTOR.get(unit, _DEFAULT_FACTOR))
            budget = float(np.clip(budget_2024[unit] * factor, 2000, 24000))
            rows.extend(_province_year(d, unit, year, budget))
    return rows


def _decree_235_projects(d: _Draw, projects: pd.DataFrame) -> list[dict]:
    """2026 local-programme projects of the 8 units in Decree 235's activities (and INTL),
    numbered after each unit's other 2026 projects."""
    rows = []
    for unit in UNITS:
        n = int(((projects["area_code"] == unit) & (projects["year"] == _DECREE_235_YEAR)).sum())
        for activity, (probability, low, high) in _DECREE_235_MIX.items():
            if d.u() >= probability:
                continue
            n += 1
            budget = _money(d.u(low, high))
            rows.append(_project(d, unit, _DECREE_235_YEAR, "KCDP", activity, budget, n))
    return rows


def _programme_plans(d: _Draw, totals: pd.DataFrame) -> list[dict]:
    """Programme plans (P rows, planned only) of the 8 units for 2021-2025 and 2026-2030.

    `totals` are the panel's facts with totals. A unit's 2021-2025 plan is the sum of its
    yearly plans (its predecessors' for 2021-2024, its own for 2025) times
    `_PROGRAMME_FACTOR`; its 2026-2030 plan is five times its 2026 plan times the same
    range. Budget, trainees and establishments get a plan; nothing is reported as done.
    """
    fy = totals[
        (totals["period"] == "FY") & (totals["level"] == "ALL") & (totals["activity"] == "ALL")
    ]
    plan = fy.set_index(["area_code", "year", "indicator"])["planned"]
    rows = []
    for unit in UNITS:
        olds = [c for c in MEMBERS if provinces.successor(c) == unit]
        for period in PROGRAMMES:
            a, b = periods.programme_years(period)
            for indicator in ("budget_kc", "trainees", "establishments"):
                if a == 2021:
                    base = sum(
                        plan.get((c, y, indicator), 0.0) for c in olds for y in range(a, 2025)
                    )
                    base += plan.get((unit, 2025, indicator), 0.0)
                else:
                    base = 5 * plan.get((unit, a, indicator), 0.0)
                value = base * d.u(*_PROGRAMME_FACTOR)
                rows.append(
                    {
                        "area_code": unit,
                        "year": b,
                        "period": period,
                        "level": "ALL",
                        "activity": "ALL",
                        "indicator": indicator,
                        "planned": _money(value) if indicator == "budget_kc" else round(value),
                        "actual": np.nan,
                        "note": PROGRAMME_NOTE,
                    }
                )
    return rows


def generate() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build the demo panel; return ``(facts, projects)``, both validated."""
    from kcanalysis.aggregate import add_totals

    # 2011-2024 FY and 2011 M8: the original stream, drawn exactly as before.
    d = _Draw(SEED)
    members = list(MEMBERS)
    project_rows: list[dict] = []
    for year in YEARS:
        total = min(max(33000 + (year - 2011) * 1500 + d.u(-2000, 2000), 31000), 58000)
        raw = np.array([_SIZE[c] * d.u(0.75, 1.25) for c in members])
        budgets = np.clip(total * raw / raw.sum(), 2000, 24000)
        for code, budget in zip(members, budgets, strict=True):
            project_rows.extend(_province_year(d, code, year, float(budget)))
    projects = validate_projects(pd.DataFrame(project_rows), "demo generator")
    facts = aggregate(projects)
    _plan_outputs(d, facts)
    facts["source"] = SOURCE
    fy_totals = add_totals(facts)
    m8 = pd.DataFrame(_m8_rows(d, fy_totals, members))

    # Everything after 2024 FY: its own stream, so the rows above never change.
    d25 = _Draw(SEED_2025)
    m6 = pd.DataFrame([r for year in M6_YEARS for r in _m6_rows(d25, fy_totals, MEMBERS, year)])
    new_projects = validate_projects(
        pd.DataFrame(_new_unit_projects(d25, fy_totals)), "demo generator"
    )
    new_facts = aggregate(new_projects)
    _plan_outputs(d25, new_facts)
    # Decree 235's activities in 2026 and the programme plans: a stream of their own
    # (SEED + 2026), after everything above, so that the rows above never change.
    d26 = _Draw(SEED + 2026)
    extra = validate_projects(
        pd.DataFrame(_decree_235_projects(d26, new_projects)), "demo generator"
    )
    extra_facts = aggregate(extra)
    _plan_outputs(d26, extra_facts)
    new_projects = validate_projects(
        pd.concat([new_projects, extra], ignore_index=True), "demo generator"
    )
    new_facts = pd.concat([new_facts, extra_facts], ignore_index=True)
    projects = validate_projects(
        pd.concat([projects, new_projects], ignore_index=True), "demo generator"
    )

    facts = pd.concat([facts, m8, m6, new_facts], ignore_index=True)
    plans = pd.DataFrame(_programme_plans(d26, add_totals(facts)))
    facts = pd.concat([facts, plans], ignore_index=True)
    facts["unit"] = facts["indicator"].map(vocab.unit_of)
    when = list(zip(facts["area_code"], facts["year"], facts["period"], strict=True))
    vintage = {k: periods.vintage_of(k[1], k[2]) for k in set(when)}
    name = {k: provinces.province_name(*k) for k in set(when)}
    facts["vintage"] = [vintage[k] for k in when]
    facts["area_name"] = [name[k] for k in when]
    facts["qualifier"] = ""
    facts["source"] = SOURCE
    facts["note"] = facts["note"].fillna("")
    # The 63-province map first, then the 34 units: codes were reused (52 Bình Định, then
    # 52 Gia Lai), so a unit is its code and vintage.
    facts = facts.sort_values(["vintage", *FACTS_KEY], kind="stable").reset_index(drop=True)
    facts = validate_facts(facts[list(FACTS_COLUMNS)], "demo generator")
    _check_scale(facts)
    return facts, projects


def _check_scale(facts: pd.DataFrame) -> None:
    """Refuse to write a panel whose spending is out of the plausible range.

    Per full year, each area spends 1.000-25.000 million VND and the region 30.000-60.000;
    the region is the 15 old provinces to 2024 and the 8 new units from 2025, never a mix
    (so a year's total compares like with like). A January-June figure is 30-70% of the
    year's plan.
    """
    from kcanalysis.aggregate import add_totals

    t = add_totals(facts)
    spend = t[(t["level"] == "ALL") & (t["activity"] == "ALL") & (t["indicator"] == "budget_kc")]
    fy = spend[spend["period"] == "FY"]
    per_year = fy.groupby("year")["actual"].sum()
    if not fy["actual"].between(1000, 25000).all() or not per_year.between(30000, 60000).all():
        raise DataError(
            "demo generator: spending out of range (province 1.000-25.000, region "
            f"30.000-60.000 million VND): {fy['actual'].min()}-{fy['actual'].max()}, "
            f"region {per_year.min()}-{per_year.max()}"
        )
    for year, areas in fy.groupby("year")["area_code"]:
        expected = MEMBERS if year < periods.MERGER_YEAR else UNITS
        if sorted(areas) != sorted(expected):
            raise DataError(
                f"demo generator: FY {year} covers {sorted(areas)}, not the region's "
                f"{'provinces' if year < periods.MERGER_YEAR else 'units'} {list(expected)}"
            )
    m6 = spend[spend["period"] == "M6"]
    share = m6["actual"] / m6["planned"]
    if m6.empty or not share.between(0.3, 0.7).all():
        raise DataError(
            f"demo generator: January-June spending is {share.min():.0%}-{share.max():.0%} "
            "of the year's plan, not 30-70%"
        )


def write(out_dir: Path) -> tuple[Path, Path]:
    """Generate the panel and write ``demo_facts.csv`` and ``demo_projects.csv``."""
    facts, projects = generate()
    out_dir.mkdir(parents=True, exist_ok=True)
    fpath, ppath = out_dir / "demo_facts.csv", out_dir / "demo_projects.csv"
    facts.to_csv(fpath, index=False, float_format="%.10g", lineterminator="\n")
    projects = projects.assign(
        planned_end=projects["planned_end"].dt.strftime("%Y-%m-%d"),
        actual_end=projects["actual_end"].dt.strftime("%Y-%m-%d"),
    )
    projects.to_csv(ppath, index=False, float_format="%.10g", lineterminator="\n")
    return fpath, ppath


if __name__ == "__main__":  # pragma: no cover - exercised by the reproducibility test
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "data"
    for path in write(target):
        print(path)
