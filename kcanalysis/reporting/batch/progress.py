"""The batch's progress bar (tqdm) and the one-line status of each finished report.

The bar and the status lines go to stderr, so that stdout holds only the summary table
and, last, the path of ``index.html``. Kernel lines that are not noise are printed above
the bar while it shows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from kcanalysis.reporting.batch import kernel
from kcanalysis.reporting.batch.summary import status_line


class Progress:
    """One overall bar: done, failed and skipped counts, and the time left."""

    def __init__(
        self,
        total: int,
        skipped: int,
        enabled: bool = True,
        echo: Callable[[str], None] | None = None,
    ):
        from tqdm import tqdm

        self.enabled = enabled
        self.echo = echo
        self.counts = {"done": 0, "failed": 0, "skipped": skipped}
        self.bar = tqdm(
            total=total,
            initial=skipped,
            unit="report",
            file=sys.stderr,
            disable=not enabled,
            dynamic_ncols=True,
            mininterval=0.2,
            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]",
        )
        self._postfix()
        kernel.set_echo(self.write)
        if skipped and total:
            self.write(f"{skipped} of {total} report(s) up to date: skipped.")

    def _postfix(self) -> None:
        self.bar.set_postfix_str(
            ", ".join(f"{k} {v}" for k, v in self.counts.items()), refresh=True
        )

    def write(self, line: str) -> None:
        """Print `line` above the bar (or to stderr when the bar is off)."""
        if self.enabled:
            self.bar.write(line, file=sys.stderr)
        elif self.echo is None:
            print(line, file=sys.stderr, flush=True)
        if self.echo is not None:
            self.echo(line)

    def finished(self, result) -> None:
        """Count a finished report and print its status line."""
        kind = result.status if result.status in ("done", "stale", "not run") else "failed"
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.write(status_line(result))
        self.bar.set_postfix_str(
            ", ".join(f"{k} {v}" for k, v in self.counts.items()), refresh=False
        )
        self.bar.update(1)

    def close(self) -> None:
        """Close the bar; kernel lines go to plain stderr again."""
        self.bar.close()
        kernel.set_echo(None)
