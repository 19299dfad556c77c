"""Layout 1: the canonical long table (`facts` columns, English or Vietnamese headers)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import vocab
from kcanalysis.errors import DataError
from kcanalysis.ingest import headers
from kcanalysis.ingest.grid import shown
from kcanalysis.ingest.job import Job, area_name, area_of, header_period, period_of
from kcanalysis.ingest.numbers import QUALIFIER_SYMBOLS, QUALIFIER_WORDS, parse_column
from kcanalysis.ingest.sections import is_note, level_of_text
from kcanalysis.ingest.units import parse_unit
from kcanalysis.normalize import fold_words
from kcanalysis.schema import FACTS_COLUMNS, FACTS_KEY

_ALL_WORDS = frozenset(
    {
        "",
        "all",
        "tat ca",
        "tong",
        "tong cong",
        "tong so",
        "tat ca hoat dong",
        "tat ca cac cap",
        "chung",
    }
)


def _indicator_index() -> dict[str, str]:
    index = {fold_words(code): code for code in vocab.INDICATORS}
    for code, term in vocab.INDICATORS.items():
        index[fold_words(term.vi)] = code
        index[fold_words(term.en)] = code
    index.update(headers.SUMMARY_SUBS)
    return index


_INDICATORS = _indicator_index()


def mark_top(job: Job) -> None:
    """Mark the rows above the table (title or blank) and the header rows."""
    top = np.arange(job.table.header[0])
    empty = np.array([all(v is None for v in job.values[p]) for p in top], dtype=bool)
    job.structural(top[empty], "blank")
    job.structural(top[~empty], "title")
    job.structural(job.table.header, "header")


def mark_loose(job: Job, positions, last_data: int) -> None:
    """Mark rows without figures: blank, note (below the table or "Ghi chú: ..."), else
    quarantined as a stray row inside the table."""
    for pos in positions:
        cells = [v for v in job.values[pos] if v is not None]
        if not cells:
            job.structural([pos], "blank")
        elif pos > last_data or is_note(cells[0]):
            job.structural([pos], "note")
        else:
            col = next(i for i, v in enumerate(job.values[pos]) if v is not None)
            job.quarantine(pos, col, "row inside the table with no indicator and no amount")


def convert(job: Job) -> pd.DataFrame:
    """Convert a canonical table to (unvalidated) facts rows; record every row."""
    t = job.table
    mark_top(job)
    body = np.arange(t.first_data, len(job.values))
    key_cols = [c.col for c in t.columns if c.target in ("indicator", "planned", "actual")]
    has_key = np.array(
        [any(job.values[p][c] is not None for c in key_cols) for p in body], dtype=bool
    )
    pos = body[has_key]
    mark_loose(job, body[~has_key], pos.max() if len(pos) else -1)
    if not len(pos):
        return pd.DataFrame(columns=FACTS_COLUMNS)
    col = {c.target: c for c in t.columns}
    cells = {name: _cells(job, pos, c) for name, c in col.items()}
    ok = np.ones(len(pos), dtype=bool)
    frame = pd.DataFrame(index=range(len(pos)))

    def bad(i: int, target: str, reason: str) -> None:
        if ok[i]:
            job.quarantine(pos[i], col[target].col if target in col else 0, reason)
        ok[i] = False

    # indicator, activity, level, period
    frame["indicator"] = _lookup(
        cells,
        "indicator",
        lambda v: _INDICATORS.get(fold_words(v)),
        "indicator",
        bad,
        len(pos),
        "one of " + ", ".join(vocab.INDICATORS),
    )
    frame["activity"] = _lookup(
        cells,
        "activity",
        _activity,
        "activity",
        bad,
        len(pos),
        "a code or words listed in vocab.ACTIVITY_KEYWORDS",
        # With no activity column the rows are the programme's totals (a report of
        # indicators: "Số đề án", "Kinh phí", ... over all activities).
        default=None if "activity" in col else "ALL",
    )
    if "activity" not in col:
        job.report.note("no activity column: the rows are totals over all activities (ALL)")
    if "level" not in col and job.level is None:
        job.report.note(
            "no level column and no 'khuyến công quốc gia/địa phương' in the title: the rows "
            "are totals over both levels (ALL)"
        )
    frame["level"] = _lookup(
        cells,
        "level",
        lambda v: _level(v, job.level),
        "level",
        bad,
        len(pos),
        "KCQG, KCDP or ALL",
        default=job.level or "ALL",
    )
    frame["period"] = _lookup(
        cells,
        "period",
        period_of,
        "period",
        bad,
        len(pos),
        "FY, M1..M11 or P<start>-<end>",
        default=job.period or "FY",
    )
    if "period" in col and job.period is not None:
        for i in np.flatnonzero(ok & (frame["period"].to_numpy() != job.period)):
            bad(
                i,
                "period",
                f"period {frame['period'].iat[i]} differs from {job.period} given by "
                f"{job.period_where}",
            )
    # year
    if "year" not in col and job.year is None:
        _year_from_headers(job, col)
    years = np.full(len(pos), job.year if job.year is not None else -1, dtype=np.int64)
    if "year" in col:
        for i, v in enumerate(cells["year"]):
            y = _year(v)
            if y is None:
                bad(i, "year", f"year {shown(v)} is not a year")
            else:
                years[i] = y
    elif job.year is None:
        raise DataError(
            f"{job.name}: the table has no year column and its title names no year; "
            "pass year=... (e.g. `kcanalysis validate FILE --year 2017`)."
        )
    ycol = col["year"].col if "year" in col else 0
    live = np.flatnonzero(ok)
    ok[live[~job.check_years(pos[live], years[live], ycol)]] = False
    frame["year"] = years
    # area
    _areas(job, pos, cells, col, frame, ok, bad)
    # units and amounts
    _amounts(job, pos, cells, col, frame, ok, bad)
    frame["note"] = [("" if v is None else str(v)) for v in cells["note"]] if "note" in col else ""
    where = job.source(pos)
    if "source" in col:
        given = cells["source"]
        frame["source"] = [
            f"{g}; {w}" if g is not None else w for g, w in zip(given, where, strict=True)
        ]
    else:
        frame["source"] = where
    # duplicate keys within the file: the first row stands, later ones are quarantined
    frame["_pos"] = pos
    kept = frame[ok]
    dup = kept.duplicated(list(FACTS_KEY), keep="first")
    if dup.any():
        firsts = kept[~dup].set_index(list(FACTS_KEY))["_pos"]
        for i in kept.index[dup]:
            key = tuple(frame.loc[i, list(FACTS_KEY)])
            first_row = job.rows[firsts.loc[key]]
            bad(
                i,
                "indicator",
                f"duplicate of row {first_row}: same area, year, period, level, "
                "activity and indicator",
            )
    out = frame[ok].drop(columns="_pos")
    job.mark(pos[ok])
    pcol = col["actual"].col if "actual" in col else 0
    job.check_ratios(pos[ok], out["planned"], out["actual"], pcol)
    # Indexed by the rows' physical numbers, so that a schema message names the file's rows.
    out.index = pd.Index(job.rows[pos[ok]], name="row")
    return _header_periods(job, col, out)[list(FACTS_COLUMNS)]


def _year_from_headers(job: Job, col: dict) -> None:
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


def _header_periods(job: Job, col: dict, out: pd.DataFrame) -> pd.DataFrame:
    """Apply the periods that "Kế hoạch năm 2023" / "Thực hiện 6 tháng" headers give.

    Without such words (or with a period column, which wins) the rows stand. When the plan
    and the actual are for the same period, that is the rows' period; otherwise each row
    gives a plan row and an actual row, each of its own period (and year, if named).
    """
    worded = [t for t in ("planned", "actual") if t in col and col[t].group_text]
    if not worded:
        return out
    if "period" in col:
        job.report.note(
            f"the period column sets the period; the words in {col[worded[0]].header!r} "
            "are not read"
        )
        return out
    when = {
        t: header_period(t, col[t].group_text if t in col else "", None, job.period)
        for t in ("planned", "actual")
    }
    for t in worded:
        period, year = when[t]
        job.report.note(
            f"column {col[t].header!r} read as {t} for {period}" + (f" {year}" if year else "")
        )
    if when["planned"] == when["actual"]:
        period, year = when["planned"]
        return out.assign(period=period, year=out["year"] if year is None else year)
    parts = []
    for t, other in (("planned", "actual"), ("actual", "planned")):
        period, year = when[t]
        own = out["qualifier"] if "qualifier" in col else out[f"_q_{t}"]
        part = out[out[t].notna()].assign(period=period, qualifier=own, **{other: np.nan})
        if year is not None:
            part["year"] = year
        parts.append(part)
    return pd.concat(parts)


def _cells(job: Job, pos, column) -> list:
    if column is None:
        return [None] * len(pos)
    return [job.values[p][column.col] for p in pos]


def _lookup(cells, target, fn, what, bad, n, hint, default=None) -> list:
    if target not in cells:
        if default is None:
            return [None] * n
        return [default] * n
    out = []
    cache: dict = {}
    for i, v in enumerate(cells[target]):
        if v is None and default is not None:
            out.append(default)
            continue
        key = str(v).strip() if v is not None else ""
        if key not in cache:
            cache[key] = fn(key) if key else None
        code = cache[key]
        if code is None:
            bad(i, target, f"{what} {shown(v)} is not understood; use {hint}")
        out.append(code)
    return out


def _activity(text: str) -> str | None:
    if text.strip().upper() == "ALL" or fold_words(text) in _ALL_WORDS:
        return "ALL"
    return vocab.activity_of_text(text)


def _level(text: str, default: str | None) -> str | None:
    if text.upper() in vocab.LEVELS:
        return text.upper()
    key = fold_words(text)
    if key == "kcdp":
        return "KCDP"
    if key in _ALL_WORDS:
        return default or "ALL"
    return level_of_text(text)


def _year(value) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not (float(value).is_integer() and 0 < value < 10_000):
            return None
        return int(value)
    text = str(value).strip()
    return int(text) if text.isdecimal() and len(text) == 4 else None


def _areas(job: Job, pos, cells, col, frame, ok, bad) -> None:
    n = len(pos)
    codes = np.full(n, None, dtype=object)
    years = frame["year"].to_numpy()
    cache: dict = {}

    def lookup(value, year):
        key = (value, int(year))
        if key not in cache:
            cache[key] = area_of(value, int(year))
        return cache[key]

    for target in ("area_code", "area_name"):
        if target not in col:
            continue
        for i, v in enumerate(cells[target]):
            if not ok[i] or v is None:
                continue
            code, reason = lookup(v, years[i])
            unknown = reason.startswith("unknown province")
            if code is None and target == "area_name" and codes[i] is not None and unknown:
                job.warn(
                    pos[i],
                    col[target].col,
                    f"area name {shown(v)} is not recognised; the code {codes[i]} is used",
                )
            elif code is None:
                bad(i, target, reason)
            elif codes[i] is not None and codes[i] != code:
                known, _ = area_name(codes[i], int(years[i]))
                bad(
                    i,
                    target,
                    f"area code {codes[i]} ({known or 'no unit'} in {years[i]}) and area name "
                    f"{shown(v)} disagree",
                )
            else:
                codes[i] = code
    live = np.flatnonzero(ok)
    target = "area_code" if "area_code" in col else "area_name"
    column = col[target].col if target in col else 0
    if job.area is None:
        for i in live[[codes[i] is None for i in live]]:
            bad(
                i,
                target,
                "no area: the row, the title and the arguments name no province "
                "(pass province=...)",
            )
    else:
        checked = job.area_codes(pos[live], codes[live], column, years[live])
        codes[live] = checked
        ok[live[[c is None for c in checked]]] = False
    names = np.full(n, "", dtype=object)
    named: dict = {}
    for i in np.flatnonzero(ok):
        key = (codes[i], int(years[i]))
        if key not in named:
            named[key] = area_name(*key)
        names[i], reason = named[key]
        if reason:
            bad(i, target, reason)
    frame["area_code"] = codes
    frame["area_name"] = names


def _amounts(job: Job, pos, cells, col, frame, ok, bad) -> None:
    n = len(pos)
    units = np.full(n, "", dtype=object)
    factors = np.full(n, job.money_factor)
    indicators = frame["indicator"].to_numpy()
    given = cells["unit"] if "unit" in col else [None] * n
    for i in range(n):
        if not ok[i]:
            continue
        canonical = vocab.INDICATORS[indicators[i]].unit
        units[i] = canonical
        if given[i] is None:
            continue
        unit = parse_unit(given[i])
        if unit is None:
            bad(i, "unit", f"unit {shown(given[i])} is not understood")
        elif (unit.unit == vocab.MONEY_UNIT) != (canonical == vocab.MONEY_UNIT):
            bad(
                i,
                "unit",
                f"unit {shown(given[i])} does not fit indicator {indicators[i]} ({canonical})",
            )
        elif unit.unit == vocab.MONEY_UNIT:
            factors[i] = unit.factor
    money = np.array([ok[i] and units[i] == vocab.MONEY_UNIT for i in range(n)], dtype=bool)
    quals = np.full(n, "", dtype=object)
    for target in ("planned", "actual"):
        values = np.full(n, np.nan)
        own = np.full(n, "", dtype=object)  # this column's qualifiers
        raw = np.array(cells[target], dtype=object) if target in col else None
        if raw is not None:
            for kind, mask in (("money", money), ("count", ok & ~money)):
                for factor in np.unique(factors[mask]):
                    sel = np.flatnonzero(mask & (factors == factor))
                    parsed = parse_column(raw[sel], kind, float(factor))
                    values[sel] = parsed.values
                    for j, message in parsed.errors.items():
                        bad(sel[j], target, message)
                    for j, text, value, why in parsed.ambiguous:
                        job.warn(
                            pos[sel[j]],
                            col[target].col,
                            f"ambiguous {text!r} read as {value:g} million VND: {why}",
                        )
                    q = parsed.qualifiers
                    quals[sel] = np.where(q != "", q, quals[sel])
                    own[sel] = q
        frame[target] = values
        frame[f"_q_{target}"] = own
    if "qualifier" in col:
        for i, v in enumerate(cells["qualifier"]):
            if v is None or not ok[i]:
                continue
            text = str(v).strip()
            q = QUALIFIER_SYMBOLS.get(text, QUALIFIER_WORDS.get(fold_words(text)))
            if q is None and text not in vocab.QUALIFIERS:
                bad(i, "qualifier", f"qualifier {shown(text)} is not one of '>', '<', '~'")
            else:
                quals[i] = q if q is not None else text
    for i in np.flatnonzero(
        ok & frame["planned"].isna().to_numpy() & frame["actual"].isna().to_numpy()
    ):
        bad(
            i,
            "actual" if "actual" in col else "planned",
            "no figure: planned and actual are both empty",
        )
    cols = {t: col[t].col for t in ("planned", "actual") if t in col}
    live = np.flatnonzero(ok)
    ok[live[~job.check_amounts(pos[live], frame.iloc[live], cols)]] = False
    frame["unit"] = units
    frame["qualifier"] = quals
