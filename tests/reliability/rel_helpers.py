"""Helpers of the reliability tests: the bad corpus and its generator, the `kcanalysis
validate` command run as a user runs it, and the checks every outcome of `load` must pass."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from click.testing import CliRunner

from kcanalysis.cli import main
from kcanalysis.schema import validate_facts

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
GOOD = Path(__file__).resolve().parents[1] / "data" / "ingest"


def make_bad():
    """Import tests/data/bad/make_bad.py (the corpus generator) as a module."""
    if "make_bad" in sys.modules:
        return sys.modules["make_bad"]
    spec = importlib.util.spec_from_file_location("make_bad", BAD / "make_bad.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def corpus_files() -> list[Path]:
    """The committed corpus files that must be refused (not the conflict pair)."""
    return sorted(p for p in BAD.iterdir() if p.is_file() and p.suffix in (".csv", ".xlsx"))


def validate_cli(path: Path):
    """Run `kcanalysis validate PATH` as the command line does; return the click result."""
    return CliRunner().invoke(main, ["validate", str(path)])


def assert_refused_by_cli(path: Path, expected: str = "") -> str:
    """`kcanalysis validate` exits 2 with a one-line reason naming the file, no traceback.

    Returns the reason line.
    """
    result = validate_cli(path)
    out = result.output
    assert result.exit_code == 2, out
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in out
    lines = out.strip().splitlines()
    errors = [ln for ln in lines if ln.startswith("error:")]
    if errors:  # the file could not be read: one line and nothing else
        assert len(errors) == 1 and lines == errors, out
        reason = errors[0]
        assert path.name in reason, reason
    else:  # read, but no row loaded: the report, then the command's 2-exit line
        reason = lines[-1]
        assert reason.startswith(f"Nothing could be loaded. {path.name}: "), out
        assert lines[0].startswith(f"File:       {path.name} "), out
    assert expected in reason, (expected, reason)
    return reason


def assert_valid_outcome(loaded) -> None:
    """What `load` returned holds valid `facts`, and every row of the file is accounted for."""
    facts, report = loaded.facts, loaded.report
    validate_facts(facts, "fuzz")
    assert len(facts) > 0
    assert report.loaded + report.structural + report.quarantined == report.n_rows
    assert len(report.records) == report.n_rows
    assert set(report.records["category"]) <= {"loaded", "structural", "quarantined"}
    report.check_complete()
