"""Notebook runs with papermill, a real kernel and nbconvert; assertions on the HTML."""

import re
from pathlib import Path

import pytest

from kcanalysis.reporting import render_report

pytestmark = pytest.mark.slow

PROVINCE_RUNS = [
    ("province_report", {"province": "Đắk Lắk", "year": 2024, "lang": "vi"}),
    ("province_report", {"province": "Lâm Đồng", "year": 2024, "lang": "en"}),
    ("province_report", {"province": "Quảng Nam", "year": 2011, "period": "M8", "lang": "vi"}),
]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def rendered(out_dir):
    pages = {}
    for notebook, params in PROVINCE_RUNS:
        pages[(notebook, params["province"])] = render_report(notebook, params, out_dir)
    for lang in ("vi", "en"):
        pages[("regional_overview", lang)] = render_report(
            "regional_overview",
            {"region": "MTTN", "year": 2011, "period": "M8", "lang": lang},
            out_dir,
        )
    return pages


def _common_checks(html: str, path: Path):
    assert path.stat().st_size < 1_500_000
    assert "Traceback" not in html
    assert not re.search(r"<(script|img|link)[^>]+(src|href)=\"https?://", html)
    assert "<script" not in html
    assert "Content-Security-Policy" in html
    assert "jp-CodeMirrorEditor" not in html and 'class="jp-InputArea' not in html
    assert "kc-footer" in html and "sha256" in html


def test_province_reports_have_their_sections(rendered):
    path = rendered[("province_report", "Đắk Lắk")]
    html = path.read_text(encoding="utf-8")
    _common_checks(html, path)
    for heading in (
        "Tóm tắt kết quả",
        "Mục lục",
        "1. Có đúng tiến độ không?",
        "2. Kinh phí có được dùng đúng mục đích không?",
        "3. Chất lượng và quy mô có được nâng lên không?",
        "4. Chất lượng số liệu",
    ):
        assert heading in html
    assert html.count('<figure class="kc-figure">') >= 4
    assert "Hình 1." in html and "Bảng 1." in html
    assert "DỮ LIỆU MINH HỌA TỔNG HỢP" in html  # synthetic banner, in Vietnamese
    assert path.name == "66-dak-lak.html"
    # The executed notebook (it holds the data) is a working file, kept apart.
    out = path.parents[2]  # OUT/<year>/<period>/<area>.html
    assert (out / "_work" / path.relative_to(out)).with_suffix(".ipynb").exists()
    assert not path.with_suffix(".ipynb").exists()


def test_english_report_uses_english_words_and_numbers(rendered):
    path = rendered[("province_report", "Lâm Đồng")]
    html = path.read_text(encoding="utf-8")
    _common_checks(html, path)
    assert "SYNTHETIC DEMONSTRATION DATA" in html
    assert "1. On schedule?" in html
    # Lâm Đồng's real 2017 figures are cited: 10.250 planned -> en "10,250" (a whole
    # number of millions is written without a decimal).
    assert ">10,250<" in html and "10,250.0" not in html and "baolamdong.vn" in html
    assert path.name == "68-lam-dong.en.html"


def test_m8_province_report_renders(rendered):
    html = rendered[("province_report", "Quảng Nam")].read_text(encoding="utf-8")
    assert "8 tháng đầu năm" in html


def test_regional_overview_shows_the_seed_figures_per_language(rendered):
    vi = rendered[("regional_overview", "vi")].read_text(encoding="utf-8")
    en = rendered[("regional_overview", "en")].read_text(encoding="utf-8")
    _common_checks(vi, rendered[("regional_overview", "vi")])
    # Seed article, Jan-Aug 2011: more than 7.700 trainees, 1.150 management trainees,
    # 3 conferences, 4 study tours with 56 participants, 16 models (3 over half complete).
    assert "hơn 7.700" in vi and "1.150" in vi
    assert "more than 7,700" in en and "1,150" in en
    for number in (">3<", ">4<", ">56<", ">16<"):
        assert number in vi
    assert "Theo đơn vị hành chính sau sáp nhập 2025" in vi


def test_data_strings_are_escaped(tmp_path):
    import pandas as pd

    from kcanalysis.sections.blocks import Numbering, table

    html = table(
        pd.DataFrame({"title": ["<script>alert(1)</script>"]}),
        [("title", "Tên", None)],
        "x",
        Numbering("vi"),
    )
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_explore_notebook_runs_with_its_defaults(tmp_path):
    import papermill as pm

    from kcanalysis.reporting.execute import notebook_path

    out = tmp_path / "explore.ipynb"
    pm.execute_notebook(
        str(notebook_path("explore")),
        str(out),
        kernel_name="python3",
        progress_bar=False,
        cwd=str(notebook_path("explore").parent),
    )
    assert "theil_sen" in out.read_text(encoding="utf-8")


def test_user_data_report_escapes_data_strings_and_has_no_banner(tmp_path):
    from kcanalysis.datasets import load_published

    pub = load_published()
    rows = pub[(pub["area_code"] == "66") & (pub["year"] == 2021)].copy()
    rows["note"] = "<script>alert(1)</script>"
    rows["source"] = '"><img src=x onerror=alert(2)> tapchicongthuong.vn'
    path = tmp_path / "dak_lak_2021.csv"
    rows.to_csv(path, index=False)
    html = render_report(
        "province_report", {"province": "66", "year": 2021, "data": [str(path)]}, tmp_path / "out"
    ).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "onerror=alert(2)>" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "DỮ LIỆU MINH HỌA TỔNG HỢP" not in html  # real data: no synthetic banner
    # Đắk Lắk 2021 (tapchicongthuong.vn): 16 projects planned and done -> 100,0% of plan.
    assert "100,0%" in html
