"""The `kcanalysis batch` command: render the reports of a run file in parallel.

The lead's `kcanalysis/cli.py` adds it with ``main.add_command(batch)``; it also runs as
``python -m kcanalysis.reporting.batch.cli PARAMS.yaml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kcanalysis.errors import KcAnalysisError
from kcanalysis.reporting.batch.engines import ENGINES


@click.command("batch")
@click.argument("run_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Reports rendered at once (default: the number of cores).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="warm",
    show_default=True,
    help="warm: one long-lived kernel per worker; papermill: a fresh kernel per report.",
)
@click.option("--force", is_flag=True, help="Render every report, even those up to date.")
@click.option("--retry-failed", is_flag=True, help="Render only the reports that failed last time.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=600.0,
    show_default=True,
    help="Seconds one report may run before it is stopped and marked as timed out.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (replaces any 'out' in the run file; default: outputs/).",
)
@click.option("--no-progress", is_flag=True, help="No progress bar (status lines only).")
@click.option(
    "--pdf",
    is_flag=True,
    help="Also print every report to an A4 PDF beside its HTML (needs a headless Chromium).",
)
@click.option(
    "--bundle",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write NAME.zip for readers: index.html, the summary files, the HTML reports and "
    "their PDFs, without the working files.",
)
@click.pass_context
def batch(
    ctx, run_file, jobs, engine, force, retry_failed, timeout, out, no_progress, pdf, bundle
) -> None:
    """Render every report named in RUN_FILE, in parallel, and write an index.html.

    RUN_FILE is a YAML grid (notebook, areas, years, periods, langs, data), a list of
    grids under `runs:`, or an explicit list under `sets:`; see
    `kcanalysis.reporting.batch.grid`. Reports that are up to date are skipped. The exit
    code is 1 if any report failed, timed out or is stale (a data file changed during the
    batch), or the index could not be written; 2 if nothing could run: the run file or
    the data are invalid, or the output folder cannot be written. The last line printed
    is the path of index.html; summary.csv and summary.xlsx are written beside it.
    Executed notebooks, records, the lock and the state file go into OUT/_work/, so the
    rest of the folder is what readers get; --bundle zips just that.
    """
    from kcanalysis.reporting.batch.grid import read_plan
    from kcanalysis.reporting.batch.runner import Options, run_batch
    from kcanalysis.reporting.batch.summary import summary_table

    if bundle is not None and bundle.suffix.lower() != ".zip":
        click.echo(f"error: --bundle {bundle} must name a .zip file (e.g. reports.zip).", err=True)
        ctx.exit(2)
    options = Options(engine, jobs, force, retry_failed, timeout, not no_progress, pdf, bundle)
    try:
        plan = read_plan(run_file, out)
        outcome = run_batch(plan, options)
    except KcAnalysisError as err:
        click.echo(f"error: {err}", err=True)
        ctx.exit(2)
    except OSError as err:  # a file system fault no check foresaw: still no traceback
        where = f" ({err.filename})" if err.filename else ""
        click.echo(f"error: {err.strerror or err}{where}. Nothing more was run.", err=True)
        ctx.exit(2)
    except KeyboardInterrupt:
        click.echo("Interrupted: finished reports are kept; run again to do the rest.", err=True)
        ctx.exit(130)
    sys.stderr.flush()
    click.echo(summary_table(outcome))
    for problem in outcome.problems:
        click.echo(f"error: {problem}", err=True)
    if outcome.bundle is not None:
        click.echo(f"Bundle for readers: {outcome.bundle}", err=True)
    if outcome.index is not None:
        click.echo(str(outcome.index))
    ctx.exit(outcome.exit_code)


@click.command("summary")
@click.argument(
    "out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default="outputs"
)
@click.pass_context
def summary(ctx, out_dir) -> None:
    """Rebuild summary.csv and summary.xlsx in OUT_DIR from its reports' records.

    Nothing is rendered: the key figures of each report are read from the records the
    batch wrote beside it (computed from the report's data when an older record lacks
    them). One row per report found in OUT_DIR (default: outputs/), failed ones with the
    reason. The last two lines printed are the paths of the two files.
    """
    from kcanalysis.reporting.batch.export import rows_of_folder, write_summary
    from kcanalysis.reporting.files import OutputWriteError

    rows = rows_of_folder(out_dir)
    if not rows:
        click.echo(
            f"error: {out_dir} holds no rendered report (no *.report.json). Run "
            "`kcanalysis batch RUN_FILE --out OUT_DIR` first.",
            err=True,
        )
        ctx.exit(2)
    try:
        paths = write_summary(out_dir, rows)
    except OutputWriteError as err:
        click.echo(f"error: {err}", err=True)
        ctx.exit(2)
    click.echo(f"{len(rows)} report(s) in the summary.", err=True)
    for path in paths:
        click.echo(str(path))


if __name__ == "__main__":  # pragma: no cover
    batch()
