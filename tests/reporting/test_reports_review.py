"""Programme reviews run with papermill, a real kernel and nbconvert; and in a browser."""

import re

import pytest

from kcanalysis.reporting import render_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    out = tmp_path_factory.mktemp("review")
    return render_report(
        "programme_review", {"province": "Đắk Lắk", "year": 2025, "period": "P2021-2025"}, out
    )


def test_the_review_is_titled_by_its_period_with_a_yearly_table(review):
    html = review.read_text(encoding="utf-8")
    assert "Tổng kết khuyến công Đắk Lắk giai đoạn 2021–2025" in html
    assert "năm 2025</h1>" not in html
    assert "Kinh phí khuyến công từng năm và cả giai đoạn" in html
    assert "Cả giai đoạn" in html
    assert "Các năm trước 2025 trong giai đoạn là tổng của các tỉnh cũ Đắk Lắk và Phú Yên." in html
    assert "Quyết định 1881/QĐ-TTg" in html
    text = re.sub(r"<[^>]+>", " ", html)
    assert "P2021-2025 " not in text.split("kc-footer")[0] and "budget_kc" not in text
    assert "Traceback" not in html
    # the page title names the period once, not "Giai đoạn 2021–2025 2025"
    assert "<title>Đắk Lắk – Giai đoạn 2021–2025 – khuyến công</title>" in html


def test_the_review_reaches_the_demo_programme_plan(review):
    # The demo's P2021-2025 row of new Đắk Lắk holds its programme plan (planned only);
    # the review shows it as the period target, in whole millions when it is whole, and
    # the yearly fulfilment table (actual against each year's plan).
    from kcanalysis.datasets import load_demo
    from kcanalysis.text import format_number

    facts = load_demo().facts
    row = facts[
        (facts["area_code"] == "66")
        & (facts["period"] == "P2021-2025")
        & (facts["indicator"] == "trainees")
    ]
    target = float(row["planned"].item())
    assert target.is_integer()
    html = review.read_text(encoding="utf-8")
    assert "Mức đạt so với mục tiêu của chương trình giai đoạn" in html
    assert f">{format_number(target, 'vi')}<" in html  # "4.882", never "4.882,0"
    assert f">{format_number(target, 'vi', 1)}<" not in html
    assert "Mức đạt kế hoạch từng năm và cả giai đoạn" in html


def test_the_cli_renders_a_region_review_for_a_programme_period(tmp_path):
    from click.testing import CliRunner

    from kcanalysis.cli import main

    result = CliRunner().invoke(
        main, ["report", "--region", "MTTN", "--period", "P2021-2025", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / "2025" / "P2021-2025" / "mttn.html").read_text(encoding="utf-8")
    assert "Tổng kết khuyến công Miền Trung – Tây Nguyên giai đoạn 2021–2025" in html
    assert "Lâm Đồng mới có cả tỉnh Bình Thuận cũ" in html
