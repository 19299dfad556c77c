"""Run a batch: skip what is up to date, render the rest in parallel, record everything.

Reports are rendered by a `pool.WorkerPool`: one thread per ``--jobs``, each with its own
engine (its own kernel for the ``warm`` engine).

A report that raises, times out or loses its kernel is marked and the others go on; a
lost kernel is replaced and its report retried once. Every output is written atomically
(`kcanalysis.reporting.files`), in this order: notebook, HTML, then the record with the
cache key, so a run killed at any moment leaves either the old good files or new good
ones, and a report whose record was not written is simply rendered again next time.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kcanalysis.errors import ParameterError
from kcanalysis.reporting.batch import cache, kernel
from kcanalysis.reporting.batch.jobs import Job, Plan, check_data, load_data
from kcanalysis.reporting.batch.pool import WorkerPool

FAILED = ("failed", "timeout")
LOCK_FILE = ".kcbatch.lock"


@dataclass
class Options:
    """How to run a batch (the command's options)."""

    engine: str = "warm"
    jobs: int | None = None
    force: bool = False
    retry_failed: bool = False
    timeout: float = 600.0
    progress: bool = True


@dataclass
class Result:
    """The outcome of one report: ``done``, ``cached``, ``failed``, ``timeout`` or ``not run``."""

    job: Job
    status: str
    seconds: float = 0.0
    error: str = ""
    failed_ipynb: str = ""
    attempts: int = 0
    headline: dict = field(default_factory=dict)
    synthetic: bool | None = None


@dataclass
class Outcome:
    """All results of a batch, where its index is, and its exit code."""

    results: list[Result]
    out_dir: Path
    index: Path | None = None
    engine: str = ""
    wall_seconds: float = 0.0

    def count(self, *statuses: str) -> int:
        """Return how many results have one of `statuses`."""
        return sum(r.status in statuses for r in self.results)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed or timed out, else 1."""
        return 1 if self.count(*FAILED) else 0


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_FILE, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise ParameterError(
                f"Another batch is writing to {out_dir}. Wait for it to finish, or give "
                "this one another folder with --out."
            ) from err
        yield


def _render(engine, job: Job, key: str, timeout: float) -> Result:
    """Run one report on `engine` (retrying once if its kernel died) and write its files."""
    from kcanalysis.reporting.batch.headline import headline
    from kcanalysis.reporting.execute import notebook_bytes
    from kcanalysis.reporting.files import atomic_write_bytes
    from kcanalysis.reporting.publish import publish_html

    started = time.monotonic()
    attempts, note = 0, ""
    while True:
        attempts += 1
        ex = engine.run(job.source, job.params, job.ipynb, timeout)
        if ex.outcome == "died" and attempts == 1:
            note = f" (retried once: {ex.message})"
            kernel.echo(f"  RETRY {ex.seconds:6.1f} s  {job.title}: {ex.message}; once more.")
            continue
        break
    synthetic = bool(getattr(load_data(job.data), "synthetic", False))
    if ex.outcome != "ok":
        failed = atomic_write_bytes(job.failed_ipynb, notebook_bytes(ex.nb))
        where = f"cell {ex.cell}: " if ex.cell is not None else ""
        return Result(
            job,
            "timeout" if ex.outcome == "timeout" else "failed",
            time.monotonic() - started,
            f"{where}{ex.message}{note}",
            str(failed),
            attempts,
            synthetic=synthetic,
        )
    nb = ex.nb
    nb.metadata["kcanalysis"] = {"cache_key": key}
    head = headline(job, nb)
    atomic_write_bytes(job.ipynb, notebook_bytes(nb))
    publish_html(nb, job.html, lang=job.lang, title=job.title)
    job.failed_ipynb.unlink(missing_ok=True)
    seconds = time.monotonic() - started
    cache.write_record(
        job,
        {
            "key": key,
            "status": "done",
            "seconds": round(seconds, 2),
            "finished": cache.now_iso(),
            "notebook": job.notebook,
            "params": job.params,
            "headline": head,
            "synthetic": synthetic,
        },
    )
    return Result(job, "done", seconds, note.strip(), "", attempts, head, synthetic)


def _failed(job: Job, message: str) -> Result:
    return Result(job, "failed", 0.0, message)


def _prepare_this_process() -> None:
    """Import papermill and nbconvert and load the HTML template while kernels start.

    Otherwise the first report of every worker waits for them (about 1.5 s).
    """
    import papermill.clientwrap
    import papermill.execute  # noqa: F401

    from kcanalysis.reporting import publish

    publish._exporter()


def _previous(state: dict, out_dir: Path, job: Job) -> dict:
    entry = state["reports"].get(cache.state_key(out_dir, job))
    return entry if isinstance(entry, dict) else {}


def _from_record(job: Job, record: dict) -> Result:
    return Result(
        job,
        "cached",
        float(record.get("seconds") or 0.0),
        headline=record.get("headline") or {},
        synthetic=record.get("synthetic"),
    )


def run_batch(plan: Plan, options: Options, echo: Callable[[str], None] | None = None) -> Outcome:
    """Render the reports of `plan`; write their files, the state file and ``index.html``.

    Parameters
    ----------
    plan : Plan
        From `kcanalysis.reporting.batch.grid.read_plan`.
    options : Options
        Engine, number of workers, ``force``, ``retry_failed``, timeout, progress bar.
    echo : callable, optional
        Receives the status line of each finished report (default: none).

    Raises
    ------
    ParameterError
        A report's data lack its area, year or period (nothing has run), or another
        batch holds the output folder.
    """
    from kcanalysis.reporting.batch.index import write_index
    from kcanalysis.reporting.batch.progress import Progress
    from kcanalysis.reporting.files import remove_stale_temps

    started = time.monotonic()
    out, jobs = plan.out_dir, plan.jobs
    with _locked(out):
        state = cache.read_state(out)
        keys = [cache.job_key(job) for job in jobs]
        results: list[Result | None] = [None] * len(jobs)
        wanted = set(range(len(jobs)))
        if options.retry_failed:
            wanted = {
                i
                for i, job in enumerate(jobs)
                if _previous(state, out, job).get("status") in FAILED
            }
        to_run = []
        for i, job in enumerate(jobs):
            rerun = options.force or (options.retry_failed and i in wanted)
            record = None if rerun else cache.fresh_record(job, keys[i])
            if record:
                results[i] = _from_record(job, record)
            elif i in wanted:
                to_run.append(i)
            else:
                before = _previous(state, out, job)
                results[i] = Result(job, "not run", error=before.get("error", ""))
        pool = None
        if to_run:  # kernels start while the data are checked; no report runs before
            workers = min(options.jobs or os.cpu_count() or 1, len(to_run))
            pool = WorkerPool(options.engine, workers, options.timeout, _render, _failed)
            pool.start(jobs[to_run[0]].source.parent)
        try:
            check_data([jobs[i] for i in to_run], f"Run file {plan.run_file}")
            for folder in {jobs[i].html.parent for i in to_run}:
                remove_stale_temps(folder)
            if pool is not None:
                _prepare_this_process()
        except BaseException:  # invalid data, or Ctrl-C: stop the kernels started above
            if pool is not None:
                pool.abort()
            raise

        progress = Progress(len(jobs), len(jobs) - len(to_run), options.progress, echo)

        def finished(i: int, result: Result) -> None:
            results[i] = result
            state["reports"][cache.state_key(out, result.job)] = {
                "status": result.status,
                "error": result.error,
                "seconds": round(result.seconds, 2),
                "failed_ipynb": result.failed_ipynb,
                "finished": cache.now_iso(),
            }
            cache.write_state(out, state)
            progress.finished(result)

        interrupted = False
        try:
            if pool is not None:
                pool.run([(i, jobs[i], keys[i]) for i in to_run], finished)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            progress.close()
        for i, job in enumerate(jobs):
            if results[i] is None:
                results[i] = Result(job, "not run", error="interrupted" if interrupted else "")
        outcome = Outcome(
            [r for r in results if r is not None],
            out,
            engine=options.engine,
            wall_seconds=time.monotonic() - started,
        )
        outcome.index = write_index(outcome)
        cache.write_state(out, {**state, "run_file": str(plan.run_file or "")})
    if interrupted:
        raise KeyboardInterrupt
    return outcome
