"""Reports across the 2025 merger, run with papermill, a real kernel and nbconvert.

New Đắk Lắk (66 from 1 July 2025) is old Đắk Lắk (66) + Phú Yên (54); new Gia Lai (52)
is old Gia Lai (64) + Bình Định (52), so code 52 names two territories.
"""

import re

import pytest

from kcanalysis.reporting import render_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("merger")
    runs = {
        "dak_lak_2025": ("province_report", {"province": "Đắk Lắk", "year": 2025}),
        "dak_lak_2026": ("province_report", {"province": "Đắk Lắk", "year": 2026}),
        "gia_lai_2026": ("province_report", {"province": "Gia Lai", "year": 2026}),
        "phu_yen_h1": ("province_report", {"province": "Phú Yên", "year": 2025, "period": "M6"}),
        "mttn_2026": ("regional_overview", {"region": "MTTN", "year": 2026}),
    }
    return {
        k: render_report(nb, params, out).read_text(encoding="utf-8")
        for k, (nb, params) in runs.items()
    }


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_new_dak_lak_2025_compares_with_the_sum_of_its_former_provinces(pages):
    html = pages["dak_lak_2025"]
    assert "Đánh giá hoạt động khuyến công Đắk Lắk năm 2025" in html
    assert "hợp nhất từ các tỉnh cũ Đắk Lắk và Phú Yên" in html
    assert "So sánh với năm 2024 là so sánh với tổng của các tỉnh cũ Đắk Lắk và Phú Yên." in html
    assert "Traceback" not in html


def test_new_dak_lak_2026_has_its_trend_across_the_merger(pages):
    html = pages["dak_lak_2026"]
    assert "Các năm trước 2025 là tổng của các tỉnh cũ Đắk Lắk và Phú Yên" in html
    # 2026 has no published CPI yet: the report says which year's prices it uses.
    assert "Chưa có chỉ số giá tiêu dùng năm 2026" in html
    text = _text(html)
    for code in ("budget_kc", " FY ", "no CPI", "synthetic demo ("):
        assert code not in text


def test_new_gia_lai_lists_both_former_provinces_published_figures(pages):
    html = pages["gia_lai_2026"]
    assert "Đánh giá hoạt động khuyến công Gia Lai năm 2026" in html
    assert "Bình Định (tỉnh cũ, trước 1/7/2025)" in html
    assert "hợp nhất từ các tỉnh cũ Gia Lai và Bình Định" in html


def test_phu_yen_first_half_of_2025_is_the_old_province(pages):
    html = pages["phu_yen_h1"]
    assert "Phú Yên" in html and "6 tháng đầu năm" in html
    assert "từ ngày đó tỉnh Phú Yên hợp nhất vào Đắk Lắk" in html


def test_the_2026_overview_has_the_8_units_and_the_binh_thuan_note(pages):
    html = pages["mttn_2026"]
    for name in ("Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng"):
        assert name in html
    assert "Lâm Đồng mới gồm cả tỉnh Bình Thuận cũ" in html


def test_reports_name_their_legal_basis_by_year(pages):
    # From 2026 the programme runs under Decree 45/2012 as amended by Decree 235/2025;
    # earlier years keep Decree 45/2012 alone.
    assert (
        "Căn cứ: Nghị định 45/2012/NĐ-CP, sửa đổi bởi Nghị định 235/2025/NĐ-CP"
        in pages["dak_lak_2026"]
    )
    assert "Căn cứ: Nghị định 45/2012/NĐ-CP ·" not in pages["dak_lak_2026"]
    assert "235/2025" not in _text(pages["dak_lak_2025"]).split("kc-footer")[0]
    assert "Căn cứ: Nghị định 45/2012/NĐ-CP" in pages["dak_lak_2025"]


def test_2026_shows_decree_235_activities_and_the_programme_pace(pages):
    text = _text(pages["dak_lak_2026"])
    assert "Chuyển đổi số, ứng dụng công nghệ số, thương mại điện tử" in text
    assert "Sản xuất và tiêu dùng bền vững, kinh tế tuần hoàn" in text
    assert "Tiến độ thực hiện chương trình khuyến công giai đoạn 2026–2030" in text
    assert "Đã thực hiện năm 2026" in text and "2026–2026" not in text
