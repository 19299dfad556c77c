"""Tiny hand-made `facts` and project lists for the indicator tests."""

from __future__ import annotations

import pandas as pd
import pytest

from kcanalysis import vocab
from kcanalysis.schema import validate_facts, validate_projects

NAMES = {"66": "Đắk Lắk", "68": "Lâm Đồng", "64": "Gia Lai", "01": "Hà Nội", "MTTN": "MTTN"}


def _fact(
    area="66",
    year=2015,
    period="FY",
    level="ALL",
    activity="ALL",
    indicator="trainees",
    planned=None,
    actual=None,
    qualifier="",
):
    return {
        "area_code": area,
        "area_name": NAMES.get(area, area),
        "year": year,
        "period": period,
        "level": level,
        "activity": activity,
        "indicator": indicator,
        "unit": vocab.unit_of(indicator),
        "planned": planned,
        "actual": actual,
        "qualifier": qualifier,
        "source": "hand",
        "note": "",
    }


@pytest.fixture
def make_facts():
    """Build valid `facts` from keyword dicts: make_facts(dict(level="KCQG", actual=3), ...)."""

    def build(*rows: dict) -> pd.DataFrame:
        return validate_facts(pd.DataFrame([_fact(**r) for r in rows]), "test")

    return build


_PROJECT = {
    "area_code": "66",
    "year": 2015,
    "level": "KCDP",
    "activity": "TRAIN",
    "title": "t",
    "beneficiary": "b",
    "status": "completed",
    "budget_kc": 100.0,
    "budget_counterpart": 0.0,
    "disbursed": 100.0,
    "trainees": None,
    "participants": None,
    "models": None,
    "establishments": None,
    "jobs_created": None,
    "completion_pct": 100.0,
    "planned_end": "2015-10-31",
    "actual_end": "2015-10-31",
    "source": "hand",
}


@pytest.fixture
def make_projects():
    """Build a valid project list; ids are numbered unless given."""

    def build(*rows: dict) -> pd.DataFrame:
        recs = [{**_PROJECT, "project_id": f"p{i}", **r} for i, r in enumerate(rows)]
        return validate_projects(pd.DataFrame(recs), "test")

    return build


def _one(df: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=df.index)
    for col, val in where.items():
        mask &= df[col] == val
    rows = df[mask]
    assert len(rows) == 1, f"expected one row for {where}, got {len(rows)}:\n{df}"
    return rows.iloc[0]


@pytest.fixture
def one():
    """one(df, level="ALL", ...) returns the single matching row (and fails otherwise)."""
    return _one
