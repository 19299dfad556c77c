"""Worker threads, each driving its own engine (its own kernel for the warm engine).

The kernels are separate processes, so two threads keep two cores busy; what is left in
this process per report (writing files, one shared `HTMLExporter`) is small. The pool
starts its kernels at once, while the caller is still validating the batch; workers take
reports only after `run` is called, and `abort` stops everything if validation failed.
`halt` stops giving out reports (the output folder is full or read-only): the reports
being rendered finish, the others are returned as not run, with the reason.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path

from kcanalysis.reporting.batch.engines import make_engine

#: How the reports left after `WorkerPool.halt` are described.
NOT_RENDERED = "not rendered: "


class WorkerPool:
    """`workers` threads rendering reports with `render(engine, job, key, timeout)`.

    Parameters
    ----------
    engine : str
        ``"warm"`` or ``"papermill"``.
    workers : int
        Number of threads (and of warm kernels).
    timeout : float
        Seconds one report may run.
    render : callable
        Renders one report on an engine and returns its result; it must not raise for a
        report's own failure.
    failed : callable
        ``failed(job, message)`` builds the result of a report that could not be given
        to any engine (no kernel could start).
    skipped : callable, optional
        ``skipped(job, message)`` builds the result of a report left after `halt`
        (default: `failed`).
    """

    def __init__(
        self,
        engine: str,
        workers: int,
        timeout: float,
        render: Callable,
        failed: Callable,
        skipped: Callable | None = None,
    ):
        self.timeout, self.render, self.failed = timeout, render, failed
        self.skipped = skipped or failed
        self.halted: str | None = None
        self.work: queue.Queue = queue.Queue()
        self.done: queue.Queue = queue.Queue()
        self.go, self.stop = threading.Event(), threading.Event()
        self.errors: list[Exception] = []
        self.engines = [make_engine(engine) for _ in range(max(1, workers))]
        self.threads: list[threading.Thread] = []

    def start(self, cwd: Path) -> None:
        """Start the threads; warm engines start their kernels in `cwd` right away."""
        for n, engine in enumerate(self.engines):
            thread = threading.Thread(
                target=self._work, args=(engine, cwd), name=f"kcbatch-{n}", daemon=True
            )
            thread.start()
            self.threads.append(thread)

    def _work(self, engine, cwd: Path) -> None:
        try:
            if hasattr(engine, "start"):
                try:
                    engine.start(cwd)
                except Exception as err:  # this worker's kernel cannot start; others may
                    self.errors.append(err)
                    return
            while not self.go.wait(0.05):
                if self.stop.is_set():
                    return
            while not self.stop.is_set() and self.halted is None:
                try:
                    index, job, key = self.work.get_nowait()
                except queue.Empty:
                    break
                try:
                    result = self.render(engine, job, key, self.timeout)
                except Exception as err:  # a bug or a full disk: contain it to this report
                    result = self.failed(job, f"{type(err).__name__}: {err}")
                if getattr(result, "fault", False):  # the output folder failed: stop here
                    self.halt(result.error)
                self.done.put((index, result))
        finally:
            engine.close()

    def run(self, items: list[tuple], finished: Callable) -> None:
        """Render `items` (index, job, key); call ``finished(index, result)`` for each."""
        for item in items:
            self.work.put(item)
        self.go.set()
        received = 0
        try:
            while received < len(items):
                try:
                    index, result = self.done.get(timeout=0.25)
                except queue.Empty:
                    if not any(t.is_alive() for t in self.threads) and self.done.empty():
                        break
                    continue
                received += 1
                finished(index, result)
            while True:  # halted, or every worker gave up: say why for what is left
                try:
                    index, job, _ = self.work.get_nowait()
                except queue.Empty:
                    break
                if self.halted is not None:
                    finished(index, self.skipped(job, f"{NOT_RENDERED}{self.halted}"))
                    continue
                why = self.errors[-1] if self.errors else "unknown"
                finished(index, self.failed(job, f"no Python kernel could be started: {why}"))
        except KeyboardInterrupt:
            self.abort()
            raise
        finally:
            self.close()

    def halt(self, reason: str) -> None:
        """Give out no more reports; those left are returned as `skipped`, with `reason`."""
        if self.halted is None:
            self.halted = reason

    def abort(self) -> None:
        """Stop at once: kill the kernels and let the threads end."""
        self.stop.set()
        self.go.set()
        for engine in self.engines:
            engine.kill()
        self.close()

    def close(self, wait: float = 30.0) -> None:
        """Let the threads finish (their engines shut their kernels down)."""
        self.stop.set()
        self.go.set()
        for thread in self.threads:
            thread.join(timeout=wait)
