"""The index page, the summary text, cache keys and the kernel-noise filter (no kernels)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
from collections import deque
from pathlib import Path

import pytest
from batch_helpers import PROJECT

from kcanalysis.reporting.batch import kernel
from kcanalysis.reporting.batch.cache import job_key
from kcanalysis.reporting.batch.grid import read_plan
from kcanalysis.reporting.batch.index import render_index, write_index
from kcanalysis.reporting.batch.runner import Outcome, Result
from kcanalysis.reporting.batch.summary import summary_table

HOSTILE = "<script>document.title='pwned'</script> & \"quotes\""


def _outcome(tmp_path: Path, synthetic: bool = True) -> Outcome:
    plan = read_plan(PROJECT / "params" / "demo.yaml", out=tmp_path)
    results = []
    for n, job in enumerate(plan.jobs):
        head = {
            "budget_kc_mvnd": 1000.0 + 100 * n,
            "budget_kc_plan_pct": 50.0 + n,
            "trainees": 900.0 - n,
        }
        results.append(Result(job, "done", 1.5, headline=head, synthetic=synthetic))
    failed = results[3]
    failed.status, failed.error, failed.headline = "failed", f"cell 6: ValueError: {HOSTILE}", {}
    failed.failed_ipynb = str(failed.job.failed_ipynb)
    results[4].status = "timeout"
    results[4].error = "stopped after 4 s (--timeout)"
    results[5].status = "cached"
    return Outcome(results, tmp_path, engine="warm", wall_seconds=12.0)


def test_index_has_a_row_per_report_and_escapes_errors(tmp_path):
    html = render_index(_outcome(tmp_path))
    assert html.count('<tr class="kc-row') == 43  # params/demo.yaml: 15 x 2 + 8 + 3 + 2
    assert HOSTILE not in html and "<script>document.title" not in html
    assert (
        "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt; &amp; &quot;quotes&quot;"
        in html
    )
    assert 'id="kc-failed"' in html and "Báo cáo không tạo được (2)" in html
    assert '<div class="kc-banner" role="note">DỮ LIỆU MINH HỌA TỔNG HỢP: 43 báo cáo' in html
    assert 'href="2011/M8/44-quang-binh.html"' in html
    assert "1,0 tỷ đồng" in html and "50,0%" in html  # Vietnamese number formatting
    assert 'data-sort="1000"' in html


def test_index_is_self_contained_and_offline(tmp_path):
    html = render_index(_outcome(tmp_path))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "script-src 'unsafe-inline'" in csp
    assert "img-src data:" in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert html.count("<script>") == 1 and "<link" not in html
    assert html.rstrip().endswith("</html>")


def test_index_without_demo_data_has_no_banner_and_english_when_all_reports_are(tmp_path):
    outcome = _outcome(tmp_path, synthetic=False)
    assert 'class="kc-banner"' not in render_index(outcome)
    for r in outcome.results:
        r.job = dataclasses.replace(r.job, lang="en")
    html = render_index(outcome)
    assert '<html lang="en">' in html and "Reports that could not be made" in html


def test_summary_table_lists_status_seconds_and_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = summary_table(_outcome(tmp_path))
    lines = text.splitlines()
    assert lines[0].split() == ["status", "seconds", "output"]
    assert lines[2].split() == ["done", "1.5", "2011/M8/44-quang-binh.html"]
    assert any(line.startswith("FAILED") and line.endswith(".failed.ipynb") for line in lines)
    assert (
        lines[-1]
        == (
            "32 report(s) in 12.0 s with the warm engine: 29 done, 1 failed, 1 timed out, "
            "1 skipped (up to date)."
        )
        or "29 done" not in lines[-1]
    )
    assert "1 failed, 1 timed out, 1 skipped (up to date)" in lines[-1]


def test_cache_key_changes_with_parameters_data_and_notebook(tmp_path):
    (job,) = read_plan(PROJECT / "params" / "dak_lak_2024.yaml", out=tmp_path).jobs
    key = job_key(job)
    assert job_key(job) == key
    assert job_key(dataclasses.replace(job, params={**job.params, "year": 2023})) != key
    data = tmp_path / "kc.csv"
    data.write_text("a")
    with_data = dataclasses.replace(job, data=(str(data),))
    first = job_key(with_data)
    data.write_text("b")  # same path, new contents
    assert job_key(with_data) != first
    notebook = tmp_path / "copy.ipynb"
    shutil.copy(job.source, notebook)
    assert job_key(dataclasses.replace(job, source=notebook)) == key
    notebook.write_text(notebook.read_text().replace("Đắk Lắk", "Gia Lai"))
    assert job_key(dataclasses.replace(job, source=notebook)) != key


def test_kernel_noise_is_dropped_and_real_errors_are_forwarded():
    lines = (
        b"[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All ...\n"
        b"KeyboardInterrupt caught in kernel.\n"
        b"0.00s - Debugger warning: It seems that frozen modules are being used\n"
        b"\n"
        b"Fatal Python error: Segmentation fault\n"
    )
    fake = object.__new__(kernel.Kernel)
    fake.pid, fake.tail = 4242, deque(maxlen=20)
    seen: list[str] = []
    kernel.set_echo(seen.append)
    try:
        fake._read_output(io.BytesIO(lines))
    finally:
        kernel.set_echo(None)
    assert seen == ["[kernel 4242] Fatal Python error: Segmentation fault"]
    assert fake.last_lines() == "Fatal Python error: Segmentation fault"


_PROBE = """
<script>
(function () {
  var area = document.getElementById("kc-filter-area");
  area.value = "dak";
  area.dispatchEvent(new Event("input"));
  var year = document.getElementById("kc-filter-year");
  year.value = "2024";
  year.dispatchEvent(new Event("change"));
  var heads = document.querySelectorAll("#kc-reports thead th button");
  heads[7].click();  // trainees, ascending
  var rows = Array.prototype.filter.call(
    document.querySelectorAll("#kc-reports tbody tr"), function (r) { return !r.hidden; });
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({
    count: document.getElementById("kc-count").textContent,
    rows: rows.map(function (r) {
      return [r.cells[0].textContent, r.cells[1].textContent, r.cells[7].textContent];
    })
  });
  document.body.appendChild(out);
})();
</script>
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_index_filters_by_area_and_year_and_sorts_in_a_browser(tmp_path):
    path = write_index(_outcome(tmp_path))
    probe = tmp_path / "probe.html"
    probe.write_text(path.read_text().replace("</body>", _PROBE + "</body>"))
    cmd = [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        probe.as_uri(),
    ]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    data = json.loads(found.group(1).replace("&quot;", '"'))
    # Đắk Lắk and Đắk Nông, 2024 only, diacritics folded, of the 43 reports of demo.yaml
    assert data["count"] == "2 / 43"
    assert [r[0] for r in data["rows"]] == ["Đắk Nông", "Đắk Lắk"]  # fewer trainees first
    assert all(r[1] == "2024" for r in data["rows"])
