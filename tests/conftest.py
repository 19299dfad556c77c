"""Shared fixtures: every test writes its outputs under its own tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REFERENCE = DATA / "reference"


@pytest.fixture(autouse=True)
def _outputs_to_tmp(tmp_path, monkeypatch):
    """Send rendered outputs to the test's tmp_path (never the project's outputs/)."""
    monkeypatch.setenv("KCANALYSIS_OUTPUTS", str(tmp_path / "outputs"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
