"""The two batch engines: a fresh kernel per report (papermill) or a warm kernel per worker.

Both run a report the same way (`kcanalysis.reporting.execute.prepare_notebook` and
`run_prepared`, which are papermill's steps), so they produce the same notebook and the
same HTML; only the kernel's life differs:

- `PapermillEngine` starts a kernel for the report and shuts it down after, as the
  papermill command does;
- `WarmEngine` keeps one kernel, with pandas, matplotlib, scipy and kcanalysis imported,
  and resets it before each report (`kernel_side.reset`): empty namespace, execution
  counts from 1. A kernel that dies or times out is replaced by a new one.

An engine belongs to one worker thread. `run` never raises for a report's own failure:
it returns an `Execution` saying what happened, with the notebook as far as it ran.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kcanalysis.errors import ReportError
from kcanalysis.reporting.batch.kernel import Kernel
from kcanalysis.reporting.execute import prepare_notebook, run_prepared

if TYPE_CHECKING:  # imported when needed: nbformat takes a second to import
    import nbformat

ENGINES = ("warm", "papermill")

#: A warm kernel is replaced after this many reports, so that memory cannot creep up.
MAX_REPORTS_PER_KERNEL = 40


@dataclass
class Execution:
    """What happened to one run of a notebook.

    `outcome` is ``"ok"``, ``"error"`` (a cell raised), ``"timeout"`` or ``"died"`` (the
    kernel process ended). `cell` is the execution count (``In [n]``) of the cell that
    failed or was running, `message` says what went wrong.
    """

    nb: nbformat.NotebookNode
    outcome: str
    message: str = ""
    cell: int | None = None
    seconds: float = 0.0
    kernel_pid: int | None = None


def renumber(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Number the executed code cells 1, 2, 3... as a fresh kernel does."""
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code" or cell.get("execution_count") is None:
            continue
        count += 1
        cell["execution_count"] = count
        for out in cell.get("outputs", []):
            if out.get("output_type") == "execute_result":
                out["execution_count"] = count
    return nb


class _Engine:
    """Shared run logic; subclasses say where the kernel comes from."""

    name = ""

    def __init__(self) -> None:
        self._kernel: Kernel | None = None
        self._lock = threading.Lock()

    # subclasses -------------------------------------------------------------
    def _acquire(self, cwd: Path) -> Kernel:
        raise NotImplementedError

    def _release(self, kernel: Kernel, healthy: bool) -> None:
        raise NotImplementedError

    # shared -----------------------------------------------------------------
    def _start(self, cwd: Path, warm: bool) -> Kernel:
        kernel = Kernel(cwd, warm=warm)
        with self._lock:
            self._kernel = kernel
        return kernel

    def kill(self) -> None:
        """Kill the current kernel, if any (safe from another thread)."""
        with self._lock:
            kernel = self._kernel
        if kernel is not None:
            kernel.kill()

    @property
    def kernel_pid(self) -> int | None:
        """The pid of the kernel in use, if any."""
        with self._lock:
            return self._kernel.pid if self._kernel else None

    def run(
        self,
        source: Path,
        parameters: dict,
        output_path: Path,
        timeout: float,
        check: Callable | None = None,
    ) -> Execution:
        """Execute `source` with `parameters`; stop it after `timeout` seconds.

        `check(nb, parameters, where=...)`, if given, vets the prepared notebook before a
        kernel sees it (`kcanalysis.reporting.batch.literals.check_injected`); when it
        raises `ReportError` nothing runs and the outcome is ``"error"``.
        """
        from nbclient.exceptions import CellTimeoutError
        from papermill.exceptions import PapermillExecutionError

        nb = prepare_notebook(source, parameters, output_path)
        if check is not None:
            try:
                check(nb, parameters, where=str(source))
            except ReportError as err:
                return Execution(nb, "error", str(err))
        started = time.monotonic()
        try:
            kernel = self._acquire(source.parent)
        except Exception as err:
            return Execution(nb, "died", f"the Python kernel did not start: {err}")
        current: dict = {"index": None}

        def note_cell(cell=None, cell_index=None, **_):
            current["index"] = cell_index

        timer = threading.Timer(timeout, kernel.kill)
        timer.daemon = True
        timer.start()
        try:
            run_prepared(nb, kernel, timeout=timeout, on_cell_start=note_cell)
            execution = Execution(renumber(nb), "ok")
        except PapermillExecutionError as err:
            execution = Execution(nb, "error", f"{err.ename}: {err.evalue}", err.exec_count)
        except Exception as err:  # DeadKernelError, CellTimeoutError, a lost kernel...
            timed_out = kernel.killed_by_us or isinstance(err, CellTimeoutError)
            if timed_out or not kernel.is_alive():
                kernel.kill()
                outcome = "timeout" if timed_out else "died"
                message = (
                    f"stopped after {timeout:g} s (--timeout)"
                    if timed_out
                    else "the kernel died (killed, or out of memory)"
                )
                if outcome == "died" and kernel.last_lines():
                    message += f"; its last output: {kernel.last_lines()[-300:]}"
            else:
                outcome, message = "error", f"{type(err).__name__}: {err}"
            execution = Execution(nb, outcome, message, _cell_number(nb, current["index"]))
        finally:
            timer.cancel()
        execution.seconds = time.monotonic() - started
        execution.kernel_pid = kernel.pid
        self._release(kernel, healthy=execution.outcome in ("ok", "error"))
        return execution

    def close(self) -> None:
        """Shut the kernel down, if one is running."""
        with self._lock:
            kernel, self._kernel = self._kernel, None
        if kernel is not None:
            kernel.shutdown()


def _cell_number(nb: nbformat.NotebookNode, index: int | None) -> int | None:
    if index is None or index >= len(nb.cells):
        return None
    return nb.cells[index].get("execution_count") or index


class PapermillEngine(_Engine):
    """A fresh kernel for every report, shut down after it (as papermill does)."""

    name = "papermill"

    def _acquire(self, cwd: Path) -> Kernel:
        return self._start(cwd, warm=False)

    def _release(self, kernel: Kernel, healthy: bool) -> None:
        with self._lock:
            self._kernel = None
        kernel.shutdown()


class WarmEngine(_Engine):
    """One long-lived kernel with the imports done, reset before each report."""

    name = "warm"

    def __init__(self) -> None:
        super().__init__()
        self._runs = 0

    def start(self, cwd: Path) -> None:
        """Start the kernel now (workers do it before taking their first report)."""
        if self._kernel is None:
            self._start(cwd, warm=True)
            self._runs = 0

    def _acquire(self, cwd: Path) -> Kernel:
        kernel = self._kernel
        if kernel is not None and (not kernel.is_alive() or self._runs >= MAX_REPORTS_PER_KERNEL):
            self.close()
            kernel = None
        if kernel is None:
            kernel = self._start(cwd, warm=True)
            self._runs = 0
        kernel.cwd = cwd
        try:
            kernel.reset()
        except Exception:
            # The kernel died between reports: nothing was running, start another.
            self.close()
            kernel = self._start(cwd, warm=True)
            kernel.reset()
        self._runs += 1
        return kernel

    def _release(self, kernel: Kernel, healthy: bool) -> None:
        if not healthy:
            self.close()


def make_engine(name: str) -> _Engine:
    """Return a new engine by name: ``"warm"`` or ``"papermill"``."""
    if name == "warm":
        return WarmEngine()
    if name == "papermill":
        return PapermillEngine()
    raise ValueError(f"Unknown engine {name!r}; use one of {', '.join(ENGINES)}.")
