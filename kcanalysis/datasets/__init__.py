"""Built-in data: real published figures, the CPI, and the synthetic demo panel.

- `load_published()`: real khuyến công figures from public sources, each row citing its
  source (including the seed article's January-August 2011 regional figures).
- `load_demo()`: a SYNTHETIC MTTN panel, 2011-2026, made by the seeded generator in
  `generate_demo`: the 15 pre-merger provinces to June 2025 (vintage "2008") and their 8
  post-merger units from FY 2025 (vintage "2025"); every row's `source` says
  "synthetic demo".
- `load_cpi()` and `deflate()`: Viet Nam's CPI and constant-price conversion.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from kcanalysis.data_names import BUILTIN, BUILTIN_FILES
from kcanalysis.datasets.cpi import deflate, load_cpi
from kcanalysis.schema import (
    PROJECT_MONEY,
    PROJECT_OUTPUTS,
    Dataset,
    validate_facts,
    validate_projects,
)

SYNTHETIC_MARK = "synthetic demo"


def _read_csv(name: str) -> pd.DataFrame:
    path = resources.files("kcanalysis") / "data" / name
    with path.open(encoding="utf-8") as fh:
        return pd.read_csv(
            fh,
            dtype={
                "area_code": str,
                "qualifier": str,
                "note": str,
                "source": str,
                "title": str,
                "beneficiary": str,
            },
            keep_default_na=False,
            na_values={
                c: [""]
                for c in (
                    "planned",
                    "actual",
                    *PROJECT_MONEY,
                    *PROJECT_OUTPUTS,
                    "completion_pct",
                    "planned_end",
                    "actual_end",
                )
            },
        )


#: Real, sourced figures: the 2011–2019 set and the 2020s set, each row citing its page.
PUBLISHED_FILES = ("published_figures.csv", "published_figures_2020s.csv")


@cache
def _published() -> pd.DataFrame:
    frames = [validate_facts(_read_csv(name), name) for name in PUBLISHED_FILES]
    return validate_facts(pd.concat(frames, ignore_index=True), " + ".join(PUBLISHED_FILES))


@cache
def _demo() -> Dataset:
    facts = validate_facts(_read_csv("demo_facts.csv"), "demo_facts.csv")
    projects = validate_projects(_read_csv("demo_projects.csv"), "demo_projects.csv")
    return Dataset(facts, projects)


def load_published() -> pd.DataFrame:
    """Return the real, sourced khuyến công figures as validated `facts`.

    Each row's `source` names the article or page it came from; money is in million VND;
    "hơn"/"trên" (more than) is qualifier ">". The `vintage` column says which map a
    figure's territory belongs to: "2008" for the provinces before 1 July 2025 (Bình Định
    is 52 there), "2025" for the units after (52 is Gia Lai). Figures of 2020–2030 come
    from ``published_figures_2020s.csv``, each checked against its page (see
    ``docs/published_figures_2020s.md``); two pages disagree on Đắk Lắk's 2021–2025 total
    and both are kept, each with a note.
    """
    return _published().copy()


def load_demo(totals: bool = False) -> Dataset:
    """Return the SYNTHETIC demonstration panel as ``Dataset(facts, projects)``.

    **Totals.** As `kcanalysis.load` does with a file, the facts are the rows as made:
    per funding level (KCQG, KCDP) and activity, with level or activity totals only where
    the generator wrote them. They are NOT complete totals: filter on ``level == "ALL"``
    and ``activity == "ALL"`` only after `kcanalysis.add_totals`, or pass
    ``totals=True``, which adds every missing level and activity total (as the reports
    do). `kcanalysis.load(path, totals=True)` does the same for a file, and returns the
    same `Dataset` shape: ``load(path).projects`` is a file's project list, as
    ``projects`` here, with the same columns, dtypes and validation.

    MTTN, 2011-2026, on both sides of the 1 July 2025 merger:

    - the 15 pre-merger provinces (vintage "2008"): full-year (FY) rows 2011-2024,
      January-August (M8) rows for 2011, which add up exactly to the seed article's
      regional figures, and January-June (M6) rows for 2024 and 2025, their last period;
    - their 8 successor units (vintage "2025"; 44 Quảng Trị, 46 Huế, 48 Đà Nẵng,
      51 Quảng Ngãi, 52 Gia Lai, 56 Khánh Hòa, 66 Đắk Lắk, 68 Lâm Đồng): FY 2025 and
      FY 2026, each unit reporting the whole year for its whole territory.

    Codes were reused (52 is Bình Định to June 2025, Gia Lai from FY 2025), so an area is
    its `area_code` with its `vintage`. Bình Thuận (60), part of new Lâm Đồng, is not in
    the panel. Projects of 2025 and 2026 carry the new unit's code. The numbers are
    invented; every row's `source` says "synthetic demo".

    Parameters
    ----------
    totals : bool
        Add the missing level and activity totals (`kcanalysis.add_totals`).

    Returns
    -------
    Dataset
        ``facts`` (validated `facts`, totals only as made unless `totals`) and
        ``projects`` (the project lists of the panel).
    """
    data = _demo()
    facts = data.facts.copy()
    if totals:
        from kcanalysis.aggregate import add_totals

        facts = add_totals(facts)
    return Dataset(facts, data.projects.copy())


def data_files(data) -> list[Path]:
    """The files behind a `data` list: each path, and for `BUILTIN` the demo panel's."""
    pkg = Path(str(resources.files("kcanalysis"))) / "data"
    out: list[Path] = []
    for item in data:
        if str(item) == BUILTIN:
            out.extend(pkg / name for name in BUILTIN_FILES)
        else:
            out.append(Path(item))
    return out


def is_synthetic(facts: pd.DataFrame) -> bool:
    """Return True if any row of `facts` comes from the synthetic demo panel."""
    return bool(facts["source"].str.contains(SYNTHETIC_MARK, regex=False).any())


__all__ = [
    "BUILTIN",
    "BUILTIN_FILES",
    "PUBLISHED_FILES",
    "SYNTHETIC_MARK",
    "Dataset",
    "data_files",
    "deflate",
    "is_synthetic",
    "load_cpi",
    "load_demo",
    "load_published",
]
