"""Working files in _work/, PDFs through headless Chromium, and the reader's zip bundle."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from batch_helpers import run_cli, tiny_sets, write_run

from kcanalysis.reporting.batch.deliver import find_browser

_LINKS_PROBE = """
<script>
(function () {
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(Array.prototype.map.call(document.links, function (a) {
    return a.href;
  }));
  document.body.appendChild(out);
})();
</script>
"""


def _dump_dom(url: str, profile: Path) -> str:
    cmd = [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
        "--dump-dom",
        url,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False).stdout


def _page_size_pt(pdf: Path) -> tuple[float, float]:
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert box, f"no page size in {pdf}"
    return float(box.group(1)), float(box.group(2))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_pdf_and_bundle_hold_only_what_readers_get_and_every_link_works(project, tmp_path):
    flag = project / "fail.flag"
    flag.write_text("")
    doc = tiny_sets("66", "62")
    doc["sets"].append({"province": "64", "year": 2024, "fail_if": str(flag)})
    run, out = write_run(project, doc), project / "out"
    zip_path = tmp_path / "bao_cao_2024.zip"
    result = run_cli(run, "--out", out, "--pdf", "--bundle", zip_path)
    assert result.exit_code == 1, result.stdout + result.stderr  # Gia Lai fails
    assert f"Bundle for readers: {zip_path}" in result.stderr

    # The output folder: reader's files at the top, working files in _work/.
    top = {p.name for p in out.iterdir()}
    assert top == {"index.html", "summary.csv", "summary.xlsx", "2024", "_work"}
    outside_work = [p for p in out.rglob("*") if p.is_file() and "_work" not in p.parts]
    assert {p.suffix for p in outside_work} == {".html", ".pdf", ".csv", ".xlsx"}
    work = out / "_work"
    assert (work / ".kcbatch-state.json").is_file() and (work / ".kcbatch.lock").is_file()
    assert (work / "2024" / "FY" / "66-dak-lak.tiny.ipynb").is_file()
    assert (work / "2024" / "FY" / "66-dak-lak.tiny.report.json").is_file()
    assert (work / "2024" / "FY" / "64-gia-lai.tiny.failed.ipynb").is_file()

    # A4: 210 × 297 mm = 595.28 × 841.89 points (1 pt = 25.4/72 mm).
    pdf = out / "2024" / "FY" / "66-dak-lak.tiny.pdf"
    width, height = _page_size_pt(pdf)
    assert width == pytest.approx(595.28, abs=1.5) and height == pytest.approx(841.89, abs=1.5)

    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "unzipped")
    assert names == {
        "bao_cao_2024/index.html",
        "bao_cao_2024/summary.csv",
        "bao_cao_2024/summary.xlsx",
        "bao_cao_2024/2024/FY/66-dak-lak.tiny.html",
        "bao_cao_2024/2024/FY/66-dak-lak.tiny.pdf",
        "bao_cao_2024/2024/FY/62-kon-tum.tiny.html",
        "bao_cao_2024/2024/FY/62-kon-tum.tiny.pdf",
    }
    # The output folder's index links the failed notebook; the bundle's does not.
    assert "_work/2024/FY/64-gia-lai.tiny.failed.ipynb" in (out / "index.html").read_text()
    root = tmp_path / "unzipped" / "bao_cao_2024"
    assert "_work" not in (root / "index.html").read_text()

    # A browser opens the unzipped index and every link it holds leads to a file there.
    probe = root / "probe.html"
    probe.write_text((root / "index.html").read_text().replace("</body>", _LINKS_PROBE + "</body>"))
    dom = _dump_dom(probe.as_uri(), tmp_path / "profile")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    links = json.loads(found.group(1).replace("&quot;", '"'))
    assert len(links) == 4  # two reports, each with its PDF
    for link in links:
        target = Path(unquote(urlparse(link).path))
        assert target.is_file() and target.is_relative_to(root), link
        if target.suffix == ".pdf":
            assert target.read_bytes().startswith(b"%PDF-"), link
        else:
            page = _dump_dom(link, tmp_path / "profile")
            assert "Đắk Lắk" in page or "Kon Tum" in page, link


def test_pdf_without_a_browser_says_how_to_install_one_and_runs_nothing(
    project, tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("KCANALYSIS_CHROMIUM", raising=False)
    with pytest.raises(Exception, match=r"sudo apt-get install chromium"):
        find_browser()
    run, out = write_run(project, tiny_sets("66")), project / "out"
    result = run_cli(run, "--out", out, "--pdf")
    assert result.exit_code == 2
    assert "--pdf needs a headless Chromium" in result.stderr
    assert "run without --pdf" in result.stderr
    assert not out.exists()  # refused before anything ran


def test_bundle_must_be_a_zip(project):
    run = write_run(project, tiny_sets("66"))
    result = run_cli(run, "--out", project / "out", "--bundle", project / "reports.tar")
    assert result.exit_code == 2 and "must name a .zip file" in result.stderr
