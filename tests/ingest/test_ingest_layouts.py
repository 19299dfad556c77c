"""A fourth layout, declared in the test with a `Layout` record and a `reshape`, loads a
file through the same pipeline as the three built-in ones (see `kcanalysis.ingest`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from ingest_helpers import assert_accounted

from kcanalysis import vocab
from kcanalysis.errors import DataError
from kcanalysis.ingest import layouts, load
from kcanalysis.ingest.canonical import mark_top
from kcanalysis.ingest.conversion import Job, area_name
from kcanalysis.ingest.tables import Column, Table
from kcanalysis.ingest.values import read_values
from kcanalysis.normalize import fold_words
from kcanalysis.schema import FACTS_COLUMNS

ESTIMATE = (
    "Dự toán kinh phí khuyến công năm 2024\n"
    "Nội dung,Dự toán\n"
    'Đào tạo nghề,"1.200"\n'
    "Mô hình trình diễn,800\n"
    "Tư vấn,-5\n"
)


def find_estimate(pos: int, texts: list[list[str]], rows) -> Table | None:
    """A budget estimate ("dự toán"): "Nội dung" beside "Dự toán" on one header row."""
    keys = [fold_words(t) for t in texts[pos]]
    if keys[:2] != ["noi dung", "du toan"]:
        return None
    return Table("estimate", [pos], [Column(0, "label", "Nội dung"), Column(1, "planned", "")])


def reshape_estimate(job: Job) -> layouts.Converted:
    """Each row below the header is one activity's planned extension funds."""
    mark_top(job)
    pos = np.arange(job.table.first_data, len(job.values))
    ok = np.ones(len(pos), dtype=bool)

    def bad(i: int, reason: str) -> None:
        job.quarantine(int(pos[i]), 1, reason)
        ok[i] = False

    def warn(i: int, text: str) -> None:
        job.warn(int(pos[i]), 1, text)

    parsed = read_values(job.values[pos, 1], "money", job.money_factor, "planned", bad, warn)
    job.mark(pos[ok])
    name = area_name(job.area, job.year)[0]
    facts = pd.DataFrame(
        {
            "area_code": job.area,
            "area_name": name,
            "vintage": job.area_vintage,
            "year": job.year,
            "period": "FY",
            "level": "ALL",
            "activity": [vocab.activity_of_text(str(t)) for t in job.values[pos[ok], 0]],
            "indicator": "budget_kc",
            "unit": vocab.MONEY_UNIT,
            "planned": parsed.values[ok],
            "actual": np.nan,
            "qualifier": "",
            "source": job.source(pos[ok]),
            "note": "",
        },
        columns=list(FACTS_COLUMNS),
    )
    return layouts.Converted(facts)


@pytest.fixture
def with_estimate(monkeypatch):
    """The built-in layouts and, last, the estimate."""
    estimate = layouts.Layout("estimate", find_estimate, reshape_estimate)
    monkeypatch.setattr(layouts, "LAYOUTS", [*layouts.LAYOUTS, estimate])


def test_a_fourth_layout_loads_a_file(tmp_path, with_estimate):
    path = tmp_path / "du_toan.csv"
    path.write_text(ESTIMATE, encoding="utf-8")
    loaded = load(path, province="Phú Yên", year=2024)
    facts = loaded.facts
    report = loaded.report
    assert report.layout == "estimate"
    # "1.200" is 1200 (Vietnamese thousands separator); 800 as written; -5 is quarantined
    assert facts.set_index("activity")["planned"].to_dict() == {"TRAIN": 1200.0, "DEMO": 800.0}
    assert facts["source"].tolist() == ["du_toan.csv!du_toan row 3", "du_toan.csv!du_toan row 4"]
    assert report.quarantine_table()["reason"].tolist() == [
        "negative amount -5 in planned; amounts are >= 0"
    ]
    assert report.structural_kinds() == {"header": 1, "title": 1}
    assert_accounted(report, path)


def test_without_its_record_the_layout_is_not_recognised(tmp_path):
    path = tmp_path / "du_toan.csv"
    path.write_text(ESTIMATE, encoding="utf-8")
    with pytest.raises(DataError, match="no recognisable table"):
        load(path, province="Phú Yên", year=2024)


def test_the_built_in_layouts_are_tried_in_declared_order():
    assert [item.name for item in layouts.LAYOUTS] == ["summary", "canonical", "projects"]
