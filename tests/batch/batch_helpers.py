"""Helpers for the batch tests: run files, command runs, HTML bodies."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from click.testing import CliRunner

TINY = Path(__file__).parents[1] / "data" / "batch" / "tiny.ipynb"
PROJECT = Path(__file__).parents[2]
TIMESTAMP = re.compile(r'<p class="kc-timestamp">.*?</p>', re.S)


def write_run(folder: Path, doc: dict, name: str = "run.yaml") -> Path:
    """Write a run file and return its path."""
    path = folder / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def tiny_sets(*provinces: str, **common) -> dict:
    """A sets run file of tiny reports for `provinces` (2024 FY, built-in data)."""
    return {
        "notebook": "nb/tiny.ipynb",
        "sets": [{"province": p, "year": 2024, **common} for p in provinces],
    }


def run_cli(*args: str):
    """Invoke `kcanalysis batch` in this process; return click's result."""
    from kcanalysis.reporting.batch.cli import batch

    return CliRunner().invoke(batch, [*map(str, args), "--no-progress"], catch_exceptions=False)


def work_file(out: Path, html_path: Path, suffix: str) -> Path:
    """The working file of a report (its notebook, record...) in ``out/_work/``."""
    rel = Path(html_path).relative_to(out)
    return (out / "_work" / rel).with_suffix(suffix)


def body(html_path: Path) -> str:
    """The HTML of a report without its timestamp line."""
    return TIMESTAMP.sub("", Path(html_path).read_text(encoding="utf-8"))
