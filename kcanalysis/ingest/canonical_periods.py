"""The periods a canonical table's headers give ("Kế hoạch năm 2025" beside "Thực hiện 6
tháng đầu năm 2025"), and what the 2025 merger makes of them.

A row then gives one figure per period. Its area was read for the actual's period (what the
report is about); a figure of a period of the other map is loaded only where the territory
did not change (Thừa Thiên Huế is Huế). Phú Yên's plan for FY 2025 is not loaded: FY 2025
belongs to the new Đắk Lắk, which also holds Phú Yên.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis.ingest.areas import figure_vintage, same_territory, territory_change, when
from kcanalysis.ingest.conversion import Job, area_name
from kcanalysis.ingest.period_words import header_period
from kcanalysis.periods import vintage_label

Heads = dict[str, tuple[str | None, int | None]]
_WORD = {"planned": "plan", "actual": "actual"}


def year_from_headers(job: Job, col: dict) -> None:
    """Take the table's year from "Kế hoạch năm 2017"-style headers (the latest named)."""
    named = [
        header_period(t, col[t].group_text, None, None)[1]
        for t in ("planned", "actual")
        if t in col and col[t].group_text
    ]
    named = [y for y in named if y is not None]
    if named:
        job.year = job.report.year = max(named)
        job.year_where = "the column headers"
        job.report.note(f"year {job.year} taken from the column headers")


def header_when(job: Job, col: dict) -> Heads | None:
    """Return {"planned": (period, year), "actual": (period, year)} from the headers' words,
    or None when no header has such words, or a period column sets the period."""
    worded = [t for t in ("planned", "actual") if t in col and col[t].group_text]
    if not worded:
        return None
    if "period" in col:
        job.report.note(
            f"the period column sets the period; the words in {col[worded[0]].header!r} "
            "are not read"
        )
        return None
    heads = {
        t: header_period(t, col[t].group_text if t in col else "", None, job.period)
        for t in ("planned", "actual")
    }
    for t in worded:
        period, year = heads[t]
        job.report.note(
            f"column {col[t].header!r} read as {t} for {period}" + (f" {year}" if year else "")
        )
    return heads


def main_when(heads: Heads | None, col: dict, period: str) -> tuple[str, int | None]:
    """Return the (period, year) a row's area is read for: the actual's, else the plan's."""
    if heads is None:
        return period, None
    found = heads["actual" if "actual" in col else "planned"]
    return found[0] or period, found[1]


def apply(job: Job, col: dict, out: pd.DataFrame, heads: Heads | None) -> tuple:
    """Give the rows the headers' periods; return (facts, lost), where `lost` lists the
    (position, column, reason) of rows none of whose figures could be loaded.

    When the plan and the actual are for the same period, that is the rows' period;
    otherwise each row gives a plan row and an actual row, each of its own period (and
    year, if named). `out` has the rows' positions in ``_pos``.
    """
    if heads is None:
        return out, []
    if heads["planned"] == heads["actual"]:
        period, year = heads["planned"]
        return out.assign(period=period, year=out["year"] if year is None else year), []
    parts, dropped = [], {}
    for t, other in (("planned", "actual"), ("actual", "planned")):
        period, year = heads[t]
        own = out["qualifier"] if "qualifier" in col else out[f"_q_{t}"]
        part = out[out[t].notna()].assign(period=period, qualifier=own, **{other: np.nan})
        if year is not None:
            part["year"] = year
        part, gone = _in_its_map(job, col, t, part)
        parts.append(part)
        for p in gone:
            dropped.setdefault(p, (col[t].col, gone[p]))
    facts = pd.concat(parts)
    lost = [(p, *dropped[p]) for p in sorted(set(out["_pos"]) - set(facts["_pos"]))]
    return facts, lost


def _in_its_map(job: Job, col: dict, t: str, part: pd.DataFrame) -> tuple:
    """Move a part's figures to the map of their period, or drop them where the row's
    territory changed in the merger (a warning on the column says so).

    Returns the part and {position: reason} of the figures dropped.
    """
    if part.empty:
        return part, {}
    own = [
        figure_vintage(y, p, v)
        for y, p, v in zip(part["year"], part["period"], part["vintage"], strict=True)
    ]
    keep = np.ones(len(part), dtype=bool)
    codes, names = part["area_code"].to_numpy(copy=True), part["area_name"].to_numpy(copy=True)
    counts: dict[tuple, int] = {}
    gone: dict[int, str] = {}
    rows = part[["_pos", "area_code", "vintage", "year", "period"]].itertuples(index=False)
    for i, (pos, code, vintage, year, period) in enumerate(rows):
        if own[i] == vintage:
            continue
        moved = same_territory(code, vintage, own[i])
        if moved is not None:
            codes[i], names[i] = moved, area_name(moved, year, period)[0]
            continue
        keep[i] = False
        key = (code, vintage, when(year, period), own[i])
        counts[key] = counts.get(key, 0) + 1
        gone[int(pos)] = (
            f"the {_WORD[t]} in column {col[t].header!r} is for {key[2]}, and "
            f"{territory_change(code, vintage)}: not loaded, and the row has no other figure"
        )
    for (code, vintage, span, other), n in counts.items():
        job.report.warn(
            f"{job.name}: {job.ref(job.table.header[0], col[t].col)}",
            f"column {col[t].header!r} gives the {_WORD[t]} figures for {span} "
            f"({vintage_label(other, 'en')}), but the rows' area changed in the merger "
            f"({territory_change(code, vintage)}): {n} figure(s) not loaded. Take the "
            f"figures for {span} from the report of the unit of that period",
        )
    return part.assign(area_code=codes, area_name=names, vintage=own)[keep], gone
