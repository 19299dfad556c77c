"""The fields of a project list's rows: amounts, level, activity, year, province, status,
dates and duplicates. Columns are handled whole (unique values mapped once) so that long
lists load fast; a row that cannot be used is quarantined with the cell and the reason."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kcanalysis import vocab
from kcanalysis.errors import DataError
from kcanalysis.ingest import dates
from kcanalysis.ingest.cells import shown
from kcanalysis.ingest.conversion import Job, area_of
from kcanalysis.ingest.numbers import parse_column
from kcanalysis.ingest.row_labels import level_of_text
from kcanalysis.ingest.values import money_factor, read_values, tolerance
from kcanalysis.normalize import fold
from kcanalysis.schema import PROJECT_OUTPUTS

MONEY = ("budget_kc", "budget_counterpart", "budget_total", "disbursed")
COUNTS = PROJECT_OUTPUTS
VALUES = (*MONEY, *COUNTS, "completion_pct")
_STATUS = (
    ("da nghiem thu", "accepted"), ("nghiem thu", "accepted"), ("hoan thanh", "completed"),
    ("dang thuc hien", "ongoing"), ("dang trien khai", "ongoing"), ("chua trien khai", "planned"),
    ("chua thuc hien", "planned"), ("ke hoach", "planned"), ("huy", "cancelled"),
    ("dung", "cancelled"), ("khong thuc hien", "cancelled"),
)  # fmt: skip


class Rows:
    """The project rows being read: positions, a frame of fields and a mask of usable rows."""

    def __init__(self, job: Job, items: np.ndarray) -> None:
        self.job = job
        self.items = items
        self.ok = np.ones(len(items), dtype=bool)
        self.frame = pd.DataFrame(index=range(len(items)))
        self.col = {c.target: c.col for c in job.table.columns if c.target != "budget_kc"}

    def bad(self, i: int, col: int, reason: str) -> None:
        """Quarantine row i (once; later reasons are appended to the report's record)."""
        self.job.quarantine(int(self.items[i]), col, reason)
        self.ok[i] = False

    def cells(self, target: str) -> np.ndarray:
        """The raw cells of a column (None where absent)."""
        if target not in self.col:
            return np.full(len(self.items), None, dtype=object)
        return self.job.values[self.items, self.col[target]]

    def texts(self, target: str) -> np.ndarray:
        """A column as text ("" where empty)."""
        arr = self.cells(target).copy()
        arr[pd.isna(arr)] = ""
        if pd.api.types.infer_dtype(arr, skipna=False) == "string":
            return arr
        other = np.flatnonzero([not isinstance(v, str) for v in arr])
        arr[other] = [str(v) for v in arr[other]]
        return arr

    def mapped(self, target: str, fn) -> np.ndarray:
        """A column mapped through `fn` once per distinct value (None where empty)."""
        codes, uniq = pd.factorize(self.cells(target))  # -1 where empty
        table = np.full(len(uniq) + 1, None, dtype=object)
        for k, u in enumerate(uniq):
            table[k] = fn(str(u).strip())
        return table[codes]


def read_amounts(rows: Rows) -> np.ndarray:
    """Parse money and output columns; return the level each KP KCQG/KCĐP column implies."""
    job, frame = rows.job, rows.frame
    kc = np.full(len(rows.items), np.nan)
    kc_level = np.full(len(rows.items), None, dtype=object)
    for c in job.table.columns:
        if c.target not in VALUES:
            continue
        kind = (
            "money" if c.target in MONEY else "percent" if c.target == "completion_pct" else "count"
        )
        factor = money_factor(c.unit, job.money_factor)

        def bad(j: int, reason: str, col: int = c.col) -> None:
            rows.bad(j, col, reason)

        def warn(j: int, text: str, col: int = c.col) -> None:
            job.warn(int(rows.items[j]), col, text)

        cells = job.values[rows.items, c.col]
        parsed = read_values(cells, kind, factor, c.target, bad, warn)
        values = parsed.values
        for j in np.flatnonzero(parsed.qualifiers != ""):
            job.warn(
                int(rows.items[j]),
                c.col,
                f"{shown(job.values[rows.items[j], c.col])} is approximate "
                f"('{parsed.qualifiers[j]}'); the project list keeps {values[j]:g} "
                "without the qualifier",
            )
        frame[f"{c.target}@{c.col}"] = values
        if c.target != "budget_kc":
            frame[c.target] = values
            continue
        for j in np.flatnonzero(~np.isnan(values) & ~np.isnan(kc)):
            rows.bad(
                j, c.col, "extension money in two columns (KCQG and KCĐP); give one project per row"
            )
        take = np.isnan(kc) & ~np.isnan(values)
        kc[take] = values[take]
        kc_level[take] = c.level
    frame["budget_kc"] = kc
    for target in VALUES:
        if target not in frame:
            frame[target] = np.nan
    _derive_counterpart(rows)
    return kc_level


def _derive_counterpart(rows: Rows) -> None:
    frame = rows.frame
    total = frame["budget_total"].to_numpy()
    kc = frame["budget_kc"].to_numpy()
    cp = frame["budget_counterpart"].to_numpy()
    derive = np.isnan(cp) & ~np.isnan(total) & ~np.isnan(kc) & (total >= kc)
    frame.loc[derive, "budget_counterpart"] = np.round(total[derive] - kc[derive], 6)
    if derive.any():
        rows.job.report.note(
            f"counterpart funds computed as total - extension funds for "
            f"{int(derive.sum())} project(s)"
        )
    check = ~np.isnan(cp) & ~np.isnan(total) & ~np.isnan(kc) & rows.ok
    for i in np.flatnonzero(check & (np.abs(kc + cp - total) > tolerance(total))):
        rows.job.warn(
            int(rows.items[i]),
            rows.col.get("budget_total", 0),
            f"total {total[i]:g} is not extension {kc[i]:g} + counterpart {cp[i]:g}",
        )


def read_level_activity(rows: Rows, kc_level, sec_level, sec_activity) -> None:
    """Level from the KP column, the level column or the section (they must agree); activity
    from the activity column, the section heading, or the project title's words."""
    job, col = rows.job, rows.col
    given = rows.mapped("level", level_of_text)
    candidates = [np.asarray(kc_level, dtype=object), given, np.asarray(sec_level, dtype=object)]
    missing = [pd.isna(cand) for cand in candidates]
    level = np.full(len(rows.items), job.level, dtype=object)
    for cand, na in zip(reversed(candidates), reversed(missing), strict=True):
        level = np.where(na, level, cand)
    where = col.get("level", col.get("title", 0))
    for a in range(3):
        for b in range(a + 1, 3):
            x, y = candidates[a], candidates[b]
            both = ~missing[a] & ~missing[b]
            if not both.any():
                continue
            for i in np.flatnonzero(both & (x != y)):
                rows.bad(i, where, f"level conflict: {x[i]} vs {y[i]}")
    if pd.isna(level).all():
        raise DataError(
            f"{job.name}: cannot tell whether the projects are national (KCQG) or local (KCDP): "
            "no 'Khuyến công quốc gia/địa phương' heading, level column, KP KCQG/KCĐP column "
            "or title says so. Add a heading or a 'Cấp' column."
        )
    for i in np.flatnonzero(pd.isna(level)):
        rows.bad(i, where, "level unknown (KCQG or KCDP): no heading above it says")
    activity = rows.mapped("activity", vocab.activity_of_text)
    stated = ~pd.isna(rows.cells("activity"))
    for i in np.flatnonzero(stated & pd.isna(activity)):
        rows.bad(
            i,
            col["activity"],
            f"activity {shown(rows.cells('activity')[i])} is not understood; "
            "add its words to vocab.ACTIVITY_KEYWORDS",
        )
    activity = np.where(pd.isna(activity), np.asarray(sec_activity, dtype=object), activity)
    missing = pd.isna(activity) & ~stated
    if missing.any():
        from_title = rows.mapped("title", vocab.activity_of_text)
        activity = np.where(missing, from_title, activity)
        inferred = int((missing & ~pd.isna(from_title)).sum())
        if inferred:
            job.report.note(f"activity inferred from the project title for {inferred} project(s)")
    for i in np.flatnonzero(pd.isna(activity) & ~stated):
        rows.bad(
            i,
            col.get("title", 0),
            "activity unknown: no activity column, section heading "
            "or title words (vocab.ACTIVITY_KEYWORDS) name it",
        )
    rows.frame["level"] = level
    rows.frame["activity"] = activity


def read_year_area(rows: Rows) -> None:
    """Year and province from their columns, else from the title or the arguments."""
    job, col = rows.job, rows.col
    n = len(rows.items)
    years = np.full(n, job.year if job.year is not None else -1, dtype=np.int64)
    if "year" in col:
        parsed = parse_column(rows.cells("year"), "count")
        given = ~np.isnan(parsed.values)
        years[given] = parsed.values[given].astype(np.int64)
        for i, message in parsed.errors.items():  # a year cell that is no year
            rows.bad(i, col["year"], f"year: {message}")
        for i in np.flatnonzero(~given if job.year is None else np.zeros(n, bool)):
            rows.bad(i, col["year"], "no year in the row, the title or the arguments")
    elif job.year is None:
        raise DataError(
            f"{job.name}: the project list has no year column and its title names "
            "no year; pass year=... (e.g. `kcanalysis validate FILE --year 2017`)."
        )
    live = np.flatnonzero(rows.ok)
    rows.ok[live[~job.check_years(rows.items[live], years[live], col.get("year", 0))]] = False
    codes = np.full(n, None, dtype=object)
    if "area" in col:
        cells = rows.cells("area")
        a_codes, a_uniq = pd.factorize(pd.Series(cells, dtype=object))
        y_codes, y_uniq = pd.factorize(years)
        pairs, inverse = np.unique(a_codes * len(y_uniq) + y_codes, return_inverse=True)
        found = [
            area_of(a_uniq[p // len(y_uniq)], int(y_uniq[p % len(y_uniq)]), job.period or "FY")
            if p >= 0
            else (None, "")
            for p in pairs
        ]
        for i, (code, reason) in enumerate(found):
            rows_i = np.flatnonzero(inverse == i) if code is None and reason else ()
            for j in rows_i:
                if rows.ok[j]:
                    rows.bad(j, col["area"], reason)
        codes = np.array([c for c, _ in found], dtype=object)[inverse]
    elif job.area is None:
        raise DataError(
            f"{job.name}: the project list names no province (no 'Tỉnh' column, none "
            "in the title); pass province=... (e.g. --province 'Lâm Đồng')."
        )
    live = np.flatnonzero(rows.ok)
    checked = job.area_codes(
        rows.items[live], codes[live], col.get("area", col.get("title", 0)), years[live]
    )
    codes[live] = checked
    rows.ok[live[pd.isna(checked)]] = False
    rows.frame["year"] = years
    rows.frame["area_code"] = codes


def read_status_dates(rows: Rows) -> None:
    """Status from its column (or 100% -> completed, else ongoing) and end dates."""
    frame, col = rows.frame, rows.col
    if "status" in col:
        status = rows.mapped("status", _status_of)
        for i in np.flatnonzero(~pd.isna(rows.cells("status")) & pd.isna(status)):
            rows.bad(i, col["status"], f"status {shown(rows.cells('status')[i])} is not understood")
        frame["status"] = np.where(pd.isna(status), "ongoing", status)
    elif is_plan_list(rows):
        frame["status"] = "planned"
        rows.job.report.note(
            f"the title ({rows.job.plan}) says this is a plan and no column reports progress: "
            "the projects are 'planned' and the facts carry planned figures only"
        )
    else:
        frame["status"] = np.where(
            frame["completion_pct"].to_numpy() >= 100, "completed", "ongoing"
        )
        rows.job.report.note(
            "no status column: projects at 100% are 'completed', the others 'ongoing'; the "
            "number accepted (nghiệm thu) is not known and is left missing"
        )
    for target in ("planned_end", "actual_end"):
        frame[target] = dates.parse_dates(rows.cells(target), rows.bad, col.get(target, 0))


#: Columns that report what happened to a project; a plan has none of them.
PROGRESS = ("status", "disbursed", "completion_pct", "actual_end")


def is_plan_list(rows: Rows) -> bool:
    """Return True when the title says plan and no column reports progress."""
    return bool(rows.job.plan) and not any(t in rows.col for t in PROGRESS)


def _status_of(text: str) -> str | None:
    if text.strip().lower() in vocab.PROJECT_STATUSES:  # as the projects table writes it
        return text.strip().lower()
    key = fold(text)
    return next((s for phrase, s in _STATUS if fold(phrase) in key), None)


def find_duplicates(rows: Rows) -> None:
    """Quarantine a project listed twice (same id; or same area, year, level, title,
    beneficiary and extension funds), keeping the first."""
    frame = rows.frame
    live = np.flatnonzero(rows.ok)
    if not len(live):
        return
    if "project_id" in rows.col:
        keys = pd.DataFrame({"i": frame["project_id"].to_numpy()[live]})
    else:
        # The cheap keys first: only rows that share them can share the title too, so the
        # titles are folded for those rows alone.
        keys = pd.DataFrame(
            {
                "a": frame["area_code"].to_numpy()[live],
                "y": frame["year"].to_numpy()[live],
                "l": frame["level"].to_numpy()[live],
                "b": _folded(frame["beneficiary"].to_numpy()[live]),
                "k": frame["budget_kc"].to_numpy()[live],
            }
        )
        maybe = np.flatnonzero(keys.duplicated(keep=False).to_numpy())
        if not len(maybe):
            return
        live, keys = live[maybe], keys.iloc[maybe].reset_index(drop=True)
        keys["t"] = _folded(frame["title"].to_numpy()[live])
    group = keys.groupby(list(keys.columns), dropna=False, sort=False).ngroup().to_numpy()
    _, first = np.unique(group, return_index=True)
    first_of = first[group]
    for j in np.flatnonzero(first_of != np.arange(len(group))):
        row = rows.job.rows[rows.items[live[first_of[j]]]]
        rows.bad(int(live[j]), rows.col.get("title", 0), f"duplicate project: same as row {row}")


def _folded(texts: np.ndarray) -> np.ndarray:
    """Texts lower-cased and stripped, each distinct value once."""
    codes, uniq = pd.factorize(texts)
    return np.array([u.lower().strip() for u in uniq], dtype=object)[codes]


def check_percentages(rows: Rows) -> None:
    """Warn about ratios above 100% (the row stays, its completion_pct empty) and about
    disbursements far above the extension funds."""
    frame, job = rows.frame, rows.job
    pct = frame["completion_pct"].to_numpy()
    for i in np.flatnonzero(rows.ok & (pct > 100)):
        job.warn(
            int(rows.items[i]),
            rows.col["completion_pct"],
            f"percentage {pct[i]:g}% is above 100%: the project is loaded with an empty "
            "completion_pct",
        )
    frame.loc[pct > 100, "completion_pct"] = np.nan
    live = np.flatnonzero(rows.ok)
    job.check_ratios(
        rows.items[live],
        frame["budget_kc"].to_numpy()[live],
        frame["disbursed"].to_numpy()[live],
        rows.col.get("disbursed", 0),
        what="disbursed",
        base="the extension funds",
    )
