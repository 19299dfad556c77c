"""A Vietnamese report shows no English word and no internal code.

Every report notebook is rendered in Vietnamese, printed by headless chromium to PDF, and
the text the browser laid out is read back with poppler's ``pdftotext``: that is the text a
reader sees (hidden cells, notes and machine-readable outputs are not in it). The text
fails on any word of an English denylist and on any vocabulary code (indicator, activity,
level or period codes such as ``budget_kc``, ``TRAIN``, ``KCDP``, ``FY``, ``M8``).

``explore.ipynb`` is left out on purpose: it is the analysts' bilingual workbook that shows
the package's raw tables (whose columns are the codes), and it is never published.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kcanalysis import vocab
from kcanalysis.reporting import render_report

from .test_browser import chromium

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("chromium") is None or shutil.which("pdftotext") is None,
        reason="needs Debian's chromium and poppler-utils (.ci/run installs both)",
    ),
]

DATA = Path(__file__).parents[1] / "data" / "ingest"

#: English words that are no Vietnamese word written without marks, so any hit is English.
DENY = frozenset(
    """
    the and of not with for from is are was were this that these those which when where
    data synthetic demo demonstration seed article provinces province normal exact method
    row rows plan planned actual budget trainees report figures figure total totals year
    years period file files sheet amount amounts unknown duplicate outside negative read
    kept loaded quarantined warning check please column columns value values missing
    reported interval intervals resamples projects project none only than more less
    about number spending cost per output outputs activity activities level levels
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_PERIODS = ["FY", "H1", "H2", *(f"Q{i}" for i in range(1, 5)), *(f"M{i}" for i in range(1, 12))]
#: Vocabulary codes (case-sensitive): indicators, activities, levels and periods.
CODES = re.compile(
    r"(?<![\w-])("
    + "|".join(
        re.escape(c)
        for c in sorted(
            [*vocab.INDICATORS, *vocab.ACTIVITIES, *vocab.LEVEL_LABELS, *_PERIODS],
            key=len,
            reverse=True,
        )
    )
    + r")(?![\w-])"
)
#: Text that names things rather than says them: addresses, file names with their sheet
#: ("bao_cao.xlsx!Sheet1"), cell references ("Sheet1!E5"), command-line options ("--data"),
#: hashes.
_NAMES = re.compile(
    r"https?://\S+|\S+\.(?:csv|xlsx|xls|txt|ipynb|htm|html)\b(?:![^\s;]+)?"
    r"|\S+![A-Z]{1,3}\d+\b"
    # a command option, also when the printed page breaks it after its first "-"
    r"|(?<!\S)--?[a-z][a-z-]*|\b[0-9a-f]{12,64}\b"
)
#: Text a user's own file carries and the report shows as written (the `source` column of
#: tests/data/ingest/canonical_quarantine.csv): data, not the report's words.
DATA_TEXT = ("report A", "report B")

RUNS = {
    "province_2024": ("province_report", {"province": "Đắk Lắk", "year": 2024}),
    "province_2026": ("province_report", {"province": "Đắk Lắk", "year": 2026}),
    "province_m8": ("province_report", {"province": "Quảng Nam", "year": 2011, "period": "M8"}),
    "region_2024": ("regional_overview", {"region": "MTTN", "year": 2024}),
    "region_m8": ("regional_overview", {"region": "MTTN", "year": 2011, "period": "M8"}),
    "review": ("programme_review", {"province": "Đắk Lắk", "period": "P2021-2025"}),
    "own_list": (
        "province_report",
        {"province": "67", "year": 2011, "data": [str(DATA / "projects_kp.csv")]},
    ),
    "own_quarantine": (
        "province_report",
        {"province": "68", "year": 2017, "data": [str(DATA / "canonical_quarantine.csv")]},
    ),
}


def visible_text(html: Path, work: Path) -> str:
    """The text chromium lays out for `html`, read back from its printed PDF."""
    pdf = work / (html.stem + ".pdf")
    run = chromium(
        html.as_uri(), work / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}"
    )
    assert pdf.exists(), run.stderr[-2000:]
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def offending(text: str) -> list[str]:
    """English words and vocabulary codes in `text` (names, addresses, hashes left out)."""
    text = " ".join(text.split())  # lines broken by the layout are joined again
    for given in DATA_TEXT:
        text = text.replace(given, " ")
    text = _NAMES.sub(" ", text)
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in DENY]
    return words + CODES.findall(text)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("vi_only")
    return {key: render_report(nb, params, out) for key, (nb, params) in RUNS.items()}


@pytest.mark.parametrize("key", list(RUNS))
def test_a_vietnamese_report_shows_no_english_and_no_code(pages, key, tmp_path):
    text = visible_text(pages[key], tmp_path)
    assert len(text) > 1000  # the report was read, not an empty page
    assert offending(text) == [], key


def test_the_checker_catches_a_planted_english_word_and_a_code(pages, tmp_path):
    # Control: the same report with one English sentence and one code planted in a cell.
    html = pages["province_2024"].read_text(encoding="utf-8")
    planted = tmp_path / "planted.html"
    planted.write_text(
        html.replace("</h1>", "</h1><p>138 rows of data, budget_kc</p>", 1), encoding="utf-8"
    )
    found = offending(visible_text(planted, tmp_path))
    assert {"rows", "of", "data", "budget_kc"} <= set(found)


def test_the_seed_article_is_cited_by_publisher_and_date(pages, tmp_path):
    text = " ".join(visible_text(pages["region_m8"], tmp_path).split())
    assert "Cục Công nghiệp địa phương, 16/09/2011" in text
    assert "8 tháng đầu năm 2011" in text


def test_a_part_year_title_names_its_period(pages):
    html = pages["province_m8"].read_text(encoding="utf-8")
    assert "Đánh giá hoạt động khuyến công Quảng Nam 8 tháng đầu năm 2011" in html
    assert "<title>Quảng Nam – 8 tháng đầu năm 2011 – khuyến công</title>" in html
