"""Layout 3: the summary report (báo cáo kết quả): rows are activities under level sections,
columns are groups ("Kế hoạch", "Thực hiện", "Ước TH", "Lũy kế") over indicators ("Số đề
án", "Kinh phí")."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from kcanalysis import vocab
from kcanalysis.aggregate import combine_qualifiers
from kcanalysis.errors import DataError
from kcanalysis.ingest.areas import figure_vintage, same_territory, territory_change, when
from kcanalysis.ingest.canonical import mark_top
from kcanalysis.ingest.cells import shown
from kcanalysis.ingest.conversion import Job, area_name
from kcanalysis.ingest.numbers import parse_column
from kcanalysis.ingest.period_words import header_period
from kcanalysis.ingest.row_labels import (
    activity_of_label,
    depth,
    is_grand_total,
    is_note,
    is_subtotal,
    level_of_text,
    split_numbering,
)
from kcanalysis.ingest.structure import (
    Marker,
    check_totals,
    has_number,
    sections_state,
    state_of,
)
from kcanalysis.ingest.tables import Column
from kcanalysis.ingest.values import kind_of, money_factor, negative, read_values, source_text
from kcanalysis.periods import vintage_label
from kcanalysis.schema import FACTS_COLUMNS

#: group -> (field, qualifier); "actual" wins over "estimate" for the same period.
_GROUPS = {
    "planned": ("planned", ""),
    "actual": ("actual", ""),
    "estimate": ("actual", "~"),
    "cumulative": ("actual", ""),
}


def convert(job: Job) -> pd.DataFrame:
    """Convert a summary table to (unvalidated) facts rows; record every row."""
    t = job.table
    mark_top(job)
    targets = _targets(job, [c for c in t.columns if c.group])
    label_col = t.get("label").col
    stt_col = t.get("stt").col if t.get("stt") else None
    vals = job.values
    body = np.arange(t.first_data, len(vals))
    data_cols = [c for c, _ in targets]
    rows = _read_rows(job, body, label_col, stt_col, data_cols)
    last_value = max((r["pos"] for r in rows if r["values"]), default=-1)
    markers, items = [], []
    for k, r in enumerate(rows):
        pos, label = r["pos"], r["label"]
        if r["blank"]:
            job.structural([pos], "blank")
        elif is_subtotal(label):
            markers.append(
                Marker(
                    pos,
                    "total" if is_grand_total(label) else "subtotal",
                    label,
                    level=level_of_text(label),
                )
            )
        elif level_of_text(r["body"]) and not activity_of_label(label):
            markers.append(Marker(pos, "level", label, level=level_of_text(r["body"])))
        elif r["activity"]:
            end = _children_end(rows, k)
            if end is not None:
                markers.append(Marker(pos, "activity", label, activity=r["activity"], end=end))
            else:
                items.append(r)
        elif r["values"]:
            parent = _parent(rows, k)
            if parent is not None:
                r["activity"] = parent["activity"]
                items.append(r)
            else:
                job.quarantine(
                    pos,
                    label_col,
                    f"activity {shown(label)} is not recognised; add its "
                    "words to vocab.ACTIVITY_KEYWORDS",
                )
        elif pos > last_value or is_note(label):
            job.structural([pos], "note")
        else:
            markers.append(Marker(pos, "section", label))
    for m in markers:
        job.structural([m.pos], "section" if m.kind in ("level", "section") else "subtotal")
    return _facts(job, targets, markers, items, label_col)


def _read_rows(job: Job, body, label_col, stt_col, data_cols) -> list[dict]:
    rows = []
    for pos in body:
        raw = job.values[pos]
        label = raw[label_col]
        label = str(label).strip() if label is not None else ""
        stt = raw[stt_col] if stt_col is not None else None
        number, text = split_numbering(label)
        if stt is not None:
            number = stt
        rows.append(
            {
                "pos": int(pos),
                "label": label,
                "body": text or label,
                "depth": depth(number) or 2,
                "blank": all(v is None for v in raw),
                "values": any(has_number(raw[c]) for c in data_cols),
                "activity": activity_of_label(label) if label else None,
            }
        )
    return rows


def _children_end(rows: list[dict], k: int) -> int | None:
    """Return where the deeper rows under row k end, or None if it has none."""
    d = rows[k]["depth"]
    j = k + 1
    while (
        j < len(rows)
        and (rows[j]["blank"] or rows[j]["depth"] > d)
        and not is_subtotal(rows[j]["label"])
    ):
        j += 1
    deeper = [r for r in rows[k + 1 : j] if not r["blank"]]
    if not deeper:
        return None
    return rows[j]["pos"] if j < len(rows) else rows[-1]["pos"] + 1


def _parent(rows: list[dict], k: int) -> dict | None:
    d = rows[k]["depth"]
    for r in reversed(rows[:k]):
        if r["blank"]:
            continue
        if r["depth"] < d:
            return r if r["activity"] else None
    return None


class Target(NamedTuple):
    """What a data column holds: the figure's year, period, field ("planned"/"actual"),
    qualifier, indicator, money factor, and the area and map it is about."""

    year: int | None
    period: str
    field: str
    qualifier: str
    indicator: str
    factor: float
    area: str | None
    vintage: str


def _targets(job: Job, columns: list[Column]) -> list[tuple[int, Target]]:
    """Return (column, Target) per data column; warn about the columns not loaded."""
    out, seen = [], {}
    for c in sorted(columns, key=lambda c: c.group != "actual"):
        field, qualifier = _GROUPS[c.group]
        period, year = header_period(c.group or "", c.group_text, job.year, job.period)
        ref = f"{job.name}: {job.ref(job.table.header[0], c.col)}"
        if period is None:
            job.report.warn(
                ref,
                f"column group {shown(c.header)}: the start of the cumulative period is "
                "not given (e.g. 'Lũy kế 2016-2020'); not loaded",
            )
            continue
        area, vintage = _area_of_column(job, year, period)
        if area is None and job.area is not None:
            job.report.warn(
                ref,
                f"column {shown(c.header)} gives figures for {when(year, period)} "
                f"({vintage_label(vintage, 'en')}), but the table's area changed in the "
                f"merger ({territory_change(job.area, job.area_vintage)}); not loaded. Take "
                f"the figures for {when(year, period)} from the report of the unit of that "
                "period",
            )
            continue
        key = (year, period, field, c.target)
        if key in seen:
            job.report.warn(
                f"{job.name}: {job.ref(job.table.header[0], c.col)}",
                f"column {shown(c.header)} gives the same figure as column "
                f"{job.ref(job.table.header[0], seen[key])}; not loaded",
            )
            continue
        seen[key] = c.col
        unit = vocab.INDICATORS[c.target].unit
        factor = money_factor(c.unit, job.money_factor) if unit == vocab.MONEY_UNIT else 1.0
        target = Target(year, period, field, qualifier, c.target, factor, area, vintage)
        out.append((c.col, target))
    return sorted(out)


def _area_of_column(job: Job, year: int | None, period: str) -> tuple[str | None, str]:
    """Return (area, vintage) of a column's figures: the table's area, moved to the map
    of the column's period where its territory is unchanged; (None, vintage) where it
    changed (Phú Yên's plan for FY 2025 in its report for the first six months)."""
    vintage = job.area_vintage
    if year is None or job.area is None:
        return job.area, vintage
    own = figure_vintage(year, period, vintage)
    return same_territory(job.area, vintage, own), own


def _facts(job: Job, targets, markers, items, label_col) -> pd.DataFrame:
    heading_pos, levels, _ = sections_state(markers)
    item_pos = np.array([r["pos"] for r in items], dtype=int)
    ok = np.ones(len(items), dtype=bool)
    parsed = {}
    for c, target in targets:
        kind = kind_of(target.indicator)
        column = job.values[item_pos, c] if len(item_pos) else []

        def bad(j: int, reason: str, c: int = c) -> None:
            if ok[j]:
                job.quarantine(int(item_pos[j]), c, reason)
            ok[j] = False

        def warn(j: int, text: str, c: int = c) -> None:
            job.warn(int(item_pos[j]), c, text)

        parsed[c] = read_values(column, kind, target.factor, target.indicator, bad, warn)
    kinds = {c: kind_of(t.indicator) for c, t in targets}
    factors = {c: t.factor for c, t in targets}
    columns = {c: parsed[c].values for c in parsed}
    lone = check_totals(job, markers, item_pos, columns, kinds, factors, ~ok)
    records = []
    item_levels = state_of(item_pos, heading_pos, levels)
    for i, r in enumerate(items):
        if ok[i]:
            figures = {c: (parsed[c].values[i], parsed[c].qualifiers[i]) for c in parsed}
            records.append((r["pos"], item_levels[i] or job.level or "ALL", r["activity"], figures))
    for pos in lone:
        level = next(m.level for m in markers if m.pos == pos) or job.level or "ALL"
        figures = {}
        for c, _ in targets:
            res = parse_column([job.values[pos][c]], kinds[c], factors[c])
            figures[c] = (res.values[0], res.qualifiers[0])
        below = [(c, t) for c, t in targets if figures[c][0] < 0]
        if below:  # a section total with figures is checked like any item row
            c, t = below[0]
            job.quarantine(pos, c, negative(figures[c][0], t.indicator))
            continue
        records.append((pos, level, "ALL", figures))
    job.mark([p for p, *_ in records])
    return _to_facts(job, targets, records, label_col)


def _to_facts(job: Job, targets, records, label_col) -> pd.DataFrame:
    if job.area is None:
        raise DataError(
            f"{job.name}: the summary names no province in its title; pass "
            "province=... (e.g. --province 'Lâm Đồng')."
        )
    acc: dict[tuple, dict] = {}
    for pos, level, activity, figures in records:
        for c, t in targets:
            year, period, field, qualifier, indicator = t[:5]
            value, q = figures[c]
            if np.isnan(value):
                continue
            if year is None:
                raise DataError(
                    f"{job.name}: no year in the title, the column headers or the "
                    "arguments; pass year=..."
                )
            key = (year, period, level, activity, indicator)
            entry = acc.setdefault(key, {"planned": [], "actual": [], "q": [], "rows": set()})
            entry[field].append(value)
            entry["q"].append(q or qualifier)
            entry["rows"].add(int(job.rows[pos]))
            if qualifier == "~":
                entry["estimate"] = True
            entry.setdefault("pos", pos)
            entry["area"], entry["vintage"] = t.area, t.vintage
    out = []
    for (year, period, level, activity, indicator), e in sorted(acc.items()):
        name, reason = area_name(e["area"], year, period, e["vintage"])
        if reason:
            raise DataError(f"{job.name}: {reason}")
        rows = sorted(e["rows"])
        out.append(
            {
                "area_code": e["area"],
                "area_name": name,
                "vintage": e["vintage"],
                "year": year,
                "period": period,
                "level": level,
                "activity": activity,
                "indicator": indicator,
                "unit": vocab.INDICATORS[indicator].unit,
                "planned": float(sum(e["planned"])) if e["planned"] else np.nan,
                "actual": float(sum(e["actual"])) if e["actual"] else np.nan,
                "qualifier": combine_qualifiers(e["q"]),
                "source": source_text(job.name, job.grid.sheet, rows),
                "note": "actual is an estimate (Ước TH)" if e.get("estimate") else "",
            }
        )
    facts = pd.DataFrame(out, columns=list(FACTS_COLUMNS))
    if len(facts):
        first = [e["pos"] for _, e in sorted(acc.items())]
        job.check_ratios(first, facts["planned"], facts["actual"], label_col)
    return facts
