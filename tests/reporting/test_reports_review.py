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
