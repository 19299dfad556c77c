"""Every rule of the canonical tables is rejected with a message naming column and fix."""

import math

import pandas as pd
import pytest

from kcanalysis.datasets import load_published
from kcanalysis.errors import DataError
from kcanalysis.schema import FACTS_COLUMNS, validate_facts, validate_projects

GOOD = {
    "area_code": "66",
    "area_name": "Đắk Lắk",
    "year": 2021,
    "period": "FY",
    "level": "ALL",
    "activity": "ALL",
    "indicator": "budget_kc",
    "unit": "million VND",
    "planned": 1800.0,
    "actual": 1759.0,
    "qualifier": "",
    "source": "test",
    "note": "",
}


def _facts(**changes):
    return pd.DataFrame([{**GOOD, **changes}])


def test_published_figures_load_with_96_rows():
    facts = load_published()
    # 53 rows in published_figures.csv + 43 confirmed in published_figures_2020s.csv.
    assert len(facts) == 53 + 43
    assert list(facts.columns) == list(FACTS_COLUMNS)
    assert facts["year"].dtype == "int64"


def test_a_good_row_passes_and_keeps_its_values():
    out = validate_facts(_facts())
    assert out.loc[0, "actual"] == 1759.0
    assert out.loc[0, "area_code"] == "66"


def test_numeric_area_codes_are_zero_padded():
    assert validate_facts(_facts(area_code=1, area_name="Hà Nội")).loc[0, "area_code"] == "01"


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"area_code": "99"}, "area_code"),
        ({"area_name": ""}, "area_name"),
        ({"year": 1890}, "year"),
        ({"year": "năm nay"}, "year"),
        ({"year": 2020.5}, "year"),
        ({"period": "Q5"}, "period"),
        ({"period": "M12"}, "period"),
        ({"period": "P2012-2016"}, "period"),  # a multi-year total must end in `year`
        ({"level": "TINH"}, "level"),
        ({"activity": "TRAINING"}, "activity"),
        ({"indicator": "budget"}, "indicator"),
        ({"unit": "tỷ đồng"}, "unit"),
        ({"planned": -5.0}, "planned"),
        ({"actual": math.inf}, "actual"),
        ({"actual": "bảy"}, "actual"),
        ({"qualifier": "hơn"}, "qualifier"),
        ({"source": ""}, "source"),
        ({"planned": None, "actual": None}, "planned"),
    ],
)
def test_each_rule_is_rejected_naming_the_column(changes, column):
    with pytest.raises(DataError) as info:
        validate_facts(_facts(**changes), source="t.csv")
    message = str(info.value)
    assert f"column '{column}'" in message
    assert "t.csv" in message
    assert "Fix:" in message


def test_duplicate_keys_are_rejected():
    with pytest.raises(DataError, match="rows 0, 1"):
        validate_facts(pd.concat([_facts(), _facts()], ignore_index=True))


def test_missing_and_unexpected_columns_are_named():
    with pytest.raises(DataError, match="missing column\\(s\\) note"):
        validate_facts(_facts().drop(columns="note"))
    with pytest.raises(DataError, match="unexpected column\\(s\\) extra"):
        validate_facts(_facts().assign(extra=1))


PROJECT = {
    "project_id": "P1",
    "area_code": "66",
    "year": 2021,
    "level": "KCDP",
    "activity": "TRAIN",
    "title": "Đào tạo nghề mây tre đan",
    "beneficiary": "HTX A",
    "status": "accepted",
    "budget_kc": 200.0,
    "budget_counterpart": 20.0,
    "disbursed": 190.0,
    "trainees": 35.0,
    "participants": None,
    "models": None,
    "establishments": None,
    "jobs_created": 30.0,
    "completion_pct": 100.0,
    "planned_end": "2021-11-30",
    "actual_end": "2021-11-20",
    "source": "test",
}


def test_projects_good_row_parses_dates():
    out = validate_projects(pd.DataFrame([PROJECT]))
    assert out.loc[0, "planned_end"] == pd.Timestamp("2021-11-30")


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"status": "done"}, "status"),
        ({"completion_pct": 140.0}, "completion_pct"),
        ({"budget_kc": -1.0}, "budget_kc"),
        ({"planned_end": "not a date"}, "planned_end"),
        ({"level": "ALL"}, "level"),
        ({"activity": "ALL"}, "activity"),
    ],
)
def test_project_rules_are_rejected(changes, column):
    with pytest.raises(DataError, match=f"column '{column}'"):
        validate_projects(pd.DataFrame([{**PROJECT, **changes}]))


def test_duplicate_project_ids_are_rejected():
    with pytest.raises(DataError, match="project_id"):
        validate_projects(pd.DataFrame([PROJECT, PROJECT]))
