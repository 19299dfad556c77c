"""Fixtures of the batch tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batch_helpers import TINY


@pytest.fixture
def project(tmp_path) -> Path:
    """A folder holding ``nb/tiny.ipynb``; run files go beside it, outputs in ``out/``."""
    (tmp_path / "nb").mkdir()
    shutil.copy(TINY, tmp_path / "nb" / "tiny.ipynb")
    return tmp_path
