"""Batch runs: many reports from one run file, in parallel, cached, with an index page.

- `grid` reads a run file and expands it into `jobs.Job` items, validating all of it
  (`paths`: where a run file may point; `literals`: which values may be injected);
- `engines`, `kernel` and `kernel_side` run notebooks on fresh or warm kernels;
- `runner` runs the jobs in worker threads with timeouts, retries and progress;
- `cache` holds the keys, the per-report records, the state file, and the watch that marks
  reports stale when a data file changes during the batch;
- `headline`, `index` and `summary` say what came out;
- `cli` is the `kcanalysis batch` command.
"""

from kcanalysis.reporting.batch.grid import read_plan
from kcanalysis.reporting.batch.runner import Options, Outcome, run_batch

__all__ = ["Options", "Outcome", "read_plan", "run_batch"]
