"""Run a batch: skip what is up to date, render the rest in parallel, record everything.

Reports are rendered by a `pool.WorkerPool`: one thread per ``--jobs``, each with its own
engine (its own kernel for the ``warm`` engine).

A report that raises, times out or loses its kernel is marked and the others go on; a
lost kernel is replaced and its report retried once. Every output is written atomically
(`kcanalysis.reporting.files`): the notebook and the HTML are both written to temporary
files first and renamed into place only when both were written, then the record with
the cache key is written. A run killed at any moment leaves either the old good files or
new good ones, and a report whose record was not written is simply rendered again.

Faults of the output folder:

- it cannot be written when the batch starts (read-only, full, no permission): a
  `ReportError` naming the folder, before any kernel starts (the command exits 2);
- it fills up or becomes read-only during the batch: the report being written is marked
  failed with a message naming the file and saying what to do, its earlier files are left
  as they were, no further report is started (those left are "not run", with the
  reason), and what could not be written (state file, index) is listed in
  `Outcome.problems` (the command exits 1).

A data file or notebook that changes during the batch (`cache.Watch`) makes the reports
that use it ``stale``: in the summary, the state file, the records and ``index.html``,
and the command exits 1.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kcanalysis.errors import ParameterError
from kcanalysis.reporting.batch import cache, kernel
from kcanalysis.reporting.batch.jobs import Job, Plan, check_data, load_data
from kcanalysis.reporting.batch.pool import NOT_RENDERED, WorkerPool
from kcanalysis.reporting.files import OutputWriteError, write_error

FAILED = ("failed", "timeout")
#: Statuses that make the exit code 1, and that ``--retry-failed`` renders again.
BAD = (*FAILED, "stale")
#: Statuses whose HTML readers get (in the bundle, and printed by --pdf).
READABLE = ("done", "cached", "stale")
LOCK_FILE = "_work/.kcbatch.lock"


@dataclass
class Options:
    """How to run a batch (the command's options)."""

    engine: str = "warm"
    jobs: int | None = None
    force: bool = False
    retry_failed: bool = False
    timeout: float = 600.0
    progress: bool = True
    pdf: bool = False
    bundle: Path | None = None


@dataclass
class Result:
    """The outcome of one report: ``done``, ``cached``, ``failed``, ``timeout``, ``stale``
    or ``not run``. `fault` says that the output folder itself failed (full, read-only)."""

    job: Job
    status: str
    seconds: float = 0.0
    error: str = ""
    failed_ipynb: str = ""
    attempts: int = 0
    headline: dict = field(default_factory=dict)
    synthetic: bool | None = None
    fault: bool = False


@dataclass
class Outcome:
    """All results of a batch, where its index is, and its exit code.

    `problems` lists what could not be written besides the reports (the state file, the
    index); `index` is None when the index could not be written.
    """

    results: list[Result]
    out_dir: Path
    index: Path | None = None
    summary: tuple[Path, Path] | None = None
    bundle: Path | None = None
    engine: str = ""
    wall_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def count(self, *statuses: str) -> int:
        """Return how many results have one of `statuses`."""
        return sum(r.status in statuses for r in self.results)

    @property
    def exit_code(self) -> int:
        """0 when all is well; 1 when a report failed, timed out or is stale, or the
        state file or index could not be written."""
        return 1 if self.count(*BAD) or self.problems else 0


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    # Opened read-only (flock does not need more): no file of the folder is held open for
    # writing while reports run, so it can even be remounted read-only meanwhile.
    try:
        (out_dir / LOCK_FILE).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir / LOCK_FILE, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as err:
        raise write_error(out_dir, err, folder=True) from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise ParameterError(
                f"Another batch is writing to {out_dir}. Wait for it to finish, or give "
                "this one another folder with --out."
            ) from err
        yield
    finally:
        os.close(fd)


def _render(engine, job: Job, key: str, timeout: float, watch: cache.Watch | None = None) -> Result:
    """Run one report on `engine` (retrying once if its kernel died) and write its files."""
    from kcanalysis.reporting.batch.figures import key_figures
    from kcanalysis.reporting.batch.headline import headline
    from kcanalysis.reporting.batch.literals import check_injected
    from kcanalysis.reporting.execute import notebook_bytes
    from kcanalysis.reporting.files import (
        atomic_write_bytes,
        commit,
        discard,
        stage_bytes,
        temp_sibling,
    )
    from kcanalysis.reporting.publish import publish_html

    started = time.monotonic()
    attempts, note = 0, ""
    while True:
        attempts += 1
        ex = engine.run(job.source, job.params, job.ipynb, timeout, check=check_injected)
        if ex.outcome == "died" and attempts == 1:
            note = f" (retried once: {ex.message})"
            kernel.echo(f"  RETRY {ex.seconds:6.1f} s  {job.title}: {ex.message}; once more.")
            continue
        break
    synthetic = bool(getattr(load_data(job.data), "synthetic", False))
    if ex.outcome != "ok":
        where = f"cell {ex.cell}: " if ex.cell is not None else ""
        status = "timeout" if ex.outcome == "timeout" else "failed"
        message, failed, fault = f"{where}{ex.message}{note}", "", False
        try:
            failed = str(atomic_write_bytes(job.failed_ipynb, notebook_bytes(ex.nb)))
        except OutputWriteError as err:
            message += f" The failed notebook could not be kept: {err}"
            fault = err.folder_fault
        return Result(
            job,
            status,
            time.monotonic() - started,
            message,
            failed,
            attempts,
            synthetic=synthetic,
            fault=fault,
        )
    nb = ex.nb
    nb.metadata["kcanalysis"] = {"cache_key": key}
    head = headline(job, nb)
    figures = key_figures(job)
    changes = watch.changes(job) if watch is not None else []
    status = "stale" if changes else "done"
    message = cache.stale_message(changes) if changes else note.strip()
    staged: list[tuple[Path, Path]] = []
    committed = False
    try:
        # Both files are written before either replaces its earlier version.
        staged.append((stage_bytes(job.ipynb, notebook_bytes(nb)), job.ipynb))
        staged.append((temp_sibling(job.html), job.html))
        try:
            publish_html(nb, staged[-1][0], lang=job.lang, title=job.title)
        except OutputWriteError as err:  # name the report, not the temporary file
            code = err.errno or errno.EIO
            raise write_error(job.html, OSError(code, os.strerror(code))) from err
        commit(staged)
        committed = True
        with contextlib.suppress(OSError):
            job.failed_ipynb.unlink(missing_ok=True)
        seconds = time.monotonic() - started
        cache.write_record(
            job,
            {
                "key": key,
                "status": status,
                "error": message if changes else "",
                "seconds": round(seconds, 2),
                "finished": cache.now_iso(),
                "notebook": job.notebook,
                "params": job.params,
                "report_params": job.checked.to_dict(),
                "headline": head,
                "figures": figures,
                "synthetic": synthetic,
                "html": os.path.relpath(job.html, job.record.parent),
            },
        )
    except OutputWriteError as err:
        return Result(
            job,
            "failed",
            time.monotonic() - started,
            str(err),
            "",
            attempts,
            synthetic=synthetic,
            fault=err.folder_fault,
        )
    finally:
        if not committed:
            discard([tmp for tmp, _ in staged])
    return Result(job, status, seconds, message, "", attempts, head, synthetic)


def _failed(job: Job, message: str) -> Result:
    return Result(job, "failed", 0.0, message)


def _not_run(job: Job, message: str) -> Result:
    return Result(job, "not run", 0.0, message)


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


def _retry(previous: dict) -> bool:
    """Whether ``--retry-failed`` renders a report again: it failed, timed out, is stale,
    or was not rendered because the output folder failed."""
    status, error = previous.get("status"), str(previous.get("error") or "")
    return status in BAD or (status == "not run" and error.startswith(NOT_RENDERED))


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
    ReportError
        The output folder cannot be written (an `OutputWriteError`; nothing has run).
    """
    from kcanalysis.reporting.batch.export import rows_of_outcome, write_summary
    from kcanalysis.reporting.batch.index import write_index
    from kcanalysis.reporting.batch.progress import Progress
    from kcanalysis.reporting.files import check_writable, remove_stale_temps

    started = time.monotonic()
    out, jobs = plan.out_dir, plan.jobs
    if options.pdf:
        from kcanalysis.reporting.batch.deliver import find_browser

        find_browser()  # no browser: refused before anything runs, with how to install one
    with _locked(out):
        state = cache.read_state(out)
        watch = cache.Watch(jobs)  # before the keys: a change after this is seen
        keys = [cache.job_key(job) for job in jobs]
        results: list[Result | None] = [None] * len(jobs)
        wanted = set(range(len(jobs)))
        if options.retry_failed:
            wanted = {i for i, job in enumerate(jobs) if _retry(_previous(state, out, job))}
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
        check_writable(out)  # before any kernel starts
        pool = None
        if to_run:  # kernels start while the data are checked; no report runs before
            workers = min(options.jobs or os.cpu_count() or 1, len(to_run))
            render = functools.partial(_render, watch=watch)
            pool = WorkerPool(options.engine, workers, options.timeout, render, _failed, _not_run)
            pool.start(jobs[to_run[0]].source.parent)
        try:
            check_data([jobs[i] for i in to_run], f"Run file {plan.run_file}")
            folders = {jobs[i].html.parent for i in to_run} | {jobs[i].ipynb.parent for i in to_run}
            for folder in sorted(folders):
                check_writable(folder)  # every folder written to must take a file
                remove_stale_temps(folder)
            if pool is not None:
                _prepare_this_process()
        except BaseException:  # invalid data, or Ctrl-C: stop the kernels started above
            if pool is not None:
                pool.abort()
            raise

        progress = Progress(len(jobs), len(jobs) - len(to_run), options.progress, echo)
        problems: list[str] = []

        def problem(what: str, err: OutputWriteError) -> None:
            text = f"{what} could not be written: {err}"
            if text not in problems:
                problems.append(text)
            if err.folder_fault and pool is not None:
                pool.halt(str(err))

        def remember(result: Result) -> None:
            state["reports"][cache.state_key(out, result.job)] = {
                "status": result.status,
                "error": result.error,
                "seconds": round(result.seconds, 2),
                "failed_ipynb": result.failed_ipynb,
                "finished": cache.now_iso(),
                "notebook": result.job.notebook,
                "report_params": result.job.checked.to_dict(),
            }

        def finished(i: int, result: Result) -> None:
            results[i] = result
            if result.fault and pool is not None:
                pool.halt(result.error)
            remember(result)
            try:
                cache.write_state(out, state)
            except OutputWriteError as err:
                problem(f"The state file {out / cache.STATE_FILE}", err)
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
        # A file that changed after a report was rendered makes that report stale too.
        for result in results:
            if result is None or result.status not in ("done", "cached"):
                continue
            changes = watch.changes(result.job)
            if not changes:
                continue
            result.status, result.error = "stale", cache.stale_message(changes)
            remember(result)
            try:
                cache.mark_stale(result.job, result.error)
            except OutputWriteError as err:
                problem(f"The record {result.job.record}", err)
        if options.pdf and not interrupted:
            from kcanalysis.reporting.batch.deliver import make_pdfs

            shown = [r for r in results if r is not None and r.status in READABLE]
            readable = [r.job.html for r in shown if r.job.html.is_file()]
            problems += make_pdfs(readable, options.jobs or 2)[1]
        outcome = Outcome(
            [r for r in results if r is not None],
            out,
            engine=options.engine,
            wall_seconds=time.monotonic() - started,
            problems=problems,
        )
        try:
            outcome.index = write_index(outcome)
        except OutputWriteError as err:
            problem(f"The index {out / 'index.html'}", err)
        try:
            outcome.summary = write_summary(out, rows_of_outcome(outcome))
        except OutputWriteError as err:
            problem(f"The summary files {out / 'summary.csv'} and summary.xlsx", err)
        if options.bundle is not None and not interrupted:
            from kcanalysis.reporting.batch.deliver import write_bundle

            try:
                outcome.bundle = write_bundle(outcome, options.bundle)
            except OutputWriteError as err:
                problem(f"The bundle {options.bundle}", err)
        try:
            cache.write_state(out, {**state, "run_file": str(plan.run_file or "")})
        except OutputWriteError as err:
            problem(f"The state file {out / cache.STATE_FILE}", err)
    if interrupted:
        raise KeyboardInterrupt
    return outcome
