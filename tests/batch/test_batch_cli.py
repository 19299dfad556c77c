"""The `batch` command's own behaviour that needs no kernel."""

from __future__ import annotations

from batch_helpers import run_cli, write_run
from click.testing import CliRunner

from kcanalysis.reporting.batch.cli import batch


def test_an_invalid_run_file_exits_2_naming_the_entry_and_writes_nothing(tmp_path):
    run = write_run(
        tmp_path,
        {"sets": [{"province": "66", "year": 2024}, {"province": "Dak Lax", "year": 2024}]},
    )
    result = CliRunner().invoke(batch, [str(run), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "sets[1] (province_report, area 'Dak Lax', 2024)" in result.stderr
    assert "nothing was run" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_year_without_data_exits_2_before_any_kernel_starts(tmp_path):
    run = write_run(
        tmp_path, {"notebook": "province_report", "areas": ["66"], "years": [2024, 2010]}
    )
    result = run_cli(run, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "No data for area 66 in year=2010" in result.stderr
    assert not list((tmp_path / "out").rglob("*.html"))


def test_options_are_documented():
    text = CliRunner().invoke(batch, ["--help"]).stdout
    for option in ("--jobs", "--engine", "--force", "--retry-failed", "--timeout", "--out"):
        assert option in text
    assert "[default: warm]" in text
