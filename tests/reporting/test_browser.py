"""Reports in a real headless browser (Debian's chromium): rendering, network, scripts."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kcanalysis.reporting import render_report

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("chromium") is None,
        reason="Debian's chromium is not installed (.ci/run installs it)",
    ),
]

HOSTILE = {
    "note": "<script>document.documentElement.setAttribute('data-pwned','script')</script>",
    "source": "\" onerror=\"document.documentElement.setAttribute('data-pwned','attr')\" "
    '</style><img src=x onerror="document.documentElement.setAttribute('
    "'data-pwned','img')\"><a href=\"javascript:alert(1)\">x</a>",
}


def chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run headless chromium with the network off and background traffic disabled."""
    cmd = [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        url,
    ]
    if shutil.which("unshare"):
        cmd = ["unshare", "--net", *cmd]  # no network at all, as root in CI
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for (browser-internal requests have no origin)."""
    data = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in data["constants"]["logEventTypes"].items()}
    urls = []
    for event in data["events"]:
        params = event.get("params", {})
        url = params.get("url", "")
        if (
            names.get(event["type"]) == "URL_REQUEST_START_JOB"
            and url
            and params.get("initiator") != "not an origin"
            and not url.startswith(("file:", "data:"))
        ):
            urls.append(url)
    return urls


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser")
    return render_report("province_report", {"province": "Đắk Lắk", "year": 2024}, out)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    from kcanalysis.datasets import load_published

    out = tmp_path_factory.mktemp("hostile")
    rows = load_published()
    rows = rows[(rows["area_code"] == "66") & (rows["year"] == 2021)].assign(**HOSTILE)
    path = out / "hostile.csv"
    rows.to_csv(path, index=False)
    return render_report(
        "province_report", {"province": "66", "year": 2021, "data": [str(path)]}, out
    )


def test_report_renders_with_no_console_errors_and_saves_a_screenshot(report, tmp_path):
    shots = Path(__file__).parents[2] / "outputs" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "province_report.png"
    run = chromium(
        report.as_uri(), tmp_path / "p", "--window-size=1200,2000", f"--screenshot={shot}"
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    # Console messages of the page itself (chromium's own chrome:// pages may log too).
    page_console = [
        line for line in run.stderr.splitlines() if "CONSOLE" in line and "source: file://" in line
    ]
    assert page_console == []
    dom = chromium(report.as_uri(), tmp_path / "q", "--dump-dom").stdout
    assert "Tóm tắt kết quả" in dom and "Hình 1." in dom


def test_report_makes_no_network_request(report, tmp_path):
    netlog = tmp_path / "net.json"
    chromium(report.as_uri(), tmp_path / "p", f"--log-net-log={netlog}", "--dump-dom")
    assert page_requests(netlog) == []


def test_the_request_detector_sees_a_request_when_there_is_one(tmp_path):
    # Control: a page with an external image must show up, or the test above proves nothing.
    page = tmp_path / "control.html"
    page.write_text('<img src="http://example.invalid/x.png">', encoding="utf-8")
    netlog = tmp_path / "net.json"
    chromium(page.as_uri(), tmp_path / "p", f"--log-net-log={netlog}", "--dump-dom")
    assert any("example.invalid" in url for url in page_requests(netlog))


def test_hostile_data_strings_never_run_as_script(hostile_report, tmp_path):
    dom = chromium(hostile_report.as_uri(), tmp_path / "p", "--dump-dom").stdout
    assert "data-pwned" not in dom.split("<body", 1)[0]
    assert 'data-pwned="' not in dom
    assert "onerror=" in dom  # shown as text, escaped
    assert '<a href="javascript:' not in dom  # the link is text, not an element


def test_the_console_detector_sees_a_page_error(tmp_path):
    page = tmp_path / "control.html"
    page.write_text("<script>console.error('kc-control')</script>", encoding="utf-8")
    run = chromium(page.as_uri(), tmp_path / "p", "--dump-dom")
    assert any(
        "kc-control" in line and "source: file://" in line
        for line in run.stderr.splitlines()
        if "CONSOLE" in line
    )


def test_the_script_detector_sees_a_script_when_one_runs(tmp_path):
    page = tmp_path / "control.html"
    page.write_text(f"<html><body>{HOSTILE['note']}</body></html>", encoding="utf-8")
    dom = chromium(page.as_uri(), tmp_path / "p", "--dump-dom").stdout
    assert 'data-pwned="script"' in dom


def test_hostile_error_messages_never_run_in_the_index(tmp_path):
    # The batch index lists failed reports with their error text: feed every payload in.
    from kcanalysis.reporting.batch.grid import read_plan
    from kcanalysis.reporting.batch.index import render_index
    from kcanalysis.reporting.batch.runner import Outcome, Result

    plan = read_plan(Path(__file__).parents[2] / "params" / "mttn_2024.yaml", out=tmp_path)
    results = [Result(job, "done", 1.0, headline={}, synthetic=True) for job in plan.jobs]
    results[0].status = "failed"
    results[0].error = HOSTILE["note"] + HOSTILE["source"]
    page = tmp_path / "index.html"
    page.write_text(
        render_index(Outcome(results, tmp_path, engine="warm", wall_seconds=1.0)), encoding="utf-8"
    )
    dom = chromium(page.as_uri(), tmp_path / "p", "--dump-dom").stdout
    assert 'data-pwned="' not in dom
    assert "onerror=" in dom  # the error text is shown, as text
    assert '<a href="javascript:' not in dom


@pytest.fixture(scope="module")
def merged_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("merged")
    return render_report("province_report", {"province": "Đắk Lắk", "year": 2025}, out)


def test_a_new_units_report_shows_the_merger_sentence_on_its_first_screen(merged_report, tmp_path):
    # New Đắk Lắk (old Đắk Lắk + Phú Yên) for FY 2025: the header names the predecessors,
    # and Table 1's comparison with 2024 says it uses their sum.
    dom = chromium(merged_report.as_uri(), tmp_path / "p", "--dump-dom").stdout
    unit = "hợp nhất từ các tỉnh cũ Đắk Lắk và Phú Yên"
    compare = "So sánh với năm 2024 là so sánh với tổng của các tỉnh cũ Đắk Lắk và Phú Yên."
    assert unit in dom and compare in dom
    # Visible: in a styled paragraph before the summary, not in a hidden element.
    assert dom.index(unit) < dom.index("Tóm tắt kết quả")
    css = (Path(__file__).parents[2] / "kcanalysis/reporting/templates/report.css").read_text()
    rule = next(line for line in css.splitlines() if line.startswith(".kc-merger"))
    assert "display: none" not in rule and "visibility" not in rule
    shot = tmp_path / "merged.png"
    run = chromium(
        merged_report.as_uri(), tmp_path / "q", "--window-size=1200,900", f"--screenshot={shot}"
    )
    assert run.returncode == 0 and shot.stat().st_size > 10_000


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    out = tmp_path_factory.mktemp("review")
    return render_report(
        "programme_review", {"province": "Đắk Lắk", "year": 2025, "period": "P2021-2025"}, out
    )


def test_the_review_shows_its_title_and_yearly_table(review, tmp_path):
    dom = chromium(review.as_uri(), tmp_path / "p", "--dump-dom").stdout
    assert "Tổng kết khuyến công Đắk Lắk giai đoạn 2021–2025" in dom
    table = dom[dom.index("Kinh phí khuyến công từng năm và cả giai đoạn") :]
    table = table[: table.index("</table>")]
    # One row per year of the period (the demo has all five), then the period's total.
    for year in ("2021", "2022", "2023", "2024", "2025", "Cả giai đoạn"):
        assert f"<td>{year}</td>" in table
