"""Batch runs on real kernels: failures contained, retries, timeouts, killed kernels, cache."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from batch_helpers import body, run_cli, tiny_sets, work_file, write_run

from kcanalysis.reporting.batch.grid import read_plan
from kcanalysis.reporting.batch.runner import Options, run_batch

pytestmark = pytest.mark.slow


def _html(out: Path, code: str) -> Path:
    names = {"66": "66-dak-lak", "64": "64-gia-lai", "62": "62-kon-tum", "68": "68-lam-dong"}
    return out / "2024" / "FY" / f"{names[code]}.tiny.html"


def test_a_failing_report_is_contained_and_retry_failed_runs_only_it(project):
    flag = project / "fail.flag"
    flag.write_text("")
    doc = tiny_sets("66", "62")
    doc["sets"].insert(1, {"province": "64", "year": 2024, "fail_if": str(flag)})
    run, out = write_run(project, doc), project / "out"

    first = run_cli(run, "--out", out, "--jobs", 2)
    assert first.exit_code == 1
    assert first.stdout.strip().splitlines()[-1] == str(out / "index.html")
    assert _html(out, "66").read_text().rstrip().endswith("</html>")
    assert _html(out, "62").is_file() and not _html(out, "64").exists()
    failed = work_file(out, _html(out, "64"), ".failed.ipynb")
    assert "asked to fail" in failed.read_text()  # the traceback is kept
    # Cell numbers are execution counts: parameters 1, injected 2, imports 3, ... fail 6.
    assert "cell 6: ValueError: asked to fail" in first.stdout
    assert "1 failed" in first.stdout and "2 done" in first.stdout
    index = (out / "index.html").read_text()
    assert "asked to fail: &lt;b&gt;64&lt;/b&gt; &amp; co" in index
    assert "<b>64</b>" not in index
    assert 'id="kc-failed"' in index
    before = {c: _html(out, c).stat().st_mtime_ns for c in ("66", "62")}

    flag.unlink()
    retry = run_cli(run, "--out", out, "--retry-failed")
    assert retry.exit_code == 0, retry.stdout
    assert "1 done" in retry.stdout and "2 skipped" in retry.stdout
    assert {c: _html(out, c).stat().st_mtime_ns for c in ("66", "62")} == before
    assert _html(out, "64").is_file() and not failed.exists()
    assert 'id="kc-failed"' not in (out / "index.html").read_text()

    again = run_cli(run, "--out", out, "--retry-failed")  # nothing failed last time
    assert again.exit_code == 0 and "0 done" in again.stdout


def test_a_report_over_the_timeout_is_stopped_and_marked(project):
    doc = tiny_sets("64")
    doc["sets"].insert(0, {"province": "66", "year": 2024, "sleep_s": 120})
    run, out = write_run(project, doc), project / "out"
    started = time.monotonic()
    result = run_cli(run, "--out", out, "--timeout", 4, "--jobs", 2)
    assert time.monotonic() - started < 60
    assert result.exit_code == 1
    assert "TIMEOUT" in result.stdout and "stopped after 4 s (--timeout)" in result.stdout
    assert "1 timed out" in result.stdout and "1 done" in result.stdout
    assert _html(out, "64").is_file() and not _html(out, "66").exists()
    assert work_file(out, _html(out, "66"), ".failed.ipynb").is_file()
    assert "quá thời gian" in (out / "index.html").read_text()


def test_a_killed_warm_kernel_is_replaced_and_its_report_retried_once(project):
    pid_file = project / "kernel.pid"
    doc = tiny_sets("64", "62")
    doc["sets"].insert(0, {"province": "66", "year": 2024, "pid_file": str(pid_file), "sleep_s": 3})
    plan = read_plan(write_run(project, doc), out=project / "out")
    outcome = {}
    thread = threading.Thread(
        target=lambda: outcome.update(o=run_batch(plan, Options(jobs=1, progress=False)))
    )
    thread.start()
    deadline = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    killed = int(pid_file.read_text())
    os.kill(killed, signal.SIGKILL)
    thread.join(timeout=120)
    result = outcome["o"]
    assert [r.status for r in result.results] == ["done", "done", "done"]
    first = result.results[0]
    assert first.attempts == 2 and "retried once: the kernel died" in first.error
    assert int(pid_file.read_text()) != killed  # the retry ran on a new kernel
    assert result.exit_code == 0


def test_both_engines_give_identical_notebooks_and_html(project):
    run = write_run(project, tiny_sets("66", "64", "62"))
    # One warm kernel renders all three in turn: a leaked name would fail the second.
    warm = run_cli(run, "--out", project / "warm", "--engine", "warm", "--jobs", 1)
    fresh = run_cli(run, "--out", project / "pm", "--engine", "papermill", "--jobs", 2)
    assert warm.exit_code == 0 and fresh.exit_code == 0, warm.stdout + fresh.stdout
    for code in ("66", "64", "62"):
        a, b = _html(project / "warm", code), _html(project / "pm", code)
        assert body(a) == body(b)
        assert "data:image/png;base64," in body(a)
        nb_a, nb_b = (
            json.loads(work_file(o, p, ".ipynb").read_text())
            for o, p in ((project / "warm", a), (project / "pm", b))
        )
        cells = [
            [
                (c["id"], c["source"], c.get("execution_count"), c.get("outputs"))
                for c in nb["cells"]
            ]
            for nb in (nb_a, nb_b)
        ]
        assert cells[0] == cells[1]
        assert [c[2] for c in cells[0] if c[2] is not None] == list(range(1, 11))
        assert (
            nb_a["metadata"]["papermill"]["parameters"]
            == nb_b["metadata"]["papermill"]["parameters"]
        )


def test_both_engines_give_identical_real_reports(tmp_path):
    doc = {
        "sets": [
            {"province": "Đắk Lắk", "year": 2024, "lang": "en"},
            {"region": "MTTN", "year": 2011, "period": "M8"},
        ]
    }
    run = write_run(tmp_path, doc)
    # --jobs 1: both reports run on one warm kernel, the second on memoized data.
    for engine, jobs in (("warm", 1), ("papermill", 2)):
        result = run_cli(run, "--out", tmp_path / engine, "--engine", engine, "--jobs", jobs)
        assert result.exit_code == 0, result.stdout
    for rel in ("2024/FY/66-dak-lak.en.html", "2011/M8/mttn.html"):
        warm, fresh = body(tmp_path / "warm" / rel), body(tmp_path / "papermill" / rel)
        assert warm == fresh
        assert "kc-banner" in warm  # built-in demo data: the synthetic banner shows


def test_up_to_date_reports_are_skipped_and_force_renders_them_again(project):
    run, out = write_run(project, tiny_sets("66", "64")), project / "out"
    assert run_cli(run, "--out", out).exit_code == 0
    stamps = {c: _html(out, c).stat().st_mtime_ns for c in ("66", "64")}
    record = json.loads(work_file(out, _html(out, "66"), ".report.json").read_text())
    ipynb = json.loads(work_file(out, _html(out, "66"), ".ipynb").read_text())
    assert ipynb["metadata"]["kcanalysis"]["cache_key"] == record["key"]
    assert record["headline"] == {
        "budget_kc_mvnd": 1234.5,
        "budget_kc_plan_pct": 50.0,
        "trainees": 66.0,
    }

    second = run_cli(run, "--out", out)
    assert (
        second.exit_code == 0
        and "0 done" in second.stdout
        and "2 skipped (up to date)" in second.stdout
    )
    assert {c: _html(out, c).stat().st_mtime_ns for c in ("66", "64")} == stamps

    changed = tiny_sets("66", "64")
    changed["sets"][1]["payload_kb"] = 2  # a parameter changed: only that report runs
    third = run_cli(write_run(project, changed), "--out", out)
    assert "1 done" in third.stdout and "1 skipped" in third.stdout
    assert _html(out, "66").stat().st_mtime_ns == stamps["66"]

    forced = run_cli(run, "--out", out, "--force")
    assert "2 done" in forced.stdout and "0 skipped" in forced.stdout
    assert all(_html(out, c).stat().st_mtime_ns != stamps[c] for c in ("66", "64"))

    notebook = project / "nb" / "tiny.ipynb"  # the notebook changed: everything runs
    nb = json.loads(notebook.read_text())
    nb["cells"].append(
        {"cell_type": "markdown", "id": "new-cell", "metadata": {}, "source": "More."}
    )
    notebook.write_text(json.dumps(nb))
    assert "2 done" in run_cli(run, "--out", out).stdout
