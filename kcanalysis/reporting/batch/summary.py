"""Text shown at the end of a batch: a status line per report and the summary table."""

from __future__ import annotations

from pathlib import Path

WORDS = {
    "done": "done",
    "cached": "skipped",
    "failed": "FAILED",
    "timeout": "TIMEOUT",
    "stale": "STALE",
    "not run": "not run",
}


def display_path(path: str | Path) -> str:
    """Return `path` relative to the working folder when it is inside it."""
    path = Path(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def status_line(result) -> str:
    """One line for a finished report: status, seconds, what, and where (or why not)."""
    job = result.job
    head = f"{WORDS.get(result.status, result.status):>7} {result.seconds:6.1f} s  {job.title}"
    if job.lang != "vi":
        head += f" [{job.lang}]"
    if result.status in ("done", "cached"):
        return f"{head}  {display_path(job.html)}" + (f"  {result.error}" if result.error else "")
    if result.status == "stale":
        return f"{head}  {display_path(job.html)}: {result.error}"
    where = f" (notebook: {display_path(result.failed_ipynb)})" if result.failed_ipynb else ""
    return f"{head}: {result.error}{where}"


def totals_line(outcome) -> str:
    """One sentence with the counts of the batch."""
    n = len(outcome.results)
    parts = [
        f"{outcome.count('done')} done",
        f"{outcome.count('failed')} failed",
        f"{outcome.count('timeout')} timed out",
        f"{outcome.count('cached')} skipped (up to date)",
    ]
    if outcome.count("stale"):
        parts.append(f"{outcome.count('stale')} stale (data changed during the batch)")
    if outcome.count("not run"):
        parts.append(f"{outcome.count('not run')} not run")
    return (
        f"{n} report(s) in {outcome.wall_seconds:.1f} s with the {outcome.engine} engine: "
        + ", ".join(parts)
        + "."
    )


def summary_table(outcome) -> str:
    """Return the summary table: status, seconds and output path of every report."""
    rows = []
    for r in outcome.results:
        shown = r.status in ("done", "cached", "stale")
        path = r.job.html if shown else (r.failed_ipynb or r.job.html)
        rows.append((WORDS.get(r.status, r.status), f"{r.seconds:.1f}", display_path(path)))
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(_HEAD)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(_HEAD, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for status, seconds, path in rows:
        lines.append(f"{status.ljust(widths[0])}  {seconds.rjust(widths[1])}  {path}")
    for title, statuses in (("Failed:", ("failed", "timeout")), ("Stale:", ("stale",))):
        listed = [r for r in outcome.results if r.status in statuses]
        if listed:
            lines.append("")
            lines.append(title)
            lines += [f"  {status_line(r).strip()}" for r in listed]
    reasons = {r.error for r in outcome.results if r.status == "not run" and r.error}
    if reasons:
        lines.append("")
        lines.append("Not run:")
        lines += [f"  {why}" for why in sorted(reasons)]
    lines.append("")
    lines.append(totals_line(outcome))
    return "\n".join(lines)


_HEAD = ("status", "seconds", "output")
