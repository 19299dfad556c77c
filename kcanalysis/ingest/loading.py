"""The public entry points: `load` one file, `load_many` files, `ingest` for the report."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kcanalysis.errors import DataError, ParameterError
from kcanalysis.ingest import layouts
from kcanalysis.ingest.areas import vintage_in
from kcanalysis.ingest.cells import Grid, one_line, shown
from kcanalysis.ingest.conversion import Job
from kcanalysis.ingest.file_context import Arguments, in_year, money_unit, read_title, resolve
from kcanalysis.ingest.period_words import primary_when
from kcanalysis.ingest.readers import iter_grids
from kcanalysis.ingest.report import IngestReport, column_letter
from kcanalysis.ingest.tables import SEARCH_ROWS, Table, locate
from kcanalysis.ingest.unit_line import parse_unit_line
from kcanalysis.schema import FACTS_COLUMNS, FACTS_KEY, Dataset, empty_facts, validate_facts


@dataclass
class Ingested:
    """What one file gave: validated facts, projects (for a project list) and the report."""

    facts: pd.DataFrame
    projects: pd.DataFrame | None
    report: IngestReport


def ingest(path, province=None, year=None, period=None, sheet=None) -> Ingested:
    """Read one file and return facts, projects and the report, even when nothing loads.

    Same parameters as `load`. Raises DataError only when the file cannot be read or its
    title, columns and arguments conflict; rows that cannot be used are quarantined.
    """
    args = Arguments.check(province, year, period)
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file.")
    tried = []
    for grid in iter_grids(path, sheet):
        if grid.cells.empty:
            tried.append(f"{grid.sheet!r} ({grid.empty_reason or 'no cells'})")
            continue
        head = grid.cells.iloc[: SEARCH_ROWS + 2].to_numpy(dtype=object).tolist()
        table = locate(head, grid.merged)
        if table is None:
            tried.append(repr(grid.sheet))
            continue
        return _convert(grid, table, args, province, year, period)
    raise DataError(
        f"{path.name}: no recognisable table in sheet(s) {', '.join(tried)}. Expected a header "
        "row within the first 40 rows with the facts columns (Chỉ tiêu, Kế hoạch, Thực hiện, "
        "...), a project list (Tên đề án, Kinh phí ...) or a summary report (Kế hoạch / Thực "
        "hiện over Số đề án / Kinh phí)."
    )


def _convert(grid: Grid, table: Table, args: Arguments, province, year, period) -> Ingested:
    name = grid.path.name
    report = IngestReport(grid.path, grid.sheet, grid.first_row, len(grid.cells))
    _check_duplicates(grid, table, report)
    report.encoding = grid.encoding
    report.layout = table.layout
    for note in grid.notes:
        report.note(note)
    for cell, text in grid.warnings:
        report.warn(f"{name}: {cell}", text)
    info = read_title(_title_cells(grid, table, report))
    year_ = resolve("year", info.years, args.year, name, "year")
    period_ = resolve("period", info.periods, args.period, name, "period")
    area_period, area_year = primary_when(table.columns, period_, year_)
    area = resolve(
        "province",
        in_year(info.areas, area_year, name, area_period),
        args.in_year(area_year, name, area_period),
        name,
        "province",
        vintage_in(area_year, area_period),
    )
    levels = {f.value for f in info.levels}
    unit, unit_cell, unit_warnings = money_unit(info)
    for text in unit_warnings:
        report.warn(name, text)
    job = Job(
        grid,
        table,
        report,
        area=area,
        area_where=_where(info.areas, "province", province),
        area_text=_area_text(info.areas, area, args),
        area_period=area_period,
        area_year=area_year,
        year=year_,
        year_where=_where(info.years, "year", year),
        period=period_,
        period_where=_where(info.periods, "period", period),
        level=levels.pop() if len(levels) == 1 else None,
        money_factor=unit.factor if unit else 1.0,
        plan=info.plan_lines[0] if info.is_plan else "",
    )
    report.area_code, report.year, report.period = area, year_, period_
    if unit is not None:
        report.money_unit = f"{unit.text} (unit line {unit_cell})"
    for col, header in table.ignored:
        report.note(f"column {column_letter(col)} ({header!r}) is not loaded")
    result = layouts.layout(table.layout).reshape(job)
    report.check_complete()
    facts, projs = result.facts, result.projects
    if projs is None:  # aggregate() validates the facts of a project list itself
        facts = validate_facts(facts, name).reset_index(drop=True) if len(facts) else empty_facts()
    return Ingested(facts, projs, report)


def _check_duplicates(grid: Grid, table: Table, report: IngestReport) -> None:
    """Raise DataError if two header cells name the same column (which holds the figures?)."""
    if not table.duplicates:
        return
    first, second, target = table.duplicates[0]
    rows = [int(grid.cells.index[p]) for p in table.header]

    def header(col: int) -> str:
        texts = [grid.cells.iat[p, col] for p in table.header]
        return " / ".join(str(t).strip() for t in texts if isinstance(t, str) and t.strip())

    raise DataError(
        f"{grid.path.name}: two columns are read as {target!r}: {shown(header(first))} in "
        f"{report.cell(rows[0], first)} and {shown(header(second))} in "
        f"{report.cell(rows[0], second)}; which one holds the figures is not guessed. Delete "
        "or rename one of them."
    )


def _title_cells(grid: Grid, table: Table, report: IngestReport) -> list[tuple[str, str]]:
    cells = []
    values = grid.cells.to_numpy(dtype=object)
    for pos in range(table.header[-1] + 1):
        for col, v in enumerate(values[pos]):
            if isinstance(v, str) and v.strip():
                if pos >= table.header[0] and parse_unit_line(v) is None:
                    continue
                cells.append((report.cell(int(grid.cells.index[pos]), col), v))
    return cells


def _area_text(found, area: str | None, args: Arguments) -> str:
    """Return the province's name as the argument or the title gives it ("" for a code)."""
    if args.area is not None:
        return args.name
    return next((f.text for f in found if f.value == area and f.text), "")


def _where(found, arg_name: str, given) -> str:
    if given is not None:
        return f"the argument {arg_name}={given!r}"
    return f"the title ({found[0].where})" if found else ""


def load(path, province=None, year=None, period=None, sheet=None, totals: bool = False) -> Dataset:
    """Load a provincial report file (.xlsx, .xls or .csv) into validated `facts`.

    Parameters
    ----------
    path : str or Path
        The file: a canonical long table, a project list (danh sách đề án) or a summary
        report (báo cáo kết quả), as provinces send them.
    province : str or int, optional
        The province (name or GSO code) when the file does not say; if it does, the two
        must agree.
    year : int, optional
        The year, when the file does not say; if it does, they must agree.
    period : str, optional
        "FY", "M1".."M11" (first N months; "H1" is "M6"), "Q1".."Q4", "H2" (last six
        months) or "P<start>-<end>"; default from the file, else "FY". It decides the map
        a province name or code is read in: to June 2025 the 63 provinces, from FY 2025 and
        July 2025 the 34 units (`kcanalysis.periods.vintage_of`).
    sheet : str or int, optional
        The sheet to read; by default the first sheet with a recognisable table.
    totals : bool
        Add every missing level and activity total (`kcanalysis.add_totals`), as the
        reports do. By default the rows are as the file gives them, so filtering on
        level "ALL" finds only the totals the file itself states (as `load_demo`).

    Returns
    -------
    Dataset
        ``facts``, ``projects`` and ``reports``, the shape `load_demo` returns: ``facts`` are
        valid `facts`, the same columns and dtypes as ``load_demo().facts``;
        ``projects`` the validated `projects` table the facts aggregate, for a project
        list (else None); ``report`` (the one of ``reports``) is the `IngestReport`:
        what every row became, the warnings, the quarantine CSV writer.

    Raises
    ------
    DataError
        If the file cannot be read, has no recognisable table, conflicts with the arguments,
        or no row could be loaded (the error's ``report`` attribute holds the report).
    """
    result = ingest(path, province=province, year=year, period=period, sheet=sheet)
    report = result.report
    if result.facts.empty:
        err = DataError(
            f"{report.path.name}: nothing could be loaded ({nothing_loaded(report)}). Run "
            "`kcanalysis validate` on the file for the full account."
        )
        err.report = report
        raise err
    facts = result.facts
    if totals:
        from kcanalysis.aggregate import add_totals

        facts = add_totals(facts)
    return Dataset(facts, result.projects, (report,))


def nothing_loaded(report: IngestReport) -> str:
    """Return why no row of a file was loaded, on one line (without the file's name)."""
    if not report.quarantined:
        return (
            f"the table in sheet {report.sheet!r} has a header but no data rows; its "
            f"{report.n_rows} row(s) are title, header, note or blank"
        )
    reasons = report.records.query("category == 'quarantined'").head(3)
    listed = "; ".join(f"{r.cell}: {r.reason}" for r in reasons.itertuples())
    return f"{report.quarantined} row(s) quarantined: {one_line(listed, 600)}"


def load_many(
    paths: Iterable, province=None, year=None, period=None, sheet=None, on_conflict: str = "error"
) -> Dataset:
    """Load several files and concatenate their facts.

    Two files that give different figures for the same key (area, year, period, level,
    activity, indicator) are a conflict: a DataError listing both sources
    (``on_conflict="error"``), or a warning listing them, keeping the first file's figure
    (``on_conflict="warn"``). Identical figures are kept once.

    Returns
    -------
    Dataset
        Valid `facts`, the concatenated projects of the project lists (or None), and
        each file's report in ``reports``.
    """
    if on_conflict not in ("error", "warn"):
        raise ParameterError(f"on_conflict={on_conflict!r}; use 'error' or 'warn'.")
    frames, reports, projs = [], [], []
    for path in paths:
        one = load(path, province=province, year=year, period=period, sheet=sheet)
        facts = one.facts
        reports.append(one.report)
        if one.projects is not None:
            projs.append(one.projects)
        frames.append(facts.assign(_file=len(frames)))
    if not frames:
        raise ParameterError("load_many needs at least one path.")
    both = pd.concat(frames, ignore_index=True)
    key = [*FACTS_KEY, "vintage"]  # a programme total may be of either map
    dup = both.duplicated(key, keep=False)
    conflicts = []
    for _, group in both[dup].groupby(key, sort=True):
        first = group.iloc[0]
        for _, other in group.iloc[1:].iterrows():
            same = all(_same(first[c], other[c]) for c in ("planned", "actual", "qualifier"))
            if not same:
                conflicts.append(
                    f"{'/'.join(str(first[c]) for c in key)}: {first['source']} gives "
                    f"planned={first['planned']}, actual={first['actual']}; {other['source']} "
                    f"gives planned={other['planned']}, actual={other['actual']}"
                )
    if conflicts and on_conflict == "error":
        raise DataError(
            f"{len(conflicts)} figure(s) differ between files (nothing is overwritten):\n- "
            + "\n- ".join(conflicts[:20])
            + "\nLoad the files separately, or pass on_conflict='warn' to keep the first."
        )
    for text in conflicts:
        warnings.warn(f"conflict, first file kept: {text}", stacklevel=2)
    out = both.drop_duplicates(key, keep="first").drop(columns="_file")
    out = validate_facts(out.reindex(columns=FACTS_COLUMNS).reset_index(drop=True), "load_many")
    projects = pd.concat(projs, ignore_index=True) if projs else None
    return Dataset(out, projects, tuple(reports))


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (a != a and b != b) or abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return a == b
