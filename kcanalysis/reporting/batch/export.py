"""``summary.csv`` and ``summary.xlsx``: one row per report with its key figures.

Written next to ``index.html`` by every batch, and again from the output folder alone by
``kcanalysis summary OUTDIR`` (nothing is rendered: the figures are read from each
report's record, ``<stem>.report.json``, where the batch stored them).

Both files have the same rows and columns: the report (area, year, period, language,
kind, status, whether its data are synthetic, the price base year, the HTML file), then
for each of the eight key figures (`figures.FIGURES`) its value and, when it is empty,
the reason. ``summary.csv`` (UTF-8 with a byte-order mark, so that Excel reads the
diacritics) uses short English column names and English reasons, for scripts;
``summary.xlsx`` uses Vietnamese headers and reasons, number formats, a frozen header row,
a filter on every column and a link to each report, for officials. Text from data that a
spreadsheet would run as a formula is prefixed with a quote.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from kcanalysis.reporting.batch.figures import FIGURES, KEYS, REASONS
from kcanalysis.reporting.batch.index import LABELS

CSV_NAME = "summary.csv"
XLSX_NAME = "summary.xlsx"

#: (key, Vietnamese header, Excel number format or "") of the columns before the figures.
_INFO = (
    ("area_code", "Mã địa bàn", "@"),
    ("area_name", "Địa bàn", ""),
    ("year", "Năm", "0"),
    ("period", "Kỳ báo cáo", ""),
    ("lang", "Ngôn ngữ", ""),
    ("kind", "Loại báo cáo", ""),
    ("status", "Trạng thái", ""),
    ("synthetic", "Dữ liệu minh họa", ""),
    ("base_year", "Năm gốc giá so sánh", "0"),
    ("report", "Tệp báo cáo", ""),
)
_KINDS = {
    "province_report": ("Báo cáo tỉnh", "province report"),
    "regional_overview": ("Tổng quan vùng", "regional overview"),
    "programme_review": ("Đánh giá giai đoạn", "programme review"),
}
_LANGS = {"vi": ("tiếng Việt", "Vietnamese"), "en": ("tiếng Anh", "English")}
_YES_NO = {True: ("có", "yes"), False: ("không", "no"), None: ("", "")}
#: Report statuses in Vietnamese, as the index page words them.
_STATUS_VI = LABELS["vi"]["status_words"]


@dataclass
class Row:
    """One report of the summary."""

    area_code: str
    area_name: str
    year: int
    period: str
    lang: str
    notebook: str
    status: str
    synthetic: bool | None
    base_year: int | None
    report: str
    values: dict = field(default_factory=dict)
    reasons: dict = field(default_factory=dict)


def _figures_of(job, record: dict | None) -> dict:
    from kcanalysis.reporting.batch.figures import key_figures

    stored = (record or {}).get("figures")
    if isinstance(stored, dict) and isinstance(stored.get("values"), dict):
        return stored
    return key_figures(job)


def _not_rendered(status: str, error: str) -> dict:
    vi, en = REASONS["not_rendered"]
    if error:
        vi, en = f"{vi} ({error})", f"{en} ({error})"
    why = {"vi": vi, "en": en}
    return {"values": dict.fromkeys(KEYS), "reasons": dict.fromkeys(KEYS, why)}


def _area_name(job) -> str:
    from kcanalysis import provinces

    try:
        return provinces.area_label(job.area, job.year, "vi", job.period)
    except Exception:  # a custom area code: shown as it is
        return str(job.area)


def row_of(job, status: str, error: str, out_dir: Path, synthetic: bool | None) -> Row:
    """Return the summary row of `job` (its figures from its record, or computed)."""
    from kcanalysis.reporting.batch.cache import read_json

    record = read_json(job.record) if status in ("done", "cached", "stale") else None
    figures = _figures_of(job, record) if record else _not_rendered(status, error)
    if record and synthetic is None:
        synthetic = record.get("synthetic")
    report = Path(os.path.relpath(job.html, out_dir)).as_posix() if job.html.is_file() else ""
    return Row(
        area_code=str(job.area),
        area_name=_area_name(job),
        year=int(job.year),
        period=str(job.period),
        lang=str(job.lang),
        notebook=str(job.notebook),
        status=status,
        synthetic=synthetic,
        base_year=getattr(job.checked, "base_year", None),
        report=report,
        values=figures.get("values", {}),
        reasons=figures.get("reasons", {}),
    )


def rows_of_outcome(outcome) -> list[Row]:
    """Return the rows of a finished batch, in the order of its index page."""
    return [row_of(r.job, r.status, r.error, outcome.out_dir, r.synthetic) for r in outcome.results]


def rows_of_folder(out_dir: Path) -> list[Row]:
    """Return the rows of every report recorded in `out_dir` (nothing is rendered).

    Each ``*.report.json`` under the folder names its notebook and parameters; reports the
    state file lists as failed, without a record, are rows with the reason.
    """
    from kcanalysis.reporting.batch.cache import read_json, read_state
    from kcanalysis.reporting.batch.jobs import record_job

    out_dir = Path(out_dir)
    rows, seen = [], set()
    for path in sorted(out_dir.rglob("*.report.json")):
        record = read_json(path)
        job = record_job(path, record, out_dir) if record else None
        if job is None:
            continue
        seen.add(job.html)
        rows.append(row_of(job, str(record.get("status", "done")), "", out_dir, None))
    for rel, entry in read_state(out_dir)["reports"].items():
        html = (out_dir / rel).absolute()
        if html in seen or not isinstance(entry, dict) or entry.get("status") in ("done", None):
            continue
        record = {**entry, "html": os.path.relpath(html, out_dir)}
        job = record_job(out_dir / "state", record, out_dir)
        if job is None:  # a state file from before it named the parameters
            continue
        status, error = str(entry.get("status")), str(entry.get("error") or "")
        rows.append(row_of(job, status, error, out_dir, None))
    return sorted(rows, key=lambda r: (r.year, r.period, r.notebook, r.area_code, r.lang))


def _period_vi(period: str) -> str:
    from kcanalysis.sections.words import period_label

    try:
        return period_label(period, "vi")
    except Exception:  # a period the words do not know: shown as written
        return period


def _neutral(value: object) -> object:
    from kcanalysis.ingest.report import neutralise

    return neutralise(value)


def csv_text(rows: list[Row]) -> str:
    """Return ``summary.csv``: English column names and reasons."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    header = [key if key != "notebook" else "kind" for key, _, _ in _INFO]
    for f in FIGURES:
        header += [f.key, f"{f.key}_reason"]
    writer.writerow(header)
    for r in rows:
        line = [
            r.area_code,
            r.area_name,
            r.year,
            r.period,
            r.lang,
            r.notebook,
            r.status,
            _YES_NO.get(r.synthetic, ("", ""))[1],
            r.base_year if r.base_year is not None else "",
            r.report,
        ]
        for f in FIGURES:
            value = r.values.get(f.key)
            line.append("" if value is None else repr(float(value)))
            line.append((r.reasons.get(f.key) or {}).get("en", "") if value is None else "")
        writer.writerow([_neutral(v) for v in line])
    return buf.getvalue()


def xlsx_bytes(rows: list[Row]) -> bytes:
    """Return ``summary.xlsx``: Vietnamese headers and reasons, number formats, a frozen
    header row, a filter and a link to each report."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    columns: list[tuple[str, str]] = [(vi, fmt) for _, vi, fmt in _INFO]
    for f in FIGURES:
        columns += [(f.vi, f.excel_format), (f"Lý do trống: {f.vi}", "")]
    ws.append([vi for vi, _ in columns])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r in rows:
        line: list[object] = [
            r.area_code,
            r.area_name,
            r.year or None,
            _period_vi(r.period),
            _LANGS.get(r.lang, (r.lang, r.lang))[0],
            _KINDS.get(r.notebook, (r.notebook, r.notebook))[0],
            _STATUS_VI.get(r.status, r.status),
            _YES_NO.get(r.synthetic, ("", ""))[0],
            r.base_year,
            r.report,
        ]
        for f in FIGURES:
            value = r.values.get(f.key)
            line.append(value)
            line.append((r.reasons.get(f.key) or {}).get("vi", "") if value is None else "")
        ws.append([_neutral(v) if isinstance(v, str) else v for v in line])
        excel_row = ws.max_row
        for col, (_, fmt) in enumerate(columns, start=1):
            cell = ws.cell(row=excel_row, column=col)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            if fmt:
                cell.number_format = fmt
        if r.report:
            link = ws.cell(row=excel_row, column=len(_INFO))
            link.hyperlink = r.report
            link.font = Font(color="1F4E9A", underline="single")
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    for col, (header, _) in enumerate(columns, start=1):
        width = 12 if col > len(_INFO) else max(10, min(28, len(header) + 2))
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = 60
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_summary(out_dir: Path, rows: list[Row]) -> tuple[Path, Path]:
    """Write ``summary.csv`` and ``summary.xlsx`` into `out_dir`, atomically."""
    from kcanalysis.reporting.files import atomic_write_bytes

    out_dir = Path(out_dir)
    csv_path = atomic_write_bytes(out_dir / CSV_NAME, csv_text(rows).encode("utf-8-sig"))
    xlsx_path = atomic_write_bytes(out_dir / XLSX_NAME, xlsx_bytes(rows))
    return csv_path, xlsx_path
