"""Shared fixtures: every test writes its outputs under its own tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# On CI (CI set, as `.ci/run` does) property tests draw the same examples on every run, so a
# stop is never refused by a new random draw; locally each run explores new examples, and
# what they find is pinned with @example (see test_methods_dea.py).
settings.register_profile("ci", derandomize=True, print_blob=True)
# A long local run of the properties: pytest --hypothesis-profile=thorough (2.000 examples).
settings.register_profile("thorough", max_examples=2000, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

DATA = Path(__file__).parent / "data"
REFERENCE = DATA / "reference"


@pytest.fixture(autouse=True)
def _outputs_to_tmp(tmp_path, monkeypatch):
    """Send rendered outputs to the test's tmp_path (never the project's outputs/)."""
    monkeypatch.setenv("KCANALYSIS_OUTPUTS", str(tmp_path / "outputs"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
