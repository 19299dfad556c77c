"""Seeded generator of the synthetic demonstration panel (15 MTTN provinces, 2011-2024).

Run ``python -m kcanalysis.datasets.generate_demo [OUT_DIR]`` to write
``demo_facts.csv`` and ``demo_projects.csv``; the committed copies in ``kcanalysis/data``
were made this way, and a test checks that running it again reproduces them byte for byte.

THE DATA ARE INVENTED. They are plausible in scale (a province spends 1.000-25.000 million
VND a year, the region 30.000-60.000) and the January-August 2011 rows of the 15 provinces
add up exactly to the regional figures of the seed article, but no number belongs to a
real province. Every row says so in its `source`.

Only ``Generator.random()`` draws are used (uniform doubles from PCG64), so the output does
not depend on how a numpy version implements other distributions.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from kcanalysis import provinces, vocab
from kcanalysis.aggregate import aggregate
from kcanalysis.errors import DataError
from kcanalysis.schema import FACTS_COLUMNS, FACTS_KEY, validate_facts, validate_projects

SEED = 20110916  # the seed article's date
YEARS = range(2011, 2025)
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
    elif activity in ("MACH", "SXSH"):
        row.update(establishments=1.0, jobs_created=float(d.int(2, 15)))
    elif activity == "INVEST":
        row.update(establishments=1.0, jobs_created=float(d.int(5, 40)))
    elif activity in ("PROD", "CONS", "CLUS"):
        row["establishments"] = float(d.int(1, 10 if activity != "CLUS" else 20))
    lev = {
        "DEMO": (1.5, 5.0),
        "MACH": (1.5, 5.0),
        "SXSH": (1.5, 4.0),
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


def generate() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build the demo panel; return ``(facts, projects)``, both validated."""
    from kcanalysis.aggregate import add_totals

    d = _Draw(SEED)
    members = provinces.region_members(REGION, 2011)
    project_rows: list[dict] = []
    for year in YEARS:
        total = min(max(33000 + (year - 2011) * 1500 + d.u(-2000, 2000), 31000), 58000)
        raw = np.array([_SIZE[c] * d.u(0.75, 1.25) for c in members])
        budgets = np.clip(total * raw / raw.sum(), 2000, 24000)
        for code, budget in zip(members, budgets, strict=True):
            project_rows.extend(_province_year(d, code, year, float(budget)))
    projects = validate_projects(pd.DataFrame(project_rows), "demo generator")
    facts = aggregate(projects)
    # Output targets: the year's plan, set around what was achieved.
    outputs = facts["indicator"].isin(
        ["trainees", "participants", "models", "establishments", "jobs_created", "events"]
    )
    facts.loc[outputs, "planned"] = [
        round(v * d.u(0.85, 1.15)) for v in facts.loc[outputs, "actual"]
    ]
    facts["source"] = SOURCE
    fy_totals = add_totals(facts)
    m8 = pd.DataFrame(_m8_rows(d, fy_totals, members))
    facts = pd.concat([facts, m8], ignore_index=True)
    facts["unit"] = facts["indicator"].map(vocab.unit_of)
    facts["area_name"] = [
        provinces.province_name(c, y)
        for c, y in zip(facts["area_code"], facts["year"], strict=True)
    ]
    facts["qualifier"] = ""
    facts["source"] = SOURCE
    facts["note"] = facts["note"].fillna("")
    facts = facts.sort_values(list(FACTS_KEY), kind="stable").reset_index(drop=True)
    facts = validate_facts(facts[list(FACTS_COLUMNS)], "demo generator")
    _check_scale(facts)
    return facts, projects


def _check_scale(facts: pd.DataFrame) -> None:
    """Refuse to write a panel whose spending is out of the plausible range."""
    from kcanalysis.aggregate import add_totals

    t = add_totals(facts)
    spend = t[
        (t["period"] == "FY")
        & (t["level"] == "ALL")
        & (t["activity"] == "ALL")
        & (t["indicator"] == "budget_kc")
    ]
    per_year = spend.groupby("year")["actual"].sum()
    if not spend["actual"].between(1000, 25000).all() or not per_year.between(30000, 60000).all():
        raise DataError(
            "demo generator: spending out of range (province 1.000-25.000, region "
            f"30.000-60.000 million VND): {spend['actual'].min()}-{spend['actual'].max()}, "
            f"region {per_year.min()}-{per_year.max()}"
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
