"""`kcanalysis validate`: what it prints and its exit codes (0 clean, ambiguous numbers read
one way included; 1 with quarantined rows, a subtotal disagreeing or, with --strict, an
ambiguous number; 2 nothing loaded)."""

from __future__ import annotations

import csv

from click.testing import CliRunner
from ingest_helpers import PUBLISHED

from kcanalysis.ingest.cli import validate


def run(*args):
    return CliRunner().invoke(validate, [str(a) for a in args])


def test_clean_file_exits_0_and_prints_what_it_understood(data):
    result = run(data / "summary_two_row.xlsx")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Layout:     summary" in out
    assert "Area:       68" in out and "Year:       2017" in out
    assert "ĐVT: triệu đồng" in out
    assert "Rows:       20 = loaded 5 + structural 15" in out
    # totals per level and activity, Vietnamese number format: KCDP MACH plan 6.000
    assert "KCDP   MACH     budget_kc" in out and "6.000" in out and "5.600" in out


def test_quarantined_rows_exit_1_and_are_written(data, tmp_path):
    out_csv = tmp_path / "q.csv"
    result = run(data / "canonical_quarantine.csv", "--quarantine", out_csv)
    assert result.exit_code == 1, result.output
    assert "Quarantined rows (8):" in result.output
    assert "canonical_quarantine!J5: text 'abc' where a number is expected" in result.output
    assert "Warnings (1):" in result.output
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 8


def test_a_figure_disagreeing_with_its_subtotal_exits_1(data):
    result = run(data / "summary_bad_subtotal.csv")
    assert result.exit_code == 1
    assert "Warnings (1):" in result.output and "add up to 8.850" in result.output


def test_ambiguous_numbers_are_information_and_exit_0_unless_strict(data):
    # canonical_vi: a clean provincial file in Vietnamese style; "7.700" (I7) and "2,035"
    # (J3) could each be read two ways. Nothing is quarantined and no subtotal disagrees.
    for name in ("canonical_vi.csv", "canonical_vi.xlsx"):
        result = run(data / name)
        assert result.exit_code == 0, result.output
        assert "Readings to check (2):" in result.output
        assert "Warnings (" not in result.output
        assert "ambiguous '7.700' read as 7700 million VND" in result.output
        strict = run(data / name, "--strict")
        assert strict.exit_code == 1, strict.output
    # --strict changes nothing for a file without ambiguous numbers
    assert run(data / "summary_two_row.xlsx", "--strict").exit_code == 0


def test_nothing_loaded_exits_2(data):
    result = run(data / "broken_password.xlsx")
    assert result.exit_code == 2
    assert "password-protected" in result.output


def test_conflicting_argument_exits_2(data):
    result = run(data / "summary_ty_dong.csv", "--year", "2018")
    assert result.exit_code == 2
    assert "year=2018" in result.output


def test_options_reach_load(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(
        "STT,Tên đề án,Đơn vị thụ hưởng,KP KCĐP\n1,Đào tạo nghề may,HTX A,100\n", encoding="utf-8"
    )
    result = run(path, "--province", "Lâm Đồng", "--year", "2018", "--period", "M6")
    assert "Area:       68" in result.output and "Period: M6" in result.output
    assert "Projects:   1 loaded" in result.output


def test_published_figures_validate_clean():
    assert run(PUBLISHED).exit_code == 0


def test_all_rows_quarantined_exits_2_and_still_writes_them(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "area_code,year,period,level,activity,indicator,unit,planned,actual\n"
        "99,2017,FY,ALL,ALL,projects,count,1,1\n",
        encoding="utf-8",
    )
    out_csv = tmp_path / "q.csv"
    result = run(path, "--quarantine", out_csv)
    assert result.exit_code == 2
    assert "Nothing could be loaded." in result.output
    assert "unknown province '99'" in out_csv.read_text(encoding="utf-8-sig")
