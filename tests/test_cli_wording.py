"""What the command line says: confirmations, available data, misspelt keys, tabs."""

from __future__ import annotations

from click.testing import CliRunner

from kcanalysis.cli import _confirmation, main
from kcanalysis.params import ProvinceReportParams, RegionalOverviewParams, available_ranges


def test_report_confirms_in_words_not_a_dict():
    params = ProvinceReportParams.from_dict({"province": "Đắk Lắk", "year": 2024})
    assert _confirmation(params) == "Đắk Lắk (66) · 2024 · cả năm · vi"
    en = ProvinceReportParams.from_dict(
        {"province": "Kon Tum", "year": 2011, "period": "M8", "lang": "en", "region": "VN"}
    )
    assert _confirmation(en, compared=True) == (
        "Kon Tum (62) · compared with Whole country · 2011 · January–August · en"
    )
    region = RegionalOverviewParams.from_dict({"region": "MTTN", "year": 2024})
    assert _confirmation(region) == "Miền Trung – Tây Nguyên (MTTN) · 2024 · cả năm · vi"


def test_available_data_are_given_as_ranges_with_nothing_cut():
    spans = {(y, "FY") for y in range(2011, 2025)} | {(2011, "M8"), (2024, "M6"), (2025, "M6")}
    assert available_ranges(spans) == "2011–2024 FY; 2024–2025 M6; 2011 M8"
    assert available_ranges({(2011, "FY"), (2012, "FY"), (2015, "FY")}) == "2011–2012, 2015 FY"
    assert available_ranges(set()) == "none"


def test_no_data_message_says_what_the_builtin_data_cover_and_how_to_pass_a_file():
    result = CliRunner().invoke(main, ["report", "--province", "Hà Nội", "--year", "2024"])
    assert result.exit_code == 2
    err = result.stderr
    assert "No data for area 01" in err and "Available for it: none" in err
    assert "cover the MTTN provinces 2011 to June 2025" in err and "--data FILE.xlsx" in err
    later = CliRunner().invoke(main, ["report", "--province", "Đắk Lắk", "--year", "2030"])
    # FY rows of the new unit, and its programme plans (P rows, planned only)
    assert "Available for it: 2025–2026 FY; 2025 P2021-2025; 2030 P2026-2030." in later.stderr


def test_report_needs_a_province_or_a_region_and_says_so():
    result = CliRunner().invoke(main, ["report", "--year", "2024"])
    assert result.exit_code == 2
    assert "Give --province (a province report; with --region, the region it is compared with)" in (
        result.stderr
    )


def test_misspelt_run_file_keys_get_a_suggestion(tmp_path):
    from kcanalysis.reporting.batch.cli import batch

    sets = tmp_path / "sets.yaml"
    sets.write_text("notebook: province_report\nsets:\n  - provnce: Kon Tum\n    year: 2024\n")
    result = CliRunner().invoke(batch, [str(sets), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "unknown parameter(s) provnce (did you mean province?)" in result.stderr
    grid = tmp_path / "grid.yaml"
    grid.write_text("notebook: province_report\nareas: [Kon Tum]\nyers: [2024]\n")
    result = CliRunner().invoke(batch, [str(grid), "--out", str(tmp_path / "o")])
    assert "unknown key(s) yers (did you mean years?)" in result.stderr


def test_a_tab_in_a_run_file_says_use_spaces(tmp_path):
    from kcanalysis.reporting.batch.cli import batch

    run = tmp_path / "tab.yaml"
    run.write_text("notebook: province_report\nareas: [66]\nyears:\n\t- 2024\n")
    result = CliRunner().invoke(batch, [str(run)])
    assert result.exit_code == 2
    assert "has a tab character (line 4)" in result.stderr
    assert "use spaces, not tabs" in result.stderr
