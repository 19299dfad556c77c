"""Time the batch runner against the plain papermill + nbconvert loop, side by side.

Renders the 15 MTTN province reports of one year three ways, on the same machine and data:

(a) a sequential loop of the ``papermill`` command, then ``jupyter nbconvert --to html
    --no-input``, per report;
(b) ``kcanalysis batch --engine papermill --jobs 2`` (a fresh kernel per report);
(c) ``kcanalysis batch --engine warm --jobs 2`` (one warm kernel per worker);

then re-runs (c) with everything cached. Every run is a separate command, timed from the
outside as a user would, with the peak memory of its whole process tree (the sum of the
resident sizes of the command and all its descendants, sampled every 50 ms; shared pages
count once per process, so this overstates a little).

Usage: ``python benchmarks/batch_bench.py [--year 2024] [--profile]``. ``--profile`` also
prints where one province report spends its time (cProfile of the report's sections in
this process, imports excluded).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "province_report.ipynb"
MTTN = ["44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "62", "64", "66", "67", "68"]
GIB = 1024**3


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (psutil if installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        return _proc_tree_rss(pid)
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total


def _proc_tree_rss(pid: int) -> int:
    pending, total, page = [pid], 0, os.sysconf("SC_PAGE_SIZE")
    while pending:
        current = pending.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * page
        except OSError:
            continue
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return total


class _PeakMemory:
    """Sample the process tree of a running command in a thread; keep the maximum."""

    def __init__(self, pid: int):
        self.pid, self.peak = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            self._stop.wait(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


_LAST_STDOUT = [""]


def _run(cmd: list[str]) -> tuple[float, int]:
    """Run `cmd`; return (wall seconds, peak tree memory in bytes). Fail loudly."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    meter = _PeakMemory(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    peak = meter.stop()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-3000:]}")
    _LAST_STDOUT[0] = out.decode()
    return seconds, peak


def plain_loop(out: Path, year: int) -> tuple[float, int]:
    """(a) papermill then nbconvert, through their command lines, one report at a time."""
    seconds, peak = 0.0, 0
    for code in MTTN:
        ipynb = out / f"{code}.ipynb"
        s1, p1 = _run(
            [
                str(BIN / "papermill"),
                str(NOTEBOOK),
                str(ipynb),
                "-p", "province", code,
                "-p", "year", str(year),
                "-p", "period", "FY",
                "-p", "lang", "vi",
                "--no-progress-bar",
                "--log-level", "WARNING",
                "--cwd", str(NOTEBOOK.parent),
            ]
        )  # fmt: skip
        s2, p2 = _run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(ipynb)])
        seconds += s1 + s2
        peak = max(peak, p1, p2)
    return seconds, peak


def batch(run_file: Path, out: Path, engine: str, *extra: str) -> tuple[float, int]:
    """(b), (c): the batch command (as ``python -m``, which is what `kcanalysis batch` runs)."""
    cmd = [sys.executable, "-m", "kcanalysis.reporting.batch.cli", str(run_file)]
    cmd += ["--out", str(out), "--engine", engine, "--jobs", "2", "--no-progress", *extra]
    return _run(cmd)


def profile_report(year: int, top: int = 25) -> str:
    """cProfile of one province report's sections in this process (imports done first)."""
    import matplotlib

    matplotlib.use("Agg")
    import kcanalysis.sections as kcs

    def once() -> None:
        report = kcs.province_report(province="66", year=year, period="FY", lang="vi", data=[])
        for section in ("header", "schedule", "purpose", "quality", "data_quality", "footer"):
            getattr(report, section)()

    once()  # warm, as in a warm kernel
    profiler = cProfile.Profile()
    profiler.enable()
    once()
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
    return text.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--profile", action="store_true", help="Profile one report too.")
    args = parser.parse_args()
    n = len(MTTN)
    with tempfile.TemporaryDirectory(prefix="kcbench-") as tmp:
        tmp = Path(tmp)
        run_file = tmp / "mttn.yaml"
        run_file.write_text(
            f"notebook: province_report\nareas: region:MTTN\nyears: [{args.year}]\n",
            encoding="utf-8",
        )
        for sub in ("a", "b", "c"):
            (tmp / sub).mkdir()
        print(f"Rendering the {n} MTTN province reports for {args.year} three ways...")
        rows = {
            "a": ("papermill + nbconvert CLIs, sequential", *plain_loop(tmp / "a", args.year)),
            "b": ("batch --engine papermill --jobs 2", *batch(run_file, tmp / "b", "papermill")),
            "c": ("batch --engine warm --jobs 2", *batch(run_file, tmp / "c", "warm")),
        }
        for _attempt in range(3):
            cached, cached_peak = batch(run_file, tmp / "c", "warm")
            if f"{n} skipped (up to date)" in _LAST_STDOUT[0]:
                break
            # kcanalysis's code changed meanwhile (its fingerprint is in every cache key).
            print("The cached re-run rendered reports again (was the code edited?); again.")
        else:
            sys.exit("The cached re-run never found the reports up to date.")
        rendered = len(list((tmp / "c").rglob("*.html"))) - 1  # minus index.html
        if rendered != n:
            sys.exit(f"(c) rendered {rendered} reports, expected {n}")

    print(f"\n{'':3}{'approach':<42}{'wall s':>8}{'reports/min':>13}{'peak GiB':>10}")
    for key, (what, seconds, peak) in rows.items():
        print(f"({key}) {what:<42}{seconds:8.1f}{n / seconds * 60:13.1f}{peak / GIB:10.2f}")
    print(f"    cached re-run of (c){'':<21}{cached:8.2f}{'':>13}{cached_peak / GIB:10.2f}")
    a, b, c = (rows[k][1] for k in "abc")
    peak = max(r[2] for r in rows.values())
    print(f"\na/b = {a / b:.1f}   a/c = {a / c:.1f}")
    print(
        f"Goals: a/c >= 5: {'yes' if a / c >= 5 else 'NO'}; cached re-run < 2 s: "
        f"{'yes' if cached < 2 else 'NO'}; peak < 2 GiB: "
        f"{'yes' if max(rows['b'][2], rows['c'][2]) < 2 * GIB else 'NO'} "
        f"(largest of all runs {peak / GIB:.2f} GiB)."
    )
    if args.profile:
        print("\nWhere one province report spends its time (warm, in-process):")
        print(profile_report(args.year))


if __name__ == "__main__":
    main()
