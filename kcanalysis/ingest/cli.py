"""`kcanalysis validate FILE`: say what a file is understood to be and what became of every
row.

Exit codes, for scripts:

- 0: loaded, nothing quarantined and no problem. How an ambiguous cell such as "1.800"
  was read is information (listed under "Readings to check"), not a problem, unless
  ``--strict`` is given;
- 1: loaded, but rows were quarantined, or a figure disagrees with its subtotal (or
  another warning: a conflict between files, titles or unit lines), or, with
  ``--strict``, an ambiguous cell was read;
- 2: nothing loaded (or the options contradict the file).
"""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from kcanalysis.errors import KcAnalysisError
from kcanalysis.ingest.cells import one_line
from kcanalysis.ingest.loading import ingest, nothing_loaded
from kcanalysis.text import format_number

MAX_SHOWN = 30


@click.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--province", help="Province (name or GSO code) when the file does not say.")
@click.option("--year", type=int, help="Year when the file does not say.")
@click.option(
    "--period",
    help="FY (default), M1..M11 (first N months; H1 = M6), Q1..Q4, H2 (last six months) or "
    "P<start>-<end>.",
)
@click.option("--sheet", help="Sheet to read (default: the first with a table).")
@click.option(
    "--quarantine",
    "quarantine_csv",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the quarantined rows with their reasons to this CSV file.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 also when an ambiguous number (such as '1.800') had to be read one way.",
)
def validate(file: Path, province, year, period, sheet, quarantine_csv, strict) -> None:
    """Check FILE (.xlsx, .xls or .csv) and print what would be loaded from it.

    Exit code 0: clean (ambiguous numbers read one way are listed, as information); 1:
    rows quarantined, a figure disagreeing with its subtotal or another warning (with
    --strict, an ambiguous number too); 2: nothing loaded.
    """
    try:
        result = ingest(file, province=province, year=year, period=period, sheet=sheet)
    except KcAnalysisError as err:
        # one line, as the kcanalysis command shows its errors
        click.echo(f"error: {one_line(err, 2000)}", err=True)
        raise SystemExit(2) from err
    report = result.report
    for line in report.summary_lines():
        click.echo(line)
    if result.projects is not None:
        click.echo(
            f"Projects:   {len(result.projects)} loaded, aggregated into {len(result.facts)} facts"
        )
    _echo_messages("Notes", report.notes)
    _echo_messages("Warnings", report.problems)
    _echo_messages("Readings to check", report.readings)
    quarantined = report.records.query("category == 'quarantined'")
    if len(quarantined):
        click.echo(f"Quarantined rows ({len(quarantined)}):")
        for r in quarantined.head(MAX_SHOWN).itertuples():
            click.echo(f"  {report.path.name}: {r.cell}: {r.reason}")
        if len(quarantined) > MAX_SHOWN:
            click.echo(f"  ... and {len(quarantined) - MAX_SHOWN} more")
    if quarantine_csv is not None:
        report.write_quarantine(quarantine_csv)
        click.echo(f"Quarantined rows written to {quarantine_csv}")
    if result.facts.empty:
        click.echo(f"Nothing could be loaded. {report.path.name}: {nothing_loaded(report)}.")
        raise SystemExit(2)
    click.echo("Totals loaded per level and activity:")
    click.echo(_totals(result.facts))
    raise SystemExit(0 if report.clean and not (strict and report.readings) else 1)


def _echo_messages(title: str, messages) -> None:
    if not messages:
        return
    click.echo(f"{title} ({len(messages)}):")
    for m in messages[:MAX_SHOWN]:
        click.echo(f"  {m}")
    if len(messages) > MAX_SHOWN:
        click.echo(f"  ... and {len(messages) - MAX_SHOWN} more")


def _totals(facts: pd.DataFrame) -> str:
    """Return the loaded totals per level and activity (and per year, period and map
    vintage, when the file has several: a plan for the year and an actual for 9 months
    are not added, nor an old province's figure and a new unit's)."""
    when = [k for k in ("year", "period", "vintage") if facts[k].nunique() > 1]
    keys = [*when, "level", "activity", "indicator", "unit"]
    totals = facts.groupby(keys, sort=True)[["planned", "actual"]].sum(min_count=1)
    head = "".join(f"{k:<11}" for k in when)
    lines = [
        f"  {head}{'level':<6} {'activity':<8} {'indicator':<26} {'planned':>14} "
        f"{'actual':>14}  unit"
    ]
    for key, row in totals.iterrows():
        *first, level, activity, indicator, unit = key
        planned = "" if pd.isna(row["planned"]) else format_number(row["planned"], decimals=None)
        actual = "" if pd.isna(row["actual"]) else format_number(row["actual"], decimals=None)
        lead = "".join(f"{v!s:<11}" for v in first)
        lines.append(
            f"  {lead}{level:<6} {activity:<8} {indicator:<26} {planned:>14} {actual:>14}  {unit}"
        )
    return "\n".join(lines)
