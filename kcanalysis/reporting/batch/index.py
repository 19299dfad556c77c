"""``index.html``: one self-contained, offline page that links every report of a batch.

One row per report (area, year, period, language, status, headline indicators, link),
sortable by any column and filterable by area and year with a few lines of plain
JavaScript embedded in the page. The Content-Security-Policy allows inline script and
style and ``data:`` images only, so the page loads nothing from anywhere. Failed reports
are listed with their error, and stale reports (a data file or notebook changed during
the batch) with what changed; the synthetic-data banner shows when demo data were used.
Every string that comes from data or from an error goes through `kcanalysis.text.escape`.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from kcanalysis.reporting.batch.headline import HEADLINE_KEYS
from kcanalysis.reporting.files import atomic_write_text
from kcanalysis.text import escape, format_money, format_number, format_percent_value

INDEX_NAME = "index.html"
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

LABELS = {
    "vi": {
        "title": "Báo cáo khuyến công",
        "area": "Địa bàn",
        "year": "Năm",
        "period": "Kỳ",
        "lang": "Ngôn ngữ",
        "status": "Trạng thái",
        "budget_kc_mvnd": "Kinh phí KC",
        "budget_kc_plan_pct": "% kế hoạch",
        "trainees": "Học viên",
        "report": "Báo cáo",
        "open": "mở",
        "notebook": "notebook lỗi",
        "filter_area": "Lọc theo địa bàn",
        "filter_year": "Năm",
        "all_years": "Tất cả",
        "failed": "Báo cáo không tạo được",
        "stale": (
            "Báo cáo lỗi thời: tệp dữ liệu đã thay đổi trong lúc chạy; hãy chạy lại lô báo cáo"
        ),
        "made": "Thời điểm tạo",
        "banner": (
            "DỮ LIỆU MINH HỌA TỔNG HỢP: {n} báo cáo dưới đây dùng số liệu giả lập để trình "
            "diễn, không phải số liệu thực của các tỉnh."
        ),
        "shown": "báo cáo đang hiển thị",
        "status_words": {
            "done": "xong",
            "cached": "xong (không đổi)",
            "failed": "lỗi",
            "timeout": "quá thời gian",
            "stale": "lỗi thời (dữ liệu đã đổi)",
            "not run": "chưa chạy",
        },
    },
    "en": {
        "title": "Industrial extension reports",
        "area": "Area",
        "year": "Year",
        "period": "Period",
        "lang": "Language",
        "status": "Status",
        "budget_kc_mvnd": "KC spending",
        "budget_kc_plan_pct": "% of plan",
        "trainees": "Trainees",
        "report": "Report",
        "open": "open",
        "notebook": "failed notebook",
        "filter_area": "Filter by area",
        "filter_year": "Year",
        "all_years": "All",
        "failed": "Reports that could not be made",
        "stale": "Stale reports: a data file changed during the batch; run the batch again",
        "made": "Made",
        "banner": (
            "SYNTHETIC DEMONSTRATION DATA: {n} of the reports below use invented numbers for "
            "demonstration; they are not the provinces' real figures."
        ),
        "shown": "reports shown",
        "status_words": {
            "done": "done",
            "cached": "done (unchanged)",
            "failed": "failed",
            "timeout": "timed out",
            "stale": "stale (data changed)",
            "not run": "not run",
        },
    },
}

_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("kc-reports");
  var body = table.tBodies[0];
  var area = document.getElementById("kc-filter-area");
  var year = document.getElementById("kc-filter-year");
  var count = document.getElementById("kc-count");
  function fold(s) {
    return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")
      .replace(/\\u0111/g, "d").replace(/\\u0110/g, "d").toLowerCase();
  }
  function filter() {
    var q = fold(area.value.trim()), y = year.value, shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!q || fold(row.getAttribute("data-area")).indexOf(q) >= 0) &&
        (!y || row.getAttribute("data-year") === y);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " / " + body.rows.length;
  }
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function sortBy(th, col) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), z = key(b.cells[col]);
      if (x === "" || z === "") { return x === z ? 0 : (x === "" ? 1 : -1); }
      var nx = Number(x), nz = Number(z);
      if (!isNaN(nx) && !isNaN(nz)) { return (nx - nz) * dir; }
      return x.localeCompare(z, document.documentElement.lang) * dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var button = th.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(th, col); }); }
  });
  area.addEventListener("input", filter);
  year.addEventListener("change", filter);
  filter();
})();
"""

_CSS = """
.kc-index { max-width: 75rem; }
.kc-filters { display: flex; gap: 1.5rem; align-items: end; margin: 1rem 0 .5rem; flex-wrap: wrap; }
.kc-filters label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
.kc-filters input, .kc-filters select { font: inherit; padding: .2rem .4rem; }
table.kc-table th button { font: inherit; font-weight: bold; background: none; border: 0;
  padding: 0; cursor: pointer; color: inherit; }
table.kc-table th[aria-sort=ascending] button::after { content: " \\25B2"; }
table.kc-table th[aria-sort=descending] button::after { content: " \\25BC"; }
tr.kc-failed td { background: #fbeaea; }
tr.kc-stale td { background: #fdf3d8; }
.kc-status-failed, .kc-status-timeout, .kc-status-stale { color: var(--accent); font-weight: bold; }
.kc-errors li { margin: .4rem 0; }
.kc-errors code { white-space: pre-wrap; word-break: break-word; }
"""


def _link(target: str | Path, out_dir: Path) -> str:
    return Path(os.path.relpath(target, out_dir)).as_posix()


def _area_label(job, lang: str) -> str:
    from kcanalysis import provinces

    try:
        return provinces.area_label(job.area, job.year, lang, job.period)
    except Exception:
        return job.area


def _cells(result, lang: str) -> str:
    head = result.headline or {}
    out = []
    for key in HEADLINE_KEYS:
        value = head.get(key)
        if not isinstance(value, int | float):
            out.append('<td class="num" data-sort="">–</td>')
            continue
        if key == "budget_kc_mvnd":
            text = format_money(value, lang)
        elif key == "budget_kc_plan_pct":
            text = format_percent_value(value / 100, lang)
        else:
            text = format_number(value, lang)
        out.append(f'<td class="num" data-sort="{value:.10g}">{escape(text)}</td>')
    return "".join(out)


def _row(result, out_dir: Path, lang: str, for_bundle: bool = False) -> str:
    job, words = result.job, LABELS[lang]
    area = _area_label(job, lang)
    status = words["status_words"].get(result.status, result.status)
    readable = result.status in ("done", "cached", "stale") and job.html.is_file()
    if readable if for_bundle else result.status in ("done", "cached") or job.html.is_file():
        link = f'<a href="{escape(_link(job.html, out_dir))}">{escape(words["open"])}</a>'
        pdf = job.html.with_suffix(".pdf")
        if readable and pdf.is_file():
            link += f' <a href="{escape(_link(pdf, out_dir))}">PDF</a>'
    else:
        link = ""
    if result.failed_ipynb and not for_bundle:
        target = escape(_link(result.failed_ipynb, out_dir))
        link += f' <a href="{target}">{escape(words["notebook"])}</a>'
    failed = {"failed": " kc-failed", "timeout": " kc-failed", "stale": " kc-stale"}.get(
        result.status, ""
    )
    return (
        f'<tr class="kc-row{failed}" data-area="{escape(area)} {escape(job.area)}" '
        f'data-year="{job.year}">'
        f"<td>{escape(area)}</td><td>{job.year}</td><td>{escape(job.period)}</td>"
        f"<td>{escape(job.lang)}</td>"
        f'<td class="kc-status-{escape(result.status.replace(" ", "-"))}" '
        f'title="{escape(result.error)}">{escape(status)}</td>'
        f"{_cells(result, lang)}<td>{link}</td></tr>"
    )


def render_index(outcome, lang: str | None = None, for_bundle: bool = False) -> str:
    """Return the HTML of the index page of `outcome` (a `runner.Outcome`).

    `for_bundle`: the page of a reader's zip, which links only what the zip holds (the
    reports and their PDFs, not the notebooks of failed runs).
    """
    results = outcome.results
    if lang is None:
        lang = "en" if results and all(r.job.lang == "en" for r in results) else "vi"
    words = LABELS[lang]
    css = (Path(str(resources.files("kcanalysis"))) / "reporting/templates/report.css").read_text(
        encoding="utf-8"
    )
    columns = ["area", "year", "period", "lang", "status", *HEADLINE_KEYS]
    head = "".join(
        f'<th class="{"num" if c in HEADLINE_KEYS else ""}"><button type="button">'
        f"{escape(words[c])}</button></th>"
        for c in columns
    )
    head += f"<th>{escape(words['report'])}</th>"
    rows = "".join(_row(r, outcome.out_dir, lang, for_bundle) for r in results)
    years = sorted({r.job.year for r in results})
    options = f'<option value="">{escape(words["all_years"])}</option>' + "".join(
        f'<option value="{y}">{y}</option>' for y in years
    )
    synthetic = sum(bool(r.synthetic) for r in results)
    banner = (
        f'<div class="kc-banner" role="note">{escape(words["banner"].format(n=synthetic))}</div>'
        if synthetic
        else ""
    )
    failures = [r for r in results if r.status in ("failed", "timeout")]
    failed_html = ""
    if failures:
        items = "".join(
            f"<li><strong>{escape(r.job.title)}</strong> ({escape(r.job.lang)}): "
            f"<code>{escape(r.error)}</code>"
            + (
                f' — <a href="{escape(_link(r.failed_ipynb, outcome.out_dir))}">'
                f"{escape(_link(r.failed_ipynb, outcome.out_dir))}</a>"
                if r.failed_ipynb and not for_bundle
                else ""
            )
            + "</li>"
            for r in failures
        )
        failed_html = (
            f'<section id="kc-failed"><h2>{escape(words["failed"])} ({len(failures)})</h2>'
            f'<ul class="kc-errors">{items}</ul></section>'
        )
    stale = [r for r in results if r.status == "stale"]
    if stale:
        items = "".join(
            f"<li><strong>{escape(r.job.title)}</strong> ({escape(r.job.lang)}): "
            f'<a href="{escape(_link(r.job.html, outcome.out_dir))}">'
            f"{escape(_link(r.job.html, outcome.out_dir))}</a> — "
            f"<code>{escape(r.error)}</code></li>"
            for r in stale
        )
        failed_html += (
            f'<section id="kc-stale"><h2>{escape(words["stale"])} ({len(stale)})</h2>'
            f'<ul class="kc-errors">{items}</ul></section>'
        )
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{escape(words['title'])}</title>\n<style>\n{css}{_CSS}</style>\n</head>\n"
        f'<body>\n<main class="kc-report kc-index">\n<h1>{escape(words["title"])}</h1>\n'
        f"{banner}{failed_html}"
        f'<div class="kc-filters"><label>{escape(words["filter_area"])}'
        '<input id="kc-filter-area" type="search" autocomplete="off"></label>'
        f'<label>{escape(words["filter_year"])}<select id="kc-filter-year">{options}</select>'
        f'</label><span><span id="kc-count">{len(results)} / {len(results)}</span> '
        f"{escape(words['shown'])}</span></div>\n"
        f'<table class="kc-table" id="kc-reports"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>\n"
        f'<footer class="kc-footer"><p class="kc-timestamp">{escape(words["made"])}: '
        f"{escape(made)}</p></footer>\n</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def write_index(outcome, lang: str | None = None) -> Path:
    """Write ``index.html`` into the batch's output folder, atomically; return its path."""
    path = outcome.out_dir / INDEX_NAME
    return atomic_write_text(path, render_index(outcome, lang))
