"""TCVN3 (ABC) and VNI font text: detected, converted to Unicode, and left alone otherwise."""

from __future__ import annotations

import pytest

from kcanalysis.ingest import legacy, load


def test_tcvn3_example_from_the_issue():
    assert legacy.convert_tcvn3("§¾k L¾k") == "Đắk Lắk"


def test_tcvn3_capitals_from_the_uppercase_font():
    # ".VnTimeH" draws capitals from the lowercase codes: the whole cell is in capitals
    assert legacy.convert_tcvn3("§¾K L¾K") == "ĐẮK LẮK"
    assert legacy.convert_tcvn3("B¸o c¸o") == "Báo cáo"


def test_vni_examples():
    assert legacy.convert_vni("Ñaék Laék") == "Đắk Lắk"
    assert legacy.convert_vni("Ñaøo taïo ngheà") == "Đào tạo nghề"
    assert legacy.convert_vni("BAÙO CAÙO") == "BÁO CÁO"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("§¾k L¾k", "tcvn3"),
        ("KÕt qu¶ thùc hiÖn ®Ò ¸n khuyÕn c«ng", "tcvn3"),
        ("Ñaøo taïo ngheà", "vni"),
        ("Ñaék Laék", "vni"),
    ],
)
def test_detection(text, kind):
    assert legacy.detect_legacy(text) == kind


@pytest.mark.parametrize(
    "text",
    ["Đắk Lắk", "Khánh Hoà", "Hòa Bình", "Ghi chú", "BÁO CÁO KẾT QUẢ", "§ 3 Điều", "plain ascii"],
)
def test_unicode_text_is_not_mistaken_for_legacy(text):
    assert legacy.detect_legacy(text) is None


def test_tcvn3_csv_loads_and_says_it_converted(data):
    loaded = load(data / "projects_tcvn3.csv")
    report = loaded.report
    assert "TCVN3" in report.encoding
    assert any("TCVN3" in n.text for n in report.notes)
    projects = loaded.projects
    # the beneficiaries were typed as "C«ng ty TNHH ThuËn Ph¸t" ... in the file
    assert projects["beneficiary"].tolist() == [
        "Công ty TNHH Thuận Phát",
        "HTX Ea Kao",
        "Cơ sở Hoà Bình",
    ]
    assert report.area_code == "66" and report.year == 2014  # "TØNH §¾K L¾K", "N¡M 2014"


def test_vni_xlsx_loads_and_says_it_converted(data):
    loaded = load(data / "summary_vni.xlsx")
    facts = loaded.facts
    report = loaded.report
    assert "VNI" in report.encoding
    assert report.area_code == "62" and report.year == 2008  # "TÆNH KON TUM", "NAÊM 2008"
    # Kon Tum 2008: 450 million VND for local extension (200 training + 250 consulting)
    got = facts.set_index(["activity", "indicator"])["actual"].to_dict()
    assert got == {
        ("CONS", "budget_kc"): 250.0,
        ("CONS", "projects"): 1.0,
        ("TRAIN", "budget_kc"): 200.0,
        ("TRAIN", "projects"): 2.0,
    }
