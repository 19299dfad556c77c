"""Layout 1: the canonical long table (`facts` columns, English or Vietnamese headers)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import vocab
from kcanalysis.errors import DataError
from kcanalysis.ingest import canonical_periods, headers
from kcanalysis.ingest.areas import parse_vintage, vintage_in, when
from kcanalysis.ingest.cells import shown
from kcanalysis.ingest.conversion import Job, area_name, area_of
from kcanalysis.ingest.numbers import QUALIFIER_SYMBOLS, QUALIFIER_WORDS
from kcanalysis.ingest.period_words import period_of
from kcanalysis.ingest.row_labels import is_note, level_of_text
from kcanalysis.ingest.unit_line import parse_unit
from kcanalysis.ingest.values import read_values
from kcanalysis.normalize import fold_words
from kcanalysis.periods import vintage_label, vintage_of
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

    heads = canonical_periods.header_when(job, col)
    row_period, head_year = canonical_periods.main_when(heads, col, job.period or "FY")
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
        "FY, M1..M11, Q1..Q4, H1, H2 or P<start>-<end> (or words: '6 tháng đầu năm', "
        "'quý III', '6 tháng cuối năm', 'cả năm')",
        default=row_period,
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
        canonical_periods.year_from_headers(job, col)
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
    periods = frame["period"].to_numpy()
    ok[live[~job.check_years(pos[live], years[live], ycol, periods[live])]] = False
    frame["year"] = years
    # vintage and area; a row's area is read for its actual's period (and year, if named)
    area_years = years if head_year is None else np.full(len(pos), head_year)
    given = _vintages(cells, col, frame, area_years, ok, bad)
    _areas(job, pos, cells, col, frame, ok, bad, area_years, given)
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
    key_cols = [*FACTS_KEY, "vintage"]
    dup = kept.duplicated(key_cols, keep="first")
    if dup.any():
        firsts = kept[~dup].set_index(key_cols)["_pos"]
        for i in kept.index[dup]:
            key = tuple(frame.loc[i, key_cols])
            first_row = job.rows[firsts.loc[key]]
            bad(
                i,
                "indicator",
                f"duplicate of row {first_row}: same area, year, period, level, "
                "activity and indicator",
            )
    out = frame[ok]
    job.mark(pos[ok])
    pcol = col["actual"].col if "actual" in col else 0
    job.check_ratios(pos[ok], out["planned"], out["actual"], pcol)
    # Indexed by the rows' physical numbers, so that a schema message names the file's rows.
    out.index = pd.Index(job.rows[pos[ok]], name="row")
    out, lost = canonical_periods.apply(job, col, out, heads)
    for p, c, reason in lost:
        job.quarantine(p, c, reason)
    return out.reindex(columns=FACTS_COLUMNS)


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
    if fold_words(text) in _ALL_WORDS:
        return default or "ALL"
    return level_of_text(text)


def _year(value) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not (float(value).is_integer() and 0 < value < 10_000):
            return None
        return int(value)
    text = str(value).strip()
    return int(text) if text.isdecimal() and len(text) == 4 else None


def _vintages(cells, col, frame, years, ok, bad) -> list:
    """Read the vintage column (2008, 2025 or blank); return the vintages given (None where
    blank). A vintage must be that of the row's period, except with a programme period
    (P<a>-<b>), whose total may be an old province's or a new unit's."""
    n = len(frame)
    given: list = [None] * n
    if "vintage" not in col:
        return given
    periods = frame["period"].to_numpy()
    for i, v in enumerate(cells["vintage"]):
        if not ok[i]:
            continue
        vintage, reason = parse_vintage(v)
        if reason:
            bad(i, "vintage", reason)
        elif vintage and not periods[i].startswith("P"):
            own = vintage_of(int(years[i]), periods[i])
            if vintage != own:
                bad(
                    i,
                    "vintage",
                    f"vintage {vintage} does not fit {when(years[i], periods[i])}, a period "
                    f"of the map {vintage_label(own, 'en')} ({own}); write {own} or leave it "
                    "blank (only a programme period P<a>-<b> may be of either map)",
                )
            else:
                given[i] = vintage
        else:
            given[i] = vintage
    return given


def _areas(job: Job, pos, cells, col, frame, ok, bad, years, given) -> None:
    """Read the rows' areas for their (year, period, vintage); set area_code, area_name
    and vintage. `years` are the years the areas are read for (a header's, if named)."""
    n = len(pos)
    codes = np.full(n, None, dtype=object)
    periods = frame["period"].to_numpy()
    cache: dict = {}

    def lookup(value, i):
        key = (value, int(years[i]), periods[i], given[i])
        if key not in cache:
            cache[key] = area_of(value, *key[1:])
        return cache[key]

    for target in ("area_code", "area_name"):
        if target not in col:
            continue
        for i, v in enumerate(cells[target]):
            if not ok[i] or v is None:
                continue
            code, reason = lookup(v, i)
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
                known, _ = area_name(codes[i], int(years[i]), periods[i], given[i])
                bad(
                    i,
                    target,
                    f"area code {codes[i]} ({known or 'no unit'} in "
                    f"{when(years[i], periods[i])}) and area name {shown(v)} disagree",
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
        checked = job.area_codes(
            pos[live], codes[live], column, years[live], periods[live], [given[i] for i in live]
        )
        codes[live] = checked
        ok[live[[c is None for c in checked]]] = False
    names = np.full(n, "", dtype=object)
    vintages = np.array(
        [vintage_in(y, p, g) for y, p, g in zip(years, periods, given, strict=True)], dtype=object
    )
    named: dict = {}
    for i in np.flatnonzero(ok):
        key = (codes[i], int(years[i]), periods[i], vintages[i])
        if key not in named:
            named[key] = area_name(*key)
        names[i], reason = named[key]
        if reason:
            bad(i, target, reason)
    frame["area_code"] = codes
    frame["area_name"] = names
    frame["vintage"] = vintages


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

                    def bad_cell(j: int, reason: str, sel=sel, target: str = target) -> None:
                        bad(sel[j], target, reason)

                    def reading(j: int, text: str, sel=sel, target: str = target) -> None:
                        job.warn(pos[sel[j]], col[target].col, text, info=True)

                    parsed = read_values(raw[sel], kind, float(factor), target, bad_cell, reading)
                    values[sel] = parsed.values
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
    frame["unit"] = units
    frame["qualifier"] = quals
