from click.testing import CliRunner

from kcanalysis.cli import main


def test_info_describes_real_and_synthetic_data():
    result = CliRunner().invoke(main, ["info"])
    assert result.exit_code == 0, result.output
    # 53 rows in published_figures.csv + 43 in published_figures_2020s.csv
    assert "Published figures (real, sourced): 96 rows" in result.output
    assert "SYNTHETIC" in result.output
    assert "7.700" in result.output


def test_provinces_lists_63_rows():
    result = CliRunner().invoke(main, ["provinces"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) == 63
    assert "46  Thừa Thiên Huế" in result.output
