"""Files too big to commit, written at test time by make_bad.py: a million empty formatted
rows (read in seconds), a decompression bomb (refused by the declared sizes before any
parsing, with the memory of the process staying small), a ZIP that lies about its sizes,
and a CSV beyond the size limit."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import openpyxl
import pytest
from click.testing import CliRunner
from rel_helpers import BAD, assert_refused_by_cli, make_bad

from kcanalysis.cli import main
from kcanalysis.errors import DataError
from kcanalysis.ingest import load
from kcanalysis.ingest.xlsx import MAX_UNCOMPRESSED


@pytest.fixture(scope="module")
def million(tmp_path_factory):
    return make_bad().million_empty_rows(tmp_path_factory.mktemp("rows") / "million_rows.xlsx")


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    return make_bad().decompression_bomb(tmp_path_factory.mktemp("bomb") / "bomb.xlsx")


def test_a_million_empty_formatted_rows_are_read_in_seconds(million):
    wb = openpyxl.load_workbook(million, read_only=True)  # the file is what it says
    assert wb.active.max_row == 1_000_002 and wb.active.max_column == 10
    wb.close()
    start = time.perf_counter()
    with pytest.raises(DataError, match=r"Sheet!I2: Excel error value '#REF!'") as err:
        load(million)
    assert time.perf_counter() - start < 10
    report = err.value.report
    assert report.n_rows == 2  # the empty rows after the table are not rows of it
    assert report.quarantined == 1 and report.structural == 1


def test_the_million_rows_through_the_command(million):
    start = time.perf_counter()
    assert_refused_by_cli(million, "Sheet!I2: Excel error value '#REF!'")
    assert time.perf_counter() - start < 10


def test_a_decompression_bomb_is_refused_before_parsing(bomb, monkeypatch):
    assert bomb.stat().st_size < 4 << 20  # small on disk, 2 GiB unpacked

    def never(*args, **kwargs):
        raise AssertionError("the bomb reached the parser")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    start = time.perf_counter()
    with pytest.raises(DataError, match=r"would expand to 2\.0 GiB .* refused unread") as err:
        load(bomb)
    assert time.perf_counter() - start < 2
    assert f"limit of {MAX_UNCOMPRESSED >> 20}.0 MiB" in str(err.value)


def test_the_bomb_leaves_the_memory_of_the_process_small(bomb):
    """In a fresh process: refused in seconds, peak memory far below the bomb's 2 GiB."""
    code = textwrap.dedent(
        f"""
        import json, re, sys, time
        from kcanalysis.ingest import load
        from kcanalysis.errors import DataError

        def peak_kib():
            # VmHWM belongs to this address space; ru_maxrss would carry the parent's
            # high-water mark across fork and exec.
            with open("/proc/self/status") as fh:
                return int(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1))

        before = peak_kib()
        start = time.perf_counter()
        try:
            load({str(bomb)!r})
            outcome = "loaded"
        except DataError as err:
            outcome = str(err)
        print(json.dumps({{"outcome": outcome, "seconds": time.perf_counter() - start,
                          "before_kib": before, "peak_kib": peak_kib()}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "refused unread" in result["outcome"]
    assert result["seconds"] < 5
    assert result["peak_kib"] - result["before_kib"] < 100 * 1024  # < 100 MiB for the load
    assert result["peak_kib"] < 600 * 1024


def test_the_bomb_through_the_command(bomb):
    assert_refused_by_cli(bomb, "would expand to 2.0 GiB")


def test_a_zip_that_lies_about_its_sizes_is_stopped_at_the_declared_size(tmp_path):
    path = make_bad().lying_bomb(tmp_path / "lying.xlsx")  # 1 KiB declared, 512 MiB inside
    start = time.perf_counter()
    with pytest.raises(DataError, match=r"lying.xlsx cannot be opened.*Bad CRC-32"):
        load(path)
    assert time.perf_counter() - start < 5
    assert_refused_by_cli(path, "Bad CRC-32")


def test_a_csv_beyond_the_size_limit_is_refused_unread(tmp_path):
    path = make_bad().oversized_csv(tmp_path / "big.csv")
    with pytest.raises(DataError, match=r"big.csv is 101\.0 MiB, beyond the limit of 100\.0 MiB"):
        load(path)
    assert_refused_by_cli(path, "beyond the limit")


def test_parts_beyond_the_limits(tmp_path):
    """A part that expands more than MAX_RATIO-fold, and a package of too many parts."""
    import zipfile

    path = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b" " * (64 << 20))  # 64 MiB of spaces
    with pytest.raises(DataError, match=r"sheet1\.xml would expand [\d,]+-fold to 64\.0 MiB"):
        load(path)
    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(many, "w") as z:
        for i in range(5001):
            z.writestr(f"p{i}", b"")
    with pytest.raises(DataError, match="holds 5,001 parts"):
        load(many)


def test_the_committed_far_cell_is_tiny(tmp_path):
    """far_cell.xlsx: 5 KiB, yet 17 billion cells if read as a grid; refused by its span."""
    assert (BAD / "far_cell.xlsx").stat().st_size < 10_000


def test_a_csv_of_too_many_rows_is_refused_quickly(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"area_code,year\n" + b",\n" * 250_000)  # 500 KB of blank rows
    start = time.perf_counter()
    with pytest.raises(DataError, match=r"has 250,001 rows \(blank ones included\), more than"):
        load(path)
    assert time.perf_counter() - start < 5


def test_cells_without_references_are_read_all_the_same(tmp_path):
    """The `r` attribute of a cell is optional; without it the whole sheet is read."""
    import re
    import zipfile

    header = ["area_code", "year", "period", "level", "activity", "indicator", "unit"]
    rows = [[*header, "planned", "actual"]]
    for indicator, n in (("projects", 5), ("models", 7)):
        rows.append(["68", 2017, "FY", "ALL", "ALL", indicator, "count", n, n - 1])
    good = tmp_path / "refs.xlsx"
    good.write_bytes(make_bad().xlsx_bytes(rows))
    path = tmp_path / "no_refs.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                body = re.sub(rb'(<c) r="[A-Z]+\d+"', rb"\1", body)
            dst.writestr(info, body)
    assert b' r="A1"' not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    expected = load(good).facts
    assert expected["actual"].tolist() == [4.0, 6.0]
    got = load(path).facts
    assert got.drop(columns="source").equals(expected.drop(columns="source"))


def test_an_unwritable_quarantine_file_is_a_clear_error(tmp_path):
    out = tmp_path / "missing" / "q.csv"
    args = ["validate", str(BAD / "excel_errors.csv"), "--quarantine", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("error: the quarantined rows of excel_errors.csv cannot be written")
