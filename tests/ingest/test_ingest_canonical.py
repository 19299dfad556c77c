"""Layout 1: the canonical long table, with English or Vietnamese headers."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest
from ingest_helpers import PUBLISHED, assert_accounted

from kcanalysis.errors import DataError
from kcanalysis.ingest import ingest, load

FACTS_VI = pd.DataFrame(
    # canonical_vi (make_fixtures.CANONICAL_VI), worked out by hand:
    # "2,5" / "2,035" with unit "tỷ đồng" -> 2500 / 2035; "1.150"/"1.234" persons;
    # "=2+1" cached as 3; "1.234,5" and "262,5 triệu"; "7.700" and "hơn 3 tỷ" -> 3000 ">";
    # "-" -> missing.
    [
        ("FY", "KCDP", "ALL", "budget_kc", "million VND", 2500.0, 2035.0, ""),
        ("M6", "ALL", "TRAIN", "trainees", "persons", 1150.0, 1234.0, ""),
        ("FY", "KCQG", "DEMO", "projects", "count", 3.0, 2.0, ""),
        ("FY", "KCQG", "DEMO", "budget_kc", "million VND", 1234.5, 262.5, ""),
        ("FY", "KCDP", "TRAIN", "budget_kc", "million VND", 7700.0, 3000.0, ">"),
        ("FY", "KCDP", "TRAIN", "trainees", "persons", np.nan, 1150.0, ""),
    ],
    columns=["period", "level", "activity", "indicator", "unit", "planned", "actual", "qualifier"],
)


def test_published_figures_load_cell_by_cell():
    loaded = load(PUBLISHED)
    facts = loaded.facts
    expected = pd.read_csv(
        PUBLISHED,
        dtype={"area_code": str},
        keep_default_na=False,
        na_values={"planned": [""], "actual": [""]},
    )
    assert len(facts) == len(expected) == 53
    for col in (
        "area_code",
        "year",
        "period",
        "level",
        "activity",
        "indicator",
        "unit",
        "qualifier",
        "note",
    ):
        assert facts[col].tolist() == expected[col].tolist(), col
    np.testing.assert_array_equal(facts["planned"], expected["planned"].astype(float))
    np.testing.assert_array_equal(facts["actual"], expected["actual"].astype(float))
    # the file's own source is kept, followed by where the row is in the file
    assert facts["source"][0].endswith("published_figures.csv!published_figures row 2")
    report = loaded.report
    assert report.clean and report.layout == "canonical"
    assert_accounted(report, PUBLISHED)


@pytest.mark.parametrize(
    ("name", "kw"),
    [
        ("canonical_vi.xlsx", {}),
        ("canonical_vi.csv", {"delimiter": ";"}),
        ("canonical_vi_bom.csv", {}),
        ("canonical_vi_utf16.csv", {"encoding": "utf-16", "delimiter": "\t"}),
        ("canonical_vi_1258.csv", {"encoding": "cp1258"}),
    ],
)
def test_vietnamese_headers_units_and_numbers(data, name, kw):
    loaded = load(data / name)
    facts = loaded.facts
    got = facts[FACTS_VI.columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, FACTS_VI, check_dtype=False)
    assert set(facts["area_code"]) == {"56"}
    assert set(facts["area_name"]) == {"Khánh Hòa"}  # "Khánh Hoà" in the title and a row
    report = loaded.report
    # two ambiguous money cells are reported, naming the cells
    cells = sorted(w.cell.split(": ")[1].split("!")[1] for w in report.warnings)
    assert cells == ["I7", "J3"]
    assert_accounted(report, data / name, **kw)


def test_encodings_are_reported(data):
    labels = {
        name: ingest(data / name).report.encoding
        for name in (
            "canonical_vi.csv",
            "canonical_vi_bom.csv",
            "canonical_vi_utf16.csv",
            "canonical_vi_1258.csv",
        )
    }
    assert labels == {
        "canonical_vi.csv": "UTF-8, semicolon-separated",
        "canonical_vi_bom.csv": "UTF-8 with BOM, comma-separated",
        "canonical_vi_utf16.csv": "UTF-16, tab-separated",
        "canonical_vi_1258.csv": "Windows-1258, comma-separated",
    }


def test_each_quarantine_reason(data):
    result = ingest(data / "canonical_quarantine.csv")
    report = result.report
    reasons = report.records.query("category == 'quarantined'").set_index("cell")["reason"]
    sheet = "canonical_quarantine"
    assert reasons[f"{sheet}!A3"].startswith(
        "unknown province 'Lâm Đông X' (did you mean: Lâm Đồng"
    )
    assert "negative amount -8300" in reasons[f"{sheet}!J4"]
    assert reasons[f"{sheet}!J5"] == "text 'abc' where a number is expected"
    assert "year 2107 is outside the data" in reasons[f"{sheet}!C6"]
    assert reasons[f"{sheet}!G7"].startswith("duplicate of row 2")
    assert "Nấu ăn" in reasons[f"{sheet}!F9"]
    assert "does not fit indicator budget_total" in reasons[f"{sheet}!H10"]
    assert len(reasons) == 8
    # 9 against a plan of 2 is 4.5 times: a warning naming J8, and the row is loaded
    assert [w.cell for w in report.warnings] == [
        "canonical_quarantine.csv: canonical_quarantine!J8"
    ]
    assert result.facts["actual"].tolist() == [65.0, 9.0]
    assert_accounted(report, data / "canonical_quarantine.csv")


def test_quarantine_csv_neutralises_formulas(data, tmp_path):
    report = ingest(data / "canonical_quarantine.csv").report
    out = report.write_quarantine(tmp_path / "q.csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 8
    hyperlink = next(r for r in rows if r["row"] == "11")
    # OWASP: a leading = + - @ tab or CR gets a single quote, in the raw cells and the reason
    assert hyperlink["A"].startswith("'=HYPERLINK(")
    assert hyperlink["reason"].startswith("unknown province")
    negative = next(r for r in rows if r["row"] == "4")
    assert negative["J"] == "'-8300"
    assert negative["file"] == "canonical_quarantine.csv" and negative["cell"].endswith("!J4")
    assert negative["L"] == ""  # empty cells stay empty


def test_ambiguous_published_case(data):
    # tapchicongthuong.vn prints "4.899 tỷ" for Đắk Lắk 2021 total funds; with 1,759 + 3,14
    # billion the parts add up to 4.899 million VND.
    loaded = load(data / "canonical_ambiguous.csv")
    facts = loaded.facts
    assert facts["actual"].tolist() == [4899.0, 1759.0, 3140.0]
    warnings = loaded.report.warnings
    assert [w.cell.split("!")[1] for w in warnings] == ["J2", "J3"]


def test_conflict_between_title_and_rows_is_an_error(data):
    with pytest.raises(DataError, match=r"rows are about 2016, but the title .* says 2017"):
        load(data / "canonical_title_conflict.csv")


def test_year_argument_that_disagrees_with_every_row_is_an_error():
    with pytest.raises(DataError, match="the argument year=2019"):
        load(PUBLISHED, year=2019)


def test_province_argument_quarantines_other_provinces():
    result = ingest(PUBLISHED, province="Gia Lai")
    assert set(result.facts["area_code"]) == {"64"}
    assert len(result.facts) == 5  # the five Gia Lai rows of published_figures.csv
    reasons = result.report.records.query("category == 'quarantined'")["reason"]
    assert len(reasons) == 48 and reasons.str.contains("given by the argument province").all()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_report_of_indicators_rows_loads_as_totals(data, suffix):
    # summary_indicators: one row per indicator with an ĐVT column and no level or activity
    # column. Lâm Đồng (68) 2017 from the title; 65 projects and "10.250" / "10.100" million
    # VND (published); 320 / 345 trainees (made up). Rows are totals: level and activity ALL.
    path = data / f"summary_indicators{suffix}"
    result = ingest(path)
    got = result.facts.set_index("indicator")[["area_code", "year", "level", "activity"]]
    assert set(got.itertuples(index=False)) == {("68", 2017, "ALL", "ALL")}
    values = result.facts.set_index("indicator")[["unit", "planned", "actual"]]
    assert values.to_dict("index") == {
        "projects": {"unit": "count", "planned": 65.0, "actual": 65.0},
        "budget_kc": {"unit": "million VND", "planned": 10250.0, "actual": 10100.0},
        "trainees": {"unit": "persons", "planned": 320.0, "actual": 345.0},
    }
    report = result.report
    notes = [m.text for m in report.notes]
    assert "no activity column: the rows are totals over all activities (ALL)" in notes
    cells = [str(w) for w in report.warnings]
    sheet = "summary_indicators" if suffix == ".csv" else "Sheet1"
    assert any(f"{sheet}!D5: ambiguous '10.250'" in w for w in cells), cells
    assert report.structural_kinds() == {"title": 2, "header": 1, "note": 1}
    assert_accounted(report, path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_year_plan_beside_half_year_actual_gives_rows_of_each_period(data, suffix):
    # canonical_half_year (Bình Định 2023, made up): "Kế hoạch năm" is the plan for the
    # year (FY), "Thực hiện 6 tháng" the actual for six months (M6); they are not one row.
    result = ingest(data / f"canonical_half_year{suffix}")
    got = {
        (r.period, r.indicator): (r.planned, r.actual) for r in result.facts.itertuples(index=False)
    }
    assert all(np.isnan(v[1]) for k, v in got.items() if k[0] == "FY")
    assert {k: v[1] for k, v in got.items() if k[0] == "M6"} == {
        ("M6", "projects"): 5.0,
        ("M6", "budget_kc"): 1250.5,  # "1.250,5"
    }
    assert {k: v[0] for k, v in got.items() if k[0] == "FY"} == {
        ("FY", "projects"): 12.0,
        ("FY", "budget_kc"): 3200.0,  # "3.200,0"
        ("FY", "trainees"): 400.0,
    }
    assert all(np.isnan(v[0]) for k, v in got.items() if k[0] == "M6")
    assert set(result.facts["year"]) == {2023}
    notes = [m.text for m in result.report.notes]
    assert "column 'Thực hiện 6 tháng' read as actual for M6" in notes
    assert_accounted(result.report, data / f"canonical_half_year{suffix}")


def _write(tmp_path, header: str, rows: str, title: str = "KẾT QUẢ KHUYẾN CÔNG TỈNH LÂM ĐỒNG"):
    path = tmp_path / "table.csv"
    path.write_text(f"{title}\n{header}\n{rows}", encoding="utf-8")
    return path


def test_plan_and_actual_of_the_same_year_stay_one_row(tmp_path):
    path = _write(
        tmp_path, "Chỉ tiêu,ĐVT,Kế hoạch năm 2017,Thực hiện năm 2017", "Số đề án,đề án,10,9"
    )
    loaded = load(path)
    facts = loaded.facts
    assert facts[["year", "period", "planned", "actual"]].values.tolist() == [
        [2017, "FY", 10.0, 9.0]
    ]


def test_header_years_set_the_rows_years(tmp_path):
    # Last year's actual beside this year's plan: each row takes its column's year.
    path = _write(
        tmp_path, "Chỉ tiêu,ĐVT,Thực hiện năm 2016,Kế hoạch năm 2017", "Số đề án,đề án,8,10"
    )
    loaded = load(path)
    facts = loaded.facts.sort_values("year")
    assert facts[["year", "period", "planned", "actual"]].fillna(-1).values.tolist() == [
        [2016, "FY", -1, 8.0],
        [2017, "FY", 10.0, -1],
    ]


def test_a_period_column_wins_over_words_in_the_headers(tmp_path):
    path = _write(
        tmp_path,
        "Kỳ,Chỉ tiêu,ĐVT,Kế hoạch năm,Thực hiện 6 tháng",
        "FY,Số đề án,đề án,10,9",
        title="KẾT QUẢ KHUYẾN CÔNG NĂM 2017 TỈNH LÂM ĐỒNG",
    )
    result = ingest(path)
    assert result.facts[["period", "planned", "actual"]].values.tolist() == [["FY", 10.0, 9.0]]
    notes = [m.text for m in result.report.notes]
    assert any(n.startswith("the period column sets the period") for n in notes), notes
