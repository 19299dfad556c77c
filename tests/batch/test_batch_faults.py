"""Faults during a batch: a full disk, a read-only output folder, data that change.

How each fault is made (the tests run as root, and ``chmod`` does not stop root, as a
control below shows):

- a full disk: the output folder is a 2 MiB tmpfs (``mount -t tmpfs -o size=2m``), filled
  up with a filler file when the fault should strike;
- a read-only folder: the output folder is bind-mounted onto itself and remounted
  read-only (``mount --bind``; ``mount -o remount,bind,ro``) when the fault should strike;
- where mounting is not permitted, both fall back to a patched writer
  (`kcanalysis.reporting.files._write_file`) that raises ``OSError(ENOSPC)`` or
  ``OSError(EROFS)`` for files in the output folder (``KCANALYSIS_TEST_FAULTS=patched``
  forces them). `SIMULATION` says which is used; each test records it as the
  ``simulation`` property (``--junitxml``) and prints it.
- a data file that changes: the test rewrites it while the first report of the batch
  runs, keeping its size and modification time, so only its hash can tell.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from batch_helpers import run_cli, tiny_sets, write_run

from kcanalysis.reporting import files
from kcanalysis.reporting.batch import cache, runner
from kcanalysis.reporting.batch.grid import read_plan
from kcanalysis.reporting.batch.runner import Options, run_batch
from kcanalysis.reporting.files import (
    TEMP_RE,
    OutputWriteError,
    atomic_write_bytes,
    check_writable,
    write_error,
)


def _mount_permitted() -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", tmp],
                check=True,
                capture_output=True,
            )
        except (OSError, subprocess.CalledProcessError):
            return False
        subprocess.run(["umount", tmp], check=False, capture_output=True)
        return True


#: KCANALYSIS_TEST_FAULTS=patched forces the patched writers (to test that path too).
MOUNT = os.environ.get("KCANALYSIS_TEST_FAULTS") != "patched" and _mount_permitted()
SIMULATION = {
    "full": "a 2 MiB tmpfs, filled up" if MOUNT else "a patched writer raising ENOSPC",
    "read-only": "a read-only bind mount" if MOUNT else "a patched writer raising EROFS",
}
FILLER = "filler.bin"


def _sh(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


class Fault:
    """An output folder that turns full or read-only when `strike` is called."""

    def __init__(self, kind: str, folder: Path, monkeypatch):
        self.kind, self.folder, self.active, self.mounted = kind, folder, False, False
        folder.mkdir(parents=True, exist_ok=True)
        if MOUNT:
            if kind == "full":
                _sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder))
            else:
                _sh("mount", "--bind", str(folder), str(folder))
            self.mounted = True
            return
        code = errno.ENOSPC if kind == "full" else errno.EROFS
        real = files._write_file

        def faulty(fd: int, data: bytes) -> None:
            target = Path(os.readlink(f"/proc/self/fd/{fd}"))
            if self.active and target.is_relative_to(self.folder):
                os.close(fd)
                raise OSError(code, os.strerror(code))
            real(fd, data)

        monkeypatch.setattr(files, "_write_file", faulty)

    def strike(self) -> None:
        self.active = True
        if not MOUNT:
            return
        if self.kind == "read-only":
            _sh("mount", "-o", "remount,bind,ro", str(self.folder))
            return
        with open(self.folder / FILLER, "wb", buffering=0) as fh:
            for size in (1 << 16, 1 << 12, 1):
                try:
                    while True:
                        fh.write(b"\0" * size)
                except OSError as err:
                    assert err.errno == errno.ENOSPC

    def clear(self) -> None:
        self.active = False
        if not MOUNT:
            return
        if self.kind == "read-only":
            _sh("mount", "-o", "remount,bind,rw", str(self.folder))
        else:
            (self.folder / FILLER).unlink()

    def close(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], check=False, capture_output=True)
            self.mounted = False


@pytest.fixture
def make_fault(monkeypatch, record_property):
    made: list[Fault] = []

    def make(kind: str, folder: Path) -> Fault:
        record_property("simulation", SIMULATION[kind])
        print(f"{kind} output folder simulated with {SIMULATION[kind]}")
        fault = Fault(kind, folder.resolve(), monkeypatch)
        made.append(fault)
        return fault

    yield make
    for fault in made:
        fault.close()


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (but the filler) and its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != FILLER
    }


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if TEMP_RE.match(p.name)]


# ------------------------------------------------------------------ messages

EXPECTED = {
    errno.ENOSPC: (
        "Cannot write /o/r/a.html: the disk is full (No space left on device). Earlier "
        "outputs in /o/r are unchanged. Free some space, or choose another output folder "
        "with --out, and run again."
    ),
    errno.EROFS: (
        "Cannot write /o/r/a.html: its folder is on a read-only file system. Earlier "
        "outputs in /o/r are unchanged. Choose a writable output folder with --out."
    ),
    errno.EACCES: (
        "Cannot write /o/r/a.html: permission denied. Earlier outputs in /o/r are "
        "unchanged. Make the folder writable, or choose another output folder with --out."
    ),
    errno.EIO: (
        "Cannot write /o/r/a.html: Input/output error. Earlier outputs in /o/r are "
        "unchanged. Check the folder, or choose another one with --out."
    ),
}


@pytest.mark.parametrize("code", list(EXPECTED))
def test_write_errors_name_the_file_and_say_what_to_do(code):
    err = write_error(Path("/o/r/a.html"), OSError(code, os.strerror(code)))
    assert str(err) == EXPECTED[code]
    assert err.folder_fault == (code != errno.EIO)
    folder = write_error(Path("/o/r"), OSError(errno.EROFS, os.strerror(errno.EROFS)), folder=True)
    assert str(folder).startswith("Cannot write to /o/r: it is on a read-only file system.")


# ------------------------------------------------------------------ single writes


@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(kind, make_fault, tmp_path):
    folder = tmp_path / "out"
    fault = make_fault(kind, folder)
    target = folder / "report.html"
    old = b"<html>old and good</html>\n"
    target.write_bytes(old)
    fault.strike()
    with pytest.raises(OutputWriteError) as err:
        atomic_write_bytes(target, b"<html>" + b"x" * 3_000_000 + b"</html>")
    reason = "the disk is full" if kind == "full" else "its folder is on a read-only file system"
    assert str(err.value).startswith(f"Cannot write {target}: {reason}")
    assert err.value.folder_fault
    assert target.read_bytes() == old and _temps(folder) == []
    with pytest.raises(OutputWriteError, match=f"Cannot write to {folder}: "):
        check_writable(folder)
    assert _temps(folder) == []
    # Controls: the check above can fail.
    if kind == "full":  # a plain, non-atomic writer loses the old file on a full disk
        with contextlib.suppress(OSError), open(target, "wb") as fh:
            fh.write(b"<html>" + b"x" * 3_000_000 + b"</html>")
    else:  # writable again, the same write goes through: the fault was the cause
        fault.clear()
        atomic_write_bytes(target, b"<html>new</html>\n")
    assert target.read_bytes() != old


@pytest.mark.skipif(os.geteuid() != 0, reason="only root ignores permissions")
def test_control_chmod_does_not_stop_root_hence_the_mounts(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    atomic_write_bytes(folder / "a.html", b"written anyway")
    check_writable(folder)
    assert (folder / "a.html").read_bytes() == b"written anyway"


# ------------------------------------------------------------------ before the batch


@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_a_batch_does_not_start_in_a_full_or_read_only_folder(
    kind, make_fault, project, monkeypatch
):
    out = project / "out"
    fault = make_fault(kind, out)
    earlier = out / "2024" / "FY" / "66-dak-lak.tiny.html"
    earlier.parent.mkdir(parents=True)
    earlier.write_text("<html>earlier</html>\n")
    (out / "index.html").write_text("<html>earlier index</html>\n")
    (out / runner.LOCK_FILE).parent.mkdir()
    (out / runner.LOCK_FILE).touch()
    before = _snapshot(out)
    fault.strike()

    def no_kernels(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(runner, "WorkerPool", no_kernels)
    result = run_cli(write_run(project, tiny_sets("66", "64")), "--out", out, "--force")
    assert result.exit_code == 2
    reason = "the disk is full" if kind == "full" else "it is on a read-only file system"
    assert result.stderr.startswith(f"error: Cannot write to {out}: {reason}"), result.stderr
    assert "--out" in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert _snapshot(out) == before and _temps(out) == []


def test_an_output_folder_that_cannot_be_created_is_a_clear_error(make_fault, project):
    parent = project / "ro"
    fault = make_fault("read-only", parent)
    fault.strike()
    out = parent / "new" / "reports"
    if not MOUNT:  # the patched writer does not stop mkdir: the probe write fails instead
        out.mkdir(parents=True)
    result = run_cli(write_run(project, tiny_sets("66")), "--out", out)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: Cannot write to "), result.stderr
    assert "read-only file system" in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------ during the batch


def _strike_when(path: Path, fault: Fault, struck: threading.Event) -> threading.Thread:
    def watch() -> None:
        deadline = time.monotonic() + 120
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        if path.exists():
            fault.strike()
            struck.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_a_fault_during_a_batch_fails_that_report_keeps_earlier_outputs_and_stops(
    kind, make_fault, project
):
    out = project / "out"
    fault = make_fault(kind, out)
    pid_file = project / "first.pid"
    doc = tiny_sets("64", "62")
    doc["sets"].insert(0, {"province": "66", "year": 2024, "pid_file": str(pid_file), "sleep_s": 2})
    run = write_run(project, doc)
    first = run_cli(run, "--out", out, "--jobs", 1)
    assert first.exit_code == 0, first.stdout + first.stderr
    before = _snapshot(out)
    assert len([name for name in before if name.endswith(".html")]) == 4  # 3 and the index

    pid_file.unlink()
    struck = threading.Event()
    thread = _strike_when(pid_file, fault, struck)  # while the first report runs
    second = run_cli(run, "--out", out, "--jobs", 1, "--force")
    thread.join(timeout=5)
    assert struck.is_set()
    assert second.exit_code == 1, second.stdout + second.stderr
    folder = out / "_work" / "2024" / "FY"  # the notebook is written first
    if kind == "full":
        reason = (
            "the disk is full (No space left on device). Earlier outputs in "
            f"{folder} are unchanged. Free some space, or choose another output folder with "
            "--out, and run again."
        )
    else:
        reason = (
            f"its folder is on a read-only file system. Earlier outputs in {folder} are "
            "unchanged. Choose a writable output folder with --out."
        )
    lines = second.stdout.splitlines()
    failed = [line for line in lines if line.startswith("  FAILED")]
    assert len(failed) == 1 and "Đắk Lắk – Cả năm 2024" in failed[0]
    ipynb = out / "_work" / "2024" / "FY" / "66-dak-lak.tiny.ipynb"
    assert f"Cannot write {ipynb}: {reason}" in failed[0]
    assert f"  not rendered: Cannot write {ipynb}" in second.stdout
    assert "1 failed" in lines[-1] and "2 not run" in lines[-1]
    assert lines[-1] != str(out / "index.html")  # no index was written
    state = out / "_work" / ".kcbatch-state.json"
    assert f"error: The state file {state} could not be written" in second.stderr
    assert f"error: The index {out / 'index.html'} could not be written" in second.stderr
    assert "Traceback" not in second.stdout + second.stderr
    # Every earlier output is byte for byte what it was, and nothing half-written is left.
    assert _snapshot(out) == before
    assert _temps(out) == []

    fault.clear()  # space freed / writable again: the earlier outputs are still current
    third = run_cli(run, "--out", out)
    assert third.exit_code == 0, third.stdout + third.stderr
    assert "3 skipped (up to date)" in third.stdout
    assert third.stdout.strip().splitlines()[-1] == str(out / "index.html")


# ------------------------------------------------------------------ data that change

CSV_HEAD = "area_code,area_name,year,period,level,activity,indicator,unit,planned,actual\n"


def _same_size_same_mtime_edit(path: Path) -> None:
    """Change one digit of `path`, keeping its size and modification time."""
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert ",900\n" in text
    path.write_text(text.replace(",900\n", ",901\n"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_watch_sees_a_same_size_same_mtime_edit_by_its_hash(project):
    data = project / "a.csv"
    data.write_text(CSV_HEAD + "66,Đắk Lắk,2024,FY,ALL,ALL,budget_kc,million VND,1000,900\n")
    plan = read_plan(write_run(project, tiny_sets("66", data=["a.csv"])))
    watch = cache.Watch(plan.jobs)
    assert watch.changes(plan.jobs[0]) == []  # no false alarm
    before = data.stat()
    _same_size_same_mtime_edit(data)
    after = data.stat()
    # Control: size and modification time alone would not have told.
    assert (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns)
    (change,) = watch.changes(plan.jobs[0])
    assert change.startswith(f"data file {data} changed during the batch (SHA-256 ")
    data.unlink()
    assert watch.changes(plan.jobs[0]) == [
        f"data file {data} was removed or became unreadable during the batch"
    ]


@pytest.mark.slow
def test_a_data_file_changed_during_a_batch_makes_its_reports_stale(project):
    a, b = project / "a.csv", project / "b.csv"
    a.write_text(
        CSV_HEAD
        + "66,Đắk Lắk,2024,FY,ALL,ALL,budget_kc,million VND,1000,900\n"
        + "64,Gia Lai,2024,FY,ALL,ALL,budget_kc,million VND,1000,800\n",
        encoding="utf-8",
    )
    b.write_text(CSV_HEAD + "62,Kon Tum,2024,FY,ALL,ALL,budget_kc,million VND,1000,700\n")
    pid_file = project / "second.pid"
    doc = {
        "notebook": "nb/tiny.ipynb",
        "sets": [
            {"province": "64", "year": 2024, "data": ["a.csv"]},  # done before the edit
            {  # the edit happens while it runs
                "province": "66",
                "year": 2024,
                "data": ["a.csv"],
                "pid_file": str(pid_file),
                "sleep_s": 2,
            },
            {"province": "62", "year": 2024, "data": ["b.csv"]},  # other data: not stale
        ],
    }
    run, out = write_run(project, doc), project / "out"
    edited = threading.Event()

    def edit() -> None:
        deadline = time.monotonic() + 120
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        _same_size_same_mtime_edit(a)
        edited.set()

    thread = threading.Thread(target=edit, daemon=True)
    thread.start()
    result = run_cli(run, "--out", out, "--jobs", 1)
    thread.join(timeout=5)
    assert edited.is_set()
    assert result.exit_code == 1, result.stdout + result.stderr
    text = result.stdout
    folder = out / "2024" / "FY"
    # The summary.
    assert "2 stale (data changed during the batch)" in text and "1 done" in text
    assert "\nStale:\n" in text
    change = f"data file {a} changed during the batch (SHA-256 "
    stale_lines = [line for line in text.splitlines() if line.startswith("  STALE")]
    assert len(stale_lines) == 2 and all(change in line for line in stale_lines)
    assert "run the batch again to render it from the current files" in stale_lines[0]
    assert text.strip().splitlines()[-1] == str(out / "index.html")
    # The state file and the records.
    state = json.loads((out / cache.STATE_FILE).read_text(encoding="utf-8"))["reports"]
    statuses = {name: entry["status"] for name, entry in state.items()}
    assert statuses == {
        "2024/FY/64-gia-lai.tiny.html": "stale",
        "2024/FY/66-dak-lak.tiny.html": "stale",
        "2024/FY/62-kon-tum.tiny.html": "done",
    }
    assert change in state["2024/FY/66-dak-lak.tiny.html"]["error"]
    for name, status in statuses.items():
        record = json.loads((out / "_work" / name).with_suffix(".report.json").read_text())
        assert record["status"] == status
    # index.html.
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="kc-stale"' in index and "lỗi thời (dữ liệu đã đổi)" in index
    assert index.count('<tr class="kc-row kc-stale"') == 2
    assert str(a) in index
    # The next run renders the stale reports from the new data, and only those.
    again = run_cli(run, "--out", out, "--jobs", 1)
    assert again.exit_code == 0, again.stdout + again.stderr
    assert "2 done" in again.stdout and "1 skipped (up to date)" in again.stdout
    assert 'id="kc-stale"' not in (out / "index.html").read_text(encoding="utf-8")
    assert (folder / "66-dak-lak.tiny.html").is_file()


def test_exit_code_counts_stale_reports(project):
    plan = read_plan(write_run(project, tiny_sets("66", "64")))
    done = [runner.Result(job, "done") for job in plan.jobs]
    assert runner.Outcome(done, plan.out_dir).exit_code == 0
    done[1].status = "stale"
    assert runner.Outcome(done, plan.out_dir).exit_code == 1
    assert runner.Outcome(done[:1], plan.out_dir, problems=["index"]).exit_code == 1


@pytest.mark.slow
def test_retry_failed_renders_stale_and_unrendered_reports_again(project):
    run, out = write_run(project, tiny_sets("66", "64", "62")), project / "out"
    plan = read_plan(run, out=out)
    assert run_batch(plan, Options(jobs=1, progress=False)).exit_code == 0
    state = json.loads((out / cache.STATE_FILE).read_text())
    state["reports"]["2024/FY/66-dak-lak.tiny.html"]["status"] = "stale"
    state["reports"]["2024/FY/64-gia-lai.tiny.html"].update(
        status="not run", error="not rendered: Cannot write ...: the disk is full"
    )
    (out / cache.STATE_FILE).write_text(json.dumps(state))
    again = run_batch(plan, Options(jobs=1, progress=False, retry_failed=True))
    assert [r.status for r in again.results] == ["done", "done", "cached"]


# ------------------------------------------------------------------ one report's files


class _Ran:
    """An engine that "runs" a notebook by preparing it (no kernel)."""

    def run(self, source, parameters, output_path, timeout, check=None):
        from kcanalysis.reporting.batch.engines import Execution
        from kcanalysis.reporting.execute import prepare_notebook

        return Execution(prepare_notebook(source, parameters, output_path), "ok")


@pytest.mark.parametrize(("nth", "fails"), [(1, "ipynb"), (2, "html"), (3, "record")])
def test_a_report_writes_notebook_and_html_together_or_not_at_all(nth, fails, project, monkeypatch):
    (job,) = read_plan(write_run(project, tiny_sets("66")), out=project / "out").jobs
    old = {job.ipynb: b'{"old": 1}', job.html: b"<html>old</html>", job.record: b'{"key": "k"}'}
    job.html.parent.mkdir(parents=True)
    job.ipynb.parent.mkdir(parents=True)  # the working files' folder, out/_work/...
    for path, data in old.items():
        path.write_bytes(data)
    real, calls = files._write_file, []

    def nth_write_fails(fd: int, data: bytes) -> None:
        calls.append(fd)
        if len(calls) == nth:
            os.close(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)

    monkeypatch.setattr(files, "_write_file", nth_write_fails)
    result = runner._render(_Ran(), job, "new-key", 10)
    target = {"ipynb": job.ipynb, "html": job.html, "record": job.record}[fails]
    assert result.status == "failed" and result.fault
    assert result.error.startswith(f"Cannot write {target}: the disk is full")
    assert _temps(job.html.parent) == [] and _temps(job.ipynb.parent) == []
    if fails == "record":  # both outputs were complete; the record still has the old key
        assert job.html.read_bytes().rstrip().endswith(b"</html>")
        assert json.loads(job.ipynb.read_text())["metadata"]["kcanalysis"]["cache_key"] == "new-key"
        assert job.record.read_bytes() == old[job.record]
    else:  # neither the notebook nor the HTML was replaced
        assert {p: p.read_bytes() for p in old} == old
