"""Every committed fixture loads exactly as recorded in tests/data/ingest/snapshot.json.

The snapshot holds, per fixture: the facts, the projects, the row account (category, kind,
cell and reason of every physical row), the warnings, the notes and the quarantine reasons,
or the one-line error of a file that does not load. It was written from the ingest code
before the layouts were refactored into one pipeline, so the refactor must keep it green.
The `source` strings are compared in a normal form (file!sheet and the set of rows), as the
refactor gives them one format.

Write it again (only after a deliberate change of behaviour) with
``python tests/ingest/test_ingest_snapshot.py --write``.
"""

from __future__ import annotations

import json
import math
import re
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_helpers import DATA

from kcanalysis.errors import DataError
from kcanalysis.ingest import ingest

SNAPSHOT = DATA / "snapshot.json"
FIXTURES = sorted(p for p in DATA.iterdir() if p.suffix in {".csv", ".xlsx", ".xls"})
_SOURCE = re.compile(r"^(?P<where>.+?) rows? (?P<rows>[0-9, \-]+?)(?: \(\d+ projects?\))?$")


def normal_source(text: str) -> str:
    """Return "file!sheet rows a,b,c" for any of the source formats.

    "f!S row 12", "f!S rows 5, 6, 7" and "f!S rows 5-7, 12 (4 projects)" become
    "f!S rows 12", "f!S rows 5,6,7" and "f!S rows 5,6,7,12".
    """
    match = _SOURCE.match(text)
    if match is None:
        return text
    rows: set[int] = set()
    for part in match["rows"].split(","):
        first, _, last = part.strip().partition("-")
        rows.update(range(int(first), int(last or first) + 1))
    return f"{match['where']} rows {','.join(str(r) for r in sorted(rows))}"


def _value(value: object) -> object:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return _value(value.item())
    return value


def _table(frame: pd.DataFrame | None) -> list[dict] | None:
    if frame is None:
        return None
    out = []
    for record in frame.to_dict("records"):
        row = {k: _value(v) for k, v in record.items()}
        if isinstance(row.get("source"), str):
            row["source"] = normal_source(row["source"])
        out.append(row)
    return out


def outcome(path: Path) -> dict:
    """What loading one fixture gives, in plain JSON types."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            got = ingest(path)
        except DataError as error:
            return {"error": str(error)}
    report = got.report
    records = report.records
    return {
        "layout": report.layout,
        "facts": _table(got.facts),
        "projects": _table(got.projects),
        "structural_kinds": report.structural_kinds(),
        "quarantined": report.quarantined,
        "rows": [
            [int(r.row), r.cell, r.category, r.kind, r.reason]
            for r in records.itertuples(index=False)
        ],
        "warnings": [[w.cell, w.text, w.info] for w in report.warnings],
        "notes": [[n.cell, n.text] for n in report.notes],
        "quarantine_reasons": report.quarantine_table()[["row", "cell", "reason"]]
        .astype(str)
        .values.tolist(),
    }


def test_normal_source_joins_the_three_formats():
    """The three formats of today name the same rows in one normal form."""
    assert normal_source("a.csv!a row 12") == "a.csv!a rows 12"
    assert normal_source("a.csv!a rows 5, 6, 7") == "a.csv!a rows 5,6,7"
    assert normal_source("a.xls!S rows 5-7, 12 (4 projects)") == "a.xls!S rows 5,6,7,12"
    assert normal_source("a.xls!S row 8 (1 project)") == "a.xls!S rows 8"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_loads_as_recorded(path: Path):
    """The fixture gives the recorded facts, projects, row account and messages."""
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert path.name in recorded, f"{path.name} is not in the snapshot; write it again"
    assert outcome(path) == recorded[path.name]


def test_snapshot_covers_every_fixture():
    """No fixture was removed or added without writing the snapshot again."""
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert sorted(recorded) == [p.name for p in FIXTURES]


if __name__ == "__main__" and "--write" in sys.argv:
    SNAPSHOT.write_text(
        json.dumps({p.name: outcome(p) for p in FIXTURES}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
