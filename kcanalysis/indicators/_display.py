"""Display helpers of the indicator results: area names and vocabulary order."""

from __future__ import annotations

import pandas as pd

from kcanalysis import provinces, vocab
from kcanalysis.errors import UnknownProvinceError


def area_names(facts: pd.DataFrame) -> dict[tuple[str, int, str], str]:
    """Return the first `area_name` given for each (area_code, year, period) of `facts`.

    The period matters in 2025: code 52 is Bình Định in M6 and Gia Lai in FY.
    """
    names = facts.drop_duplicates(["area_code", "year", "period"])
    return {
        (c, int(y), str(p)): n
        for c, y, p, n in zip(
            names["area_code"], names["year"], names["period"], names["area_name"], strict=True
        )
    }


def attach_area_name(df: pd.DataFrame, names: dict[tuple[str, int, str], str]) -> pd.DataFrame:
    """Insert `area_name` after `area_code` (from `names`, else the province registry)."""
    out = df.copy()
    labels = []
    periods = out["period"] if "period" in out.columns else pd.Series("FY", index=out.index)
    for code, year, period in zip(out["area_code"], out["year"], periods, strict=True):
        name = names.get((code, int(year), str(period)))
        if name is None:
            try:
                name = provinces.area_label(code, int(year), period=str(period))
            except UnknownProvinceError:  # an unknown code keeps its code as its name
                name = str(code)
        labels.append(name)
    if "area_name" in out.columns:
        out = out.drop(columns="area_name")
    out.insert(out.columns.get_loc("area_code") + 1, "area_name", labels)
    out["area_name"] = out["area_name"].astype("str")
    return out


_ORDER = {
    "level": {c: i for i, c in enumerate(vocab.LEVELS)},
    "activity": {c: i for i, c in enumerate(vocab.ACTIVITIES)},
    "indicator": {c: i for i, c in enumerate(vocab.INDICATORS)},
    "output": {c: i for i, c in enumerate(vocab.INDICATORS)},
}


def sort_result(df: pd.DataFrame) -> pd.DataFrame:
    """Sort by area, year, period, then level, activity and indicator in vocabulary order."""
    cols = [
        c
        for c in ("area_code", "year", "period", "level", "activity", "indicator", "output")
        if c in df.columns
    ]

    def key(s: pd.Series) -> pd.Series:
        order = _ORDER.get(s.name)
        return s.map(lambda v: order.get(v, len(order))) if order else s

    return df.sort_values(cols, key=key, kind="stable").reset_index(drop=True)
