"""A province's own file beside the built-in panel, rendered with papermill and a kernel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kcanalysis.reporting import render_report

pytestmark = pytest.mark.slow

FILE = Path(__file__).parents[1] / "data" / "ingest" / "projects_decree235.xlsx"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("beside")
    params = {"province": "Đắk Lắk", "year": 2026, "data": [str(FILE), "builtin"]}
    return render_report("province_report", params, out).read_text(encoding="utf-8")


def test_the_banner_says_which_figures_are_the_users(page):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "SỐ LIỆU THỰC BÊN CẠNH DỮ LIỆU MINH HỌA" in text
    assert (
        "số liệu của Đắk Lắk năm 2026 lấy từ tệp của người dùng (projects_decree235.xlsx)" in text
    )
    # the all-synthetic banner would claim the province's own figures are invented
    assert "DỮ LIỆU MINH HỌA TỔNG HỢP: các số liệu trong báo cáo này" not in text


def test_the_users_figures_meet_the_regions_not_their_own_synthetic_past(page):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    # 1.700 million VND from the file (400 + 600 + 500 + 120 + 80), beside the region's
    # median from the panel's other 7 units; no "same period last year" against the
    # panel's invented 2025 figure of the same territory.
    assert "Kinh phí khuyến công 1.700" in text
    assert "Trung vị vùng" in text
    assert "Cùng kỳ năm trước" not in text
