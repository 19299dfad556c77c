"""The README's "Analyse in Python": its ten lines run as written, table and chart."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

README = Path(__file__).parents[1] / "README.md"


def _snippet() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Analyse in Python", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_analysis_runs_and_gives_a_table_and_a_chart(tmp_path, monkeypatch):
    code = _snippet()
    assert len([line for line in code.splitlines() if line.strip()]) == 10
    matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # our own README's code
    table = scope["table"]
    assert len(table) == 15  # the 15 MTTN provinces of 2024
    # Đắk Lắk 2024: 5.329 of 5.914 million VND planned (demo panel's totals) = 90,1 %
    assert table.loc["Đắk Lắk", "pct_of_plan"] == round(100 * 5329 / 5914, 1) == 90.1
    assert table["crs"].between(0, 1).all() and table["crs"].max() == 1.0
    assert list(table["pct_of_plan"]) == sorted(table["pct_of_plan"])
    png = tmp_path / "pct_of_plan.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
