"""Layout 2: the project list (danh sách đề án), one row per project, under optional section
headings that set the level and activity. Returns facts (via `aggregate`) and projects."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from kcanalysis import vocab
from kcanalysis.aggregate import aggregate
from kcanalysis.ingest.breakdown import check_breakdowns, join_wrapped
from kcanalysis.ingest.canonical import mark_top
from kcanalysis.ingest.conversion import Job
from kcanalysis.ingest.numbers import plain_floats
from kcanalysis.ingest.project_fields import (
    COUNTS,
    MONEY,
    Rows,
    check_percentages,
    find_duplicates,
    is_plan_list,
    read_amounts,
    read_level_activity,
    read_status_dates,
    read_year_area,
)
from kcanalysis.ingest.report import column_letter
from kcanalysis.ingest.row_labels import is_breakdown_start
from kcanalysis.ingest.structure import (
    Marker,
    check_totals,
    classify,
    has_number,
    sections_state,
    state_of,
)
from kcanalysis.ingest.values import source_text
from kcanalysis.schema import PROJECTS_COLUMNS, empty_facts, validate_projects


def convert(job: Job) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Convert a project list; return (facts, projects), recording every row."""
    t = job.table
    mark_top(job)
    vals = job.values
    body = np.arange(t.first_data, len(vals))
    col = {c.target: c.col for c in t.columns if c.target != "budget_kc"}
    value_cols = [c for c in t.columns if c.target in MONEY + COUNTS + ("completion_pct",)]
    title = _column(vals, body, col.get("title"))
    stt = _column(vals, body, col.get("stt"))
    item_like = np.zeros(len(body), dtype=bool)
    for target in ("beneficiary", "location"):
        if target in col:
            item_like |= _present(_column(vals, body, col[target]))
    stt_num = plain_floats(stt) if infer_dtype(stt, skipna=False) == "string" else None
    if stt_num is None:
        stt_num = pd.to_numeric(pd.Series(stt, dtype=object), errors="coerce").to_numpy(float)
    arabic = np.isfinite(stt_num) & (stt_num == np.round(stt_num))
    fast = arabic & _present(title) & (item_like | ("beneficiary" not in col))
    items, markers, breakdowns, wrapped = _sort_rows(
        job, body, fast, title, stt, item_like, value_cols
    )
    for m in markers:
        job.structural(
            [m.pos], "section" if m.kind in ("level", "activity", "section") else "subtotal"
        )
    if not len(items):
        return _empty()
    rows = _fields(job, items, markers, wrapped)
    frame, ok = rows.frame, rows.ok
    columns = {
        c.col: frame[f"{c.target}@{c.col}"].to_numpy()
        for c in value_cols
        if c.target in MONEY + COUNTS
    }
    kinds = {
        c.col: "money" if c.target in MONEY else "count" for c in value_cols if c.col in columns
    }
    factors = {c.col: _factor(job, c) for c in value_cols if c.col in columns}
    lone = check_totals(job, markers, items, columns, kinds, factors, ~ok)
    check_breakdowns(job, breakdowns, frame, ok, value_cols, kinds, factors)
    for pos in lone:
        job.report.quarantine(
            int(job.rows[pos]),
            col.get("title", 0),
            "section carries figures but lists no project under it; give the "
            "projects or load it as a summary table",
            list(vals[pos]),
        )
    projects = frame.loc[ok, list(PROJECTS_COLUMNS)].reset_index(drop=True)
    job.mark(items[ok])
    for c in t.columns:
        if c.target in ("classes", "location", "note"):
            job.report.note(
                f"column {column_letter(c.col)} ({c.header!r}) is read but not "
                "stored: the project table has no field for it"
            )
    projects = validate_projects(projects, job.name)
    # The facts' sources are written below, compactly; aggregate need not list every row.
    facts = aggregate(projects.assign(source=job.name), period=job.period or "FY")
    facts["source"] = _sources(job, projects, job.rows[items[ok]], facts)
    if is_plan_list(rows):  # a plan says what is to be done, nothing about what was done
        facts = facts.assign(actual=np.nan)
        facts = facts[facts["planned"].notna()].reset_index(drop=True)
    elif "status" not in col:
        # Without a status column nothing says which projects were accepted (nghiệm thu):
        # their number is missing, never 0.
        facts = facts[facts["indicator"] != "projects_accepted"].reset_index(drop=True)
    return facts, projects


def _sort_rows(job: Job, body, fast, title, stt, item_like, value_cols) -> tuple:
    """Sort the rows below the header into projects, headings and subtotals (markers),
    breakdown rows and wrapped name lines; mark the structural ones in the report.

    Returns (item positions, markers, breakdown rows, wrapped name lines per item).
    """
    vals = job.values
    markers: list[Marker] = []
    fast_pos = body[fast]
    found: set[int] = set()  # items found in the loop below (fast_pos holds the others)

    def is_item(p: int) -> bool:
        at = int(np.searchsorted(fast_pos, p))
        return p in found or (at < len(fast_pos) and fast_pos[at] == p)

    breakdown_from = None  # position of the "Trong đó" row of the breakdown being read
    breakdowns: list[Marker | int] = []
    wrapped: dict[int, list[str]] = {}  # item position -> name lines wrapped below it
    owner: dict[int, int] = {}  # wrapped row -> the item it continues
    for i in np.flatnonzero(~fast):
        pos = int(body[i])
        label = title[i] if isinstance(title[i], str) else None
        stt_text = "" if stt[i] is None else str(stt[i]).strip()
        has_values = any(has_number(vals[pos][c.col]) for c in value_cols)
        if breakdown_from is not None and _any_between(fast_pos, breakdown_from, pos):
            breakdown_from = None  # projects again: the breakdown has ended
        if is_breakdown_start(label or stt_text):
            breakdown_from = pos
            if not has_values:
                job.structural([pos], "breakdown")
                continue
        kind = classify(job, pos, label, stt[i], has_values, bool(item_like[i]))
        if breakdown_from is not None and kind not in ("blank", "note") and not item_like[i]:
            breakdowns.append(kind if isinstance(kind, Marker) else pos)
            job.structural([pos], "breakdown")
        elif kind in ("blank", "note"):
            job.structural([pos], kind)
        elif isinstance(kind, Marker):
            markers.append(kind)
        elif title[i] is None and not has_values:
            job.structural([pos], "note")
        elif (
            label
            and not stt_text
            and not has_values
            and not item_like[i]
            and is_item(owner.get(pos - 1, pos - 1))
        ):
            # Only a name, right under a project: its name wrapped onto a second row.
            owner[pos] = owner.get(pos - 1, pos - 1)
            wrapped.setdefault(owner[pos], []).append(label)
            job.structural([pos], "wrapped name")
        else:
            found.add(pos)
    items = np.sort(np.concatenate([fast_pos, np.fromiter(found, dtype=int, count=len(found))]))
    return items.astype(int), markers, breakdowns, wrapped


def _empty():
    return empty_facts(), None


def _column(vals: np.ndarray, positions, col: int | None) -> np.ndarray:
    if col is None:
        return np.full(len(positions), None, dtype=object)
    return vals[positions, col]


def _present(arr: np.ndarray) -> np.ndarray:
    return ~pd.isna(arr)


def _factor(job: Job, column) -> float:
    if column.unit is not None and column.unit.unit == vocab.MONEY_UNIT:
        return column.unit.factor
    return job.money_factor


def _any_between(positions: np.ndarray, lo: int, hi: int) -> bool:
    """Return True if a sorted array holds a value strictly between lo and hi."""
    return bool(np.searchsorted(positions, hi) > np.searchsorted(positions, lo, side="right"))


def _fields(job: Job, items: np.ndarray, markers, wrapped: dict[int, list[str]]) -> Rows:
    rows = Rows(job, items)
    heading_pos, levels, activities = sections_state(markers)
    kc_level = read_amounts(rows)
    read_level_activity(
        rows,
        kc_level,
        state_of(items, heading_pos, levels),
        state_of(items, heading_pos, activities),
    )
    titles = rows.texts("title")
    join_wrapped(titles, items, wrapped)
    rows.frame["title"] = titles
    rows.frame["beneficiary"] = rows.texts("beneficiary")
    read_year_area(rows)
    read_status_dates(rows)
    rows.frame["source"] = job.source(items)
    ids = rows.texts("project_id")
    rows.frame["project_id"] = np.where(ids == "", rows.frame["source"].to_numpy(), ids)
    find_duplicates(rows)
    check_percentages(rows)
    return rows


def _sources(job: Job, projects: pd.DataFrame, rows: np.ndarray, facts: pd.DataFrame) -> list[str]:
    """Return the source of each facts row: the rows of its projects ("f!S rows 5-9, 12")."""
    keys = ["area_code", "year", "level", "activity"]
    groups = projects.groupby(keys, sort=False).indices
    texts = {key: source_text(job.name, job.grid.sheet, rows[idx]) for key, idx in groups.items()}
    return [texts[tuple(key)] for key in facts[keys].itertuples(index=False)]
