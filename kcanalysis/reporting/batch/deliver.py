"""What a batch hands to readers: PDF copies of the reports, and a zip bundle.

``--pdf`` prints each rendered report to an A4 PDF beside its HTML with a headless
Chromium (Debian's ``chromium``, or Chrome; ``KCANALYSIS_CHROMIUM`` names another). A PDF
is made again only when its HTML is newer. Without a browser the batch is refused before
anything runs, with how to install one; nothing else needs it.

``--bundle NAME.zip`` writes one zip with only what a reader should get: ``index.html``
(without the links to working files), ``summary.csv``, ``summary.xlsx``, the HTML reports
and their PDFs when made, under one folder named after the zip, with the same relative
paths as in the output folder, so every link works once it is unzipped. The working files
(``_work/``: executed notebooks, which hold the data, records, lock and state) stay out.
"""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from kcanalysis.errors import ParameterError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: The page size of the PDFs, and their margins.
_A4_CSS = "<style>@page { size: A4; margin: 14mm 12mm; }</style>"
INSTALL_HELP = (
    "--pdf needs a headless Chromium, and none was found (looked for {names}). Install one: "
    "on Debian or Ubuntu `sudo apt-get install chromium`, on other systems Google Chrome "
    "or Chromium from your package manager; or set KCANALYSIS_CHROMIUM to the browser's "
    "path. The HTML reports do not need it: run without --pdf."
)


def find_browser() -> str:
    """Return the path of a Chromium-family browser, or raise `ParameterError` saying how
    to install one."""
    named = os.environ.get("KCANALYSIS_CHROMIUM", "").strip()
    if named:
        found = shutil.which(named)
        if found:
            return found
        raise ParameterError(
            f"KCANALYSIS_CHROMIUM is {named!r}, which is not an executable browser. "
            + INSTALL_HELP.format(names=", ".join(BROWSERS))
        )
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise ParameterError(INSTALL_HELP.format(names=", ".join(BROWSERS)))


def pdf_path(html: Path) -> Path:
    """Where the PDF of a report goes: beside its HTML."""
    return Path(html).with_suffix(".pdf")


def print_pdf(browser: str, html: Path, timeout: float = 120.0) -> Path:
    """Print `html` to an A4 PDF beside it, atomically; return its path.

    Raises
    ------
    OSError
        The browser failed or wrote no PDF (the message says which report).
    """
    html, pdf = Path(html), pdf_path(html)
    with tempfile.TemporaryDirectory(prefix=".kcpdf.", dir=html.parent) as tmp:
        page = Path(tmp) / html.name
        text = html.read_text(encoding="utf-8")
        # The report's own styles are kept; only the page size is added, for print.
        page.write_text(text.replace("</head>", _A4_CSS + "</head>", 1), encoding="utf-8")
        out = Path(tmp) / "report.pdf"
        cmd = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.insert(1, "--no-sandbox")  # Chromium refuses to run as root with it
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as err:
            raise OSError(f"printing {html} to PDF took more than {timeout:.0f} s") from err
        if not out.is_file() or out.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
            raise OSError(
                f"the browser made no PDF of {html} (exit code {done.returncode}"
                + (f": {tail[0]}" if tail else "")
                + ")"
            )
        os.replace(out, pdf)
    return pdf


def make_pdfs(htmls: list[Path], workers: int = 2) -> tuple[list[Path], list[str]]:
    """Print every HTML whose PDF is missing or older; return (PDFs, problems)."""
    browser = find_browser()
    todo = [
        h
        for h in htmls
        if not pdf_path(h).is_file() or pdf_path(h).stat().st_mtime_ns < h.stat().st_mtime_ns
    ]
    problems: list[str] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(print_pdf, browser, h): h for h in todo}
        for future in concurrent.futures.as_completed(futures):
            try:
                future.result()
            except OSError as err:
                problems.append(f"PDF not made: {err}")
    return [pdf_path(h) for h in htmls if pdf_path(h).is_file()], problems


def bundle_members(outcome) -> list[Path]:
    """The files a reader gets, as absolute paths inside the output folder."""
    from kcanalysis.reporting.batch.export import CSV_NAME, XLSX_NAME

    out = outcome.out_dir
    files = [out / "index.html", out / CSV_NAME, out / XLSX_NAME]
    for r in outcome.results:
        if r.status in ("done", "cached", "stale") and r.job.html.is_file():
            files.append(r.job.html)
            if pdf_path(r.job.html).is_file():
                files.append(pdf_path(r.job.html))
    return [f for f in dict.fromkeys(files) if f.is_file()]


def write_bundle(outcome, zip_path: Path) -> Path:
    """Write the reader's zip (see the module docstring); return its path.

    The index in the zip is written for it: links to reports and PDFs, none to working
    files. The zip is written to a temporary file and renamed into place.
    """
    from kcanalysis.reporting.batch.index import render_index
    from kcanalysis.reporting.files import stage_bytes

    zip_path = Path(zip_path).absolute()
    root = zip_path.stem or "reports"
    out = outcome.out_dir
    tmp = stage_bytes(zip_path, b"")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in bundle_members(outcome):
                name = f"{root}/{path.relative_to(out).as_posix()}"
                if path == out / "index.html":
                    zf.writestr(name, render_index(outcome, for_bundle=True))
                else:
                    zf.write(path, name)
        os.replace(tmp, zip_path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return zip_path
