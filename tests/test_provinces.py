import csv
import unicodedata
from pathlib import Path

import pytest

from kcanalysis import normalize_province, provinces
from kcanalysis.errors import UnknownProvinceError

PACKAGED = Path(provinces.__file__).parent / "data" / "provinces_63_to_34.csv"
SHARED = Path(__file__).parents[2] / "shared" / "domain" / "provinces_63_to_34.csv"


def _rows():
    with PACKAGED.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_registry_has_63_provinces_and_34_successor_units():
    assert len(provinces.codes()) == 63
    assert len(provinces.successor_codes()) == 34
    assert all(len(c) == 2 and c.isdigit() for c in provinces.codes())


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside this checkout")
def test_packaged_copy_equals_the_shared_domain_file():
    assert PACKAGED.read_bytes() == SHARED.read_bytes()


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["old_code"])
def test_all_63_successor_mappings(row):
    assert provinces.successor(row["old_code"]) == row["new_code"]
    assert provinces.province_name(row["new_code"], 2026) == row["new_name"]


def test_successors_checked_by_hand():
    # From the 2025 merger resolution as listed in the domain file: Phú Yên joined Đắk Lắk,
    # Bình Định joined Gia Lai (code 52), Kon Tum joined Quảng Ngãi, Quảng Bình joined
    # Quảng Trị (code 44).
    assert provinces.successor("Phú Yên") == "66"
    assert provinces.successor("Bình Định") == "52"
    assert provinces.successor("Kon Tum") == "51"
    assert provinces.successor("Quảng Bình") == "44"


def test_codes_that_changed_meaning_in_2025():
    assert provinces.province_name("46") == "Thừa Thiên Huế"
    assert provinces.province_name("46", 2015) == "Thừa Thiên Huế"
    assert provinces.province_name("46", 2026) == "Huế"
    assert provinces.province_name("52", 2017) == "Bình Định"
    assert provinces.province_name("52", 2026) == "Gia Lai"
    assert provinces.province_name("44", 2020) == "Quảng Bình"
    assert provinces.province_name("44", 2026) == "Quảng Trị"


def test_a_code_that_merged_names_no_unit_after_2025():
    with pytest.raises(UnknownProvinceError, match="joined"):
        provinces.province_name("54", 2026)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (66, "66"),
        ("66", "66"),
        ("Đắk Lắk", "66"),
        ("Đăk Lăk", "66"),
        ("Đắc Lắc", "66"),
        ("Dak Lak", "66"),
        ("Daklak", "66"),
        ("DAK LAK", "66"),
        ("Tỉnh Đắk Lắk", "66"),
        ("Kontum", "62"),
        ("Kon Tum", "62"),
        ("TT-Huế", "46"),
        ("Thừa Thiên - Huế", "46"),
        ("Thừa Thiên Huế", "46"),
        ("Huế", "46"),
        ("Khánh Hoà", "56"),
        ("Khánh Hòa", "56"),
        ("Đăk Nông", "67"),
        ("Đắk Nông", "67"),
        ("Dak Nong", "67"),
        ("Thành phố Đà Nẵng", "48"),
        ("TP. Hồ Chí Minh", "79"),
        ("TP.HCM", "79"),
        ("  lâm   đồng ", "68"),
        ("Bà Rịa - Vũng Tàu", "77"),
        ("Thanh Hoá", "38"),
        ("Hoà Bình", "17"),
        (1, "01"),
        ("1", "01"),
    ],
)
def test_normalize_accepts_aliases(value, code):
    assert normalize_province(value) == code


@pytest.mark.parametrize("code", provinces.codes())
def test_every_name_in_nfc_nfd_ascii_and_case(code):
    name = provinces.province_name(code)
    for form in (
        name,
        unicodedata.normalize("NFD", name),
        provinces.get(code).name_ascii,
        name.upper(),
        f"Tỉnh {name}",
    ):
        assert normalize_province(form) == code, form


def test_unknown_province_lists_three_closest_names():
    with pytest.raises(UnknownProvinceError) as info:
        normalize_province("Dak Lac Xyz")
    assert len(info.value.suggestions) == 3
    assert "Đắk Lắk" in info.value.suggestions
    assert "Did you mean" in str(info.value)


@pytest.mark.parametrize("value", ["", "99", 0, None, "Atlantis", 66.5, True])
def test_normalize_rejects_non_provinces(value):
    with pytest.raises(UnknownProvinceError):
        normalize_province(value)


def test_mttn_has_the_15_members_of_the_2013_and_2023_sources():
    # The 15 names listed in shared/domain/README.md, by their GSO codes.
    names = [
        "Quảng Bình",
        "Quảng Trị",
        "Thừa Thiên Huế",
        "Đà Nẵng",
        "Quảng Nam",
        "Quảng Ngãi",
        "Bình Định",
        "Phú Yên",
        "Khánh Hòa",
        "Ninh Thuận",
        "Kon Tum",
        "Gia Lai",
        "Đắk Lắk",
        "Đắk Nông",
        "Lâm Đồng",
    ]
    expected = sorted(normalize_province(n) for n in names)
    for year in (2011, 2013, 2023):
        assert provinces.region_members("MTTN", year) == expected
    assert "60" not in expected  # Bình Thuận reports to the Southern group


def test_region_note_keeps_the_seed_14_without_guessing():
    assert "14" in provinces.get_region("MTTN").note


def test_region_outside_its_validity_is_an_error():
    with pytest.raises(UnknownProvinceError, match="no recorded members"):
        provinces.region_members("MTTN", 2031)  # recorded to 2030
    with pytest.raises(UnknownProvinceError, match="Known regions"):
        provinces.region_members("XYZ", 2020)


def test_area_label_for_regions_and_country():
    assert provinces.area_label("MTTN") == "Miền Trung – Tây Nguyên"
    assert provinces.area_label("VN", lang="en") == "Whole country"
    assert len(provinces.region_members("VN", 2020)) == 63
