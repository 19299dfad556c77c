"""Layout in a real browser: a phone-width screen, the first column, the printed page.

Sizes are measured by chromium itself. The report forbids scripts (its
Content-Security-Policy), so for measuring, a copy of the page has that policy removed
and a small script that posts the measurements to an outer page, which holds the copy in
an iframe of the width under test (headless chromium's window is never narrower than
500 px) and writes them into its DOM for ``--dump-dom``. The report file itself is never
changed.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kcanalysis.reporting import render_report

from .test_browser import chromium

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("chromium") is None or shutil.which("pdfinfo") is None,
        reason="needs Debian's chromium and poppler-utils (.ci/run installs both)",
    ),
]

#: Posts the page's and each table's sizes to the outer page.
MEASURE = """<script>
window.addEventListener('load', () => {
  const de = document.documentElement;
  const tables = [...document.querySelectorAll('table.kc-table')].map(t => {
    const cap = t.caption ? t.caption.textContent : '';
    const first = t.querySelector('tbody tr td');
    return {caption: cap, right: t.parentElement.getBoundingClientRect().right,
            first: first ? first.getBoundingClientRect().width : 0};
  });
  parent.postMessage(JSON.stringify({client: de.clientWidth, scroll: de.scrollWidth, tables}),
                     '*');
});
</script>"""
OUTER = """<html><body style="margin:0"><iframe src="{inner}"
style="width:{width}px;height:2000px;border:0"></iframe><script>
addEventListener('message', e => document.body.setAttribute('data-kc-measure', e.data));
</script></body></html>"""


def measure(html: Path, work: Path, width: int, css: str = "") -> dict:
    """Lay `html` out `width` px wide in chromium and return the measurements."""
    page = html.read_text(encoding="utf-8")
    page = re.sub(r"<meta[^>]*Content-Security-Policy[^>]*>", "", page)
    page = page.replace("</head>", f"<style>{css}</style>{MEASURE}</head>", 1)
    inner = work / f"inner-{width}.html"
    inner.write_text(page, encoding="utf-8")
    outer = work / f"outer-{width}.html"
    outer.write_text(OUTER.format(inner=inner.name, width=width), encoding="utf-8")
    dom = chromium(
        outer.as_uri(),
        work / f"p{width}",
        "--window-size=1300,2200",
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        "--dump-dom",
    ).stdout
    m = re.search(r'data-kc-measure="([^"]*)"', dom)
    assert m, dom[-2000:]
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("layout")
    return render_report("province_report", {"province": "Đắk Lắk", "year": 2024}, out)


def _table5(m: dict) -> dict:
    (t,) = [t for t in m["tables"] if t["caption"].startswith("Bảng 5.")]
    return t


def test_at_400_px_no_table_makes_the_page_overflow(report, tmp_path):
    m = measure(report, tmp_path, 400)
    assert m["client"] <= 400  # the iframe is 400 px wide (less a scroll bar)
    assert m["scroll"] <= m["client"], m
    assert all(t["right"] <= m["client"] + 1 for t in m["tables"]), m["tables"]


def test_the_overflow_check_sees_a_table_that_pushes_the_page_wider(report, tmp_path):
    # Control: without the scrolling wrapper the wide tables push the page past 400 px.
    m = measure(report, tmp_path, 400, css=".kc-table-wrap { overflow: visible !important; }")
    assert m["scroll"] > m["client"]


@pytest.mark.parametrize("width", [1200, 400])
def test_table_5s_first_column_is_wider_than_one_word(report, tmp_path, width):
    # 9rem at 15 px = 135 px: "Số mô hình trình diễn" on two lines at most, not five.
    assert _table5(measure(report, tmp_path, width))["first"] >= 130


def test_the_column_check_sees_a_column_crushed_to_one_word(report, tmp_path):
    # Control: the old rules (headers that never wrap, no minimum width) crush it.
    old = (
        "table.kc-table th.num { white-space: nowrap !important; } "
        "table.kc-table th:first-child, table.kc-table td:first-child "
        "{ min-width: 0 !important; }"
    )
    assert _table5(measure(report, tmp_path, 400, css=old))["first"] < 130


def _print(html: Path, work: Path) -> Path:
    pdf = work / (html.stem + ".pdf")
    run = chromium(html.as_uri(), work / "pp", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.exists(), run.stderr[-2000:]
    return pdf


def _pages(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    n = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", info.stdout, re.M).group(1)
    return n, size


def _page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def test_the_printed_report_has_numbered_a4_pages_with_the_title(report, tmp_path):
    pdf = _print(report, tmp_path)
    n, size = _pages(pdf)
    # A4 is 210 x 297 mm = 595.28 x 841.89 pt.
    assert "(A4)" in size and n >= 3
    for page in range(1, n + 1):
        text = _page_text(pdf, page)
        assert f"Trang {page} / {n}" in text, (page, text[-300:])
        assert "Đắk Lắk – Cả năm 2024 – khuyến công" in text
    # Rendered pages are images of A4 at 50 dpi: 210 mm = 8.27 in -> 413 or 414 px wide.
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "pg")],
        check=True,
    )
    from PIL import Image

    (png,) = tmp_path.glob("pg*.png")
    assert Image.open(png).size[0] in (413, 414)


def test_the_page_checks_see_a_page_with_no_numbers(tmp_path):
    # Control: a plain page prints on chromium's default paper with no page numbers.
    page = tmp_path / "plain.html"
    page.write_text("<html><body><p>Trang</p></body></html>", encoding="utf-8")
    pdf = _print(page, tmp_path)
    _, size = _pages(pdf)
    assert "Trang 1 / 1" not in _page_text(pdf, 1)
    assert "(A4)" not in size
