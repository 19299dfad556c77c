"""summary.csv and summary.xlsx: one row per report with its key figures and reasons."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from batch_helpers import run_cli, write_run
from click.testing import CliRunner

from kcanalysis.reporting.batch.export import Row, csv_text, xlsx_bytes
from kcanalysis.reporting.batch.figures import FIGURES, KEYS

# Hand-made data: Đắk Lắk (66) and Kon Tum (62), 2024, whole year, totals only.
DATA = """area_code,area_name,year,period,level,activity,indicator,unit,planned,actual,source
66,Đắk Lắk,2024,FY,ALL,ALL,budget_kc,million VND,1000,800,test
66,Đắk Lắk,2024,FY,ALL,ALL,disbursed,million VND,,700,test
66,Đắk Lắk,2024,FY,ALL,ALL,budget_counterpart,million VND,,400,test
66,Đắk Lắk,2024,FY,ALL,ALL,trainees,persons,,100,test
62,Kon Tum,2024,FY,ALL,ALL,budget_kc,million VND,,500,test
62,Kon Tum,2024,FY,ALL,ALL,trainees,persons,,0,test
"""


def _row(**over) -> Row:
    values = dict.fromkeys(KEYS)
    values.update(budget_actual_mvnd=5329.0, budget_plan_pct=90.1)
    base = dict(
        area_code="66",
        area_name="Đắk Lắk",
        year=2024,
        period="FY",
        lang="vi",
        notebook="province_report",
        status="done",
        synthetic=True,
        base_year=2024,
        report="2024/FY/66-dak-lak.html",
        values=values,
        reasons={"dea_crs": {"vi": "vùng có dưới 9 tỉnh", "en": "fewer than 9 provinces"}},
    )
    return Row(**{**base, **over})


def test_xlsx_has_vietnamese_headers_number_formats_a_frozen_header_and_links():
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([_row()]))).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Mã địa bàn", "Địa bàn", "Năm", "Kỳ báo cáo"]
    assert "Tỷ lệ giải ngân (%)" in header and "Điểm hiệu quả DEA (CRS)" in header
    assert "Lý do trống: Điểm hiệu quả DEA (CRS)" in header
    assert ws.freeze_panes == "C2"  # the header row (and the area columns) stay in view
    assert ws.auto_filter.ref.startswith("A1:")
    cells = {h: c for h, c in zip(header, ws[2], strict=True)}
    spent = cells["Kinh phí khuyến công thực hiện (triệu đồng)"]
    assert spent.value == 5329 and spent.number_format == "#,##0"
    pct = cells["Tỷ lệ thực hiện kế hoạch kinh phí (%)"]
    assert pct.value == 90.1 and pct.number_format == "#,##0.0"
    assert cells["Điểm hiệu quả DEA (CRS)"].value is None
    assert cells["Lý do trống: Điểm hiệu quả DEA (CRS)"].value == "vùng có dưới 9 tỉnh"
    # A figure that is given has no reason.
    assert cells["Lý do trống: Tỷ lệ thực hiện kế hoạch kinh phí (%)"].value is None
    assert cells["Kỳ báo cáo"].value == "Cả năm" and cells["Trạng thái"].value == "xong"
    assert cells["Tệp báo cáo"].hyperlink.target == "2024/FY/66-dak-lak.html"


def test_text_that_a_spreadsheet_would_run_is_kept_as_text():
    row = _row(area_name="=HYPERLINK(1)", report="")
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([row]))).active
    cell = ws.cell(row=2, column=2)
    assert cell.value == "'=HYPERLINK(1)" and cell.data_type == "s"
    line = next(csv.DictReader(io.StringIO(csv_text([row]))))
    assert line["area_name"] == "'=HYPERLINK(1)"


def test_csv_has_one_value_and_one_reason_column_per_figure():
    text = csv_text([_row()])
    header, line = next(csv.reader(io.StringIO(text))), next(csv.DictReader(io.StringIO(text)))
    for f in FIGURES:
        assert header.index(f"{f.key}_reason") == header.index(f.key) + 1
    assert line["budget_actual_mvnd"] == "5329.0" and line["budget_actual_mvnd_reason"] == ""
    assert line["dea_crs"] == "" and line["dea_crs_reason"] == "fewer than 9 provinces"


def _summary(out: Path) -> dict[str, dict]:
    text = (out / "summary.csv").read_text(encoding="utf-8-sig")
    return {r["area_code"]: r for r in csv.DictReader(io.StringIO(text))}


@pytest.mark.slow
def test_batch_writes_the_summary_and_summary_command_rebuilds_it(project):
    from kcanalysis.cli import main

    (project / "kc.csv").write_text(DATA, encoding="utf-8")
    flag = project / "fail.flag"
    flag.write_text("")
    doc = {
        "notebook": "nb/tiny.ipynb",
        "sets": [
            {"province": "66", "year": 2024, "base_year": 2024, "data": ["kc.csv"]},
            {"province": "62", "year": 2024, "base_year": 2024, "data": ["kc.csv"]},
            {"province": "64", "year": 2024, "fail_if": str(flag)},
        ],
    }
    run, out = write_run(project, doc), project / "out"
    assert run_cli(run, "--out", out).exit_code == 1  # Gia Lai fails
    rows = _summary(out)
    assert set(rows) == {"66", "62", "64"}
    dl = rows["66"]
    assert float(dl["budget_planned_mvnd"]) == 1000 and float(dl["budget_actual_mvnd"]) == 800
    assert float(dl["budget_plan_pct"]) == pytest.approx(80.0)  # 800 / 1000
    assert float(dl["disbursement_pct"]) == pytest.approx(70.0)  # 700 / 1000
    # 800 million VND / 100 trainees, 2024 at 2024 prices (factor 1)
    assert float(dl["cost_per_trainee_real_mvnd"]) == pytest.approx(8.0)
    assert float(dl["leverage_ratio"]) == pytest.approx(0.5)  # 400 / 800
    assert dl["on_time_pct"] == "" and dl["on_time_pct_reason"].startswith("no project list")
    assert dl["dea_crs"] == "" and "fewer than 9 provinces" in dl["dea_crs_reason"]
    assert dl["report"] == "2024/FY/66-dak-lak.tiny.html" and dl["synthetic"] == "no"
    kt = rows["62"]
    assert kt["budget_planned_mvnd"] == "" and kt["budget_plan_pct"] == ""
    assert kt["budget_plan_pct_reason"] and kt["budget_actual_mvnd"] == "500.0"
    assert kt["cost_per_trainee_real_mvnd"] == ""
    assert "zero" in kt["cost_per_trainee_real_mvnd_reason"]
    gl = rows["64"]
    assert gl["status"] == "failed" and gl["budget_actual_mvnd"] == ""
    assert gl["budget_actual_mvnd_reason"].startswith("the report was not rendered")
    ws = openpyxl.load_workbook(out / "summary.xlsx").active
    assert ws.max_row == 4  # the header and three reports

    # Rebuilt from the output folder alone: the same rows, nothing rendered.
    before_csv = (out / "summary.csv").read_text(encoding="utf-8-sig")
    htmls = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    (out / "summary.csv").unlink()
    (out / "summary.xlsx").unlink()
    result = CliRunner().invoke(main, ["summary", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == [str(out / "summary.csv"), str(out / "summary.xlsx")]
    rebuilt = _summary(out)
    for code in ("66", "62"):
        assert rebuilt[code] == rows[code]
    assert rebuilt["64"]["status"] == "failed"
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} == htmls
    assert before_csv.count("\n") == (out / "summary.csv").read_text().count("\n")

    # A record written before the figures were stored: computed from its data instead.
    (record,) = out.rglob("66-dak-lak.tiny.report.json")
    data = json.loads(record.read_text())
    data.pop("figures")
    record.write_text(json.dumps(data))
    assert CliRunner().invoke(main, ["summary", str(out)]).exit_code == 0
    assert _summary(out)["66"] == rows["66"]


def test_summary_of_a_folder_without_reports_says_what_to_do(tmp_path):
    from kcanalysis.cli import main

    result = CliRunner().invoke(main, ["summary", str(tmp_path)])
    assert result.exit_code == 2
    assert "holds no rendered report" in result.stderr and "kcanalysis batch" in result.stderr
