"""Fixtures of the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import DATA


@pytest.fixture
def data() -> Path:
    """The directory of the ingest fixtures (tests/data/ingest)."""
    return DATA
