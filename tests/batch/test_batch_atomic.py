"""Nothing half-written: kill writers and whole batches with SIGKILL, then read what is left."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from batch_helpers import tiny_sets, write_run

from kcanalysis.reporting.files import TEMP_RE, remove_stale_temps

PYTHON = sys.executable


def _outputs_are_complete(out: Path) -> list[Path]:
    """Check every output file under `out`; return the temporary files left over."""
    temps = []
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        if TEMP_RE.match(path.name):
            temps.append(path)
            assert path.suffix == ".tmp" and path.name.startswith(".")
        elif path.suffix == ".html":
            assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), path
        elif path.suffix in (".ipynb", ".json"):
            json.loads(path.read_text(encoding="utf-8"))  # complete JSON
    return temps


def test_a_writer_killed_mid_write_leaves_the_old_file_and_a_hidden_temp(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("<html>old</html>\n")
    script = textwrap.dedent(
        """
        import os, sys, time
        from pathlib import Path
        from kcanalysis.reporting import files

        def slow_fsync(fd):  # a slow disk: the new bytes are written, not yet renamed
            print("writing", flush=True)
            time.sleep(60)

        os.fsync = slow_fsync
        files.atomic_write_bytes(Path(sys.argv[1]), b"<html>" + b"x" * 3_000_000 + b"</html>")
        """
    )
    proc = subprocess.Popen([PYTHON, "-c", script, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert target.read_text() == "<html>old</html>\n"
    (temp,) = _outputs_are_complete(tmp_path)
    assert temp.name.startswith(".report.html.") and temp.stat().st_size > 3_000_000
    assert remove_stale_temps(tmp_path, older_than_s=3600) == 0  # too fresh to be stale
    assert remove_stale_temps(tmp_path, older_than_s=0) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_a_batch_killed_mid_write_leaves_only_complete_outputs(project):
    run = write_run(project, tiny_sets("66", "64", "62", "68", payload_kb=6000))
    out = project / "out"
    cmd = [
        PYTHON,
        "-m",
        "kcanalysis.reporting.batch.cli",
        str(run),
        "--out",
        str(out),
        "--jobs",
        "2",
    ]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == str(out / "index.html")
    # The kernels' log noise never reaches the terminal.
    assert "without encryption" not in first.stderr and "KeyboardInterrupt" not in first.stderr
    _outputs_are_complete(out)

    proc = subprocess.Popen([*cmd, "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    folder, seen_temp, kernels = out / "2024" / "FY", False, set()
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        kernels |= _children(proc.pid)
        if any(TEMP_RE.match(p.name) for p in folder.iterdir()):
            seen_temp = True
            break
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert seen_temp, "the batch finished before a write could be interrupted"
    assert kernels, "no kernel process was seen"
    _outputs_are_complete(out)
    for name in ("66-dak-lak", "64-gia-lai", "62-kon-tum", "68-lam-dong"):
        assert (folder / f"{name}.tiny.html").is_file()  # the old good file, or the new one
    # The kernels notice that their parent died and exit.
    deadline = time.monotonic() + 15
    while any(_alive(k) for k in kernels) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(k) for k in kernels)
    # The next run finds everything in order.
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    _outputs_are_complete(out)
